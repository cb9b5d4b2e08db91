package io.zmqstream.patterns.majordomo;

import java.nio.charset.StandardCharsets;

/** The words of Majordomo Protocol 0.1 (RFC 7/MDP). */
final class Mdp {

    /** The header of every client message, both ways. */
    static final byte[] CLIENT = "MDPC01".getBytes(StandardCharsets.US_ASCII);

    /** The header of every worker message, both ways. */
    static final byte[] WORKER = "MDPW01".getBytes(StandardCharsets.US_ASCII);

    /** An empty frame: the delimiter a REQ client expects and a DEALER worker sends. */
    static final byte[] EMPTY = new byte[0];

    /** The worker commands, one frame of one byte each. */
    enum Command {
        READY, REQUEST, REPLY, HEARTBEAT, DISCONNECT;

        /** The command's frame. */
        byte[] frame() {
            return new byte[] { (byte) (ordinal() + 1) };
        }

        /** The command a frame names, or {@code null} for none. */
        static Command of(byte[] frame) {
            int code = frame.length == 1 ? frame[0] - 1 : -1;
            return code >= 0 && code < values().length ? values()[code] : null;
        }
    }

    private Mdp() {
    }
}
