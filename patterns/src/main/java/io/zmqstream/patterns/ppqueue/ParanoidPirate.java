package io.zmqstream.patterns.ppqueue;

/**
 * What the Paranoid Pirate protocol's queue and workers say to each other, besides requests and
 * replies: one-frame signals.
 */
final class ParanoidPirate {

    /** A worker's first message: it serves from now on. */
    static final byte[] READY = { 1 };

    /** Sent both ways every heartbeat interval while nothing else is. */
    static final byte[] HEARTBEAT = { 2 };

    private ParanoidPirate() {
    }
}
