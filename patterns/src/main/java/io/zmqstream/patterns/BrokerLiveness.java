package io.zmqstream.patterns;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.zmqstream.autoconfigure.ZmqStreamRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's view of its broker (or queue), as the Guide's reliable workers keep it: the broker is
 * alive while it has spoken within {@code liveness} heartbeats; once it has not, or it said so, the
 * worker's stream is rebuilt on a new socket with a new identity, and the worker registers again as
 * a new peer. Used on the loop thread only.
 */
public final class BrokerLiveness {

    private static final Logger log = LoggerFactory.getLogger(BrokerLiveness.class);

    private final ZmqStreamRegistry streams;
    private final String stream;
    private final int liveness;
    private final Runnable register;
    private int heartbeatsLeft;

    /**
     * Watches a broker.
     *
     * @param streams the registry that rebuilds the worker's stream
     * @param stream the worker's stream, a key of {@code zmq.streams}
     * @param liveness the heartbeats the broker may miss
     * @param register what the worker sends to register, again after each rebuild
     */
    public BrokerLiveness(ZmqStreamRegistry streams, String stream, int liveness, Runnable register) {
        this.streams = streams;
        this.stream = stream;
        this.liveness = liveness;
        this.register = register;
        this.heartbeatsLeft = liveness;
    }

    /** The broker spoke. */
    public void heard() {
        heartbeatsLeft = liveness;
    }

    /**
     * A heartbeat interval has passed: reconnects when the broker has now been silent for too long.
     *
     * @return {@code true} while the broker counts as alive, when the worker sends its heartbeat
     */
    public boolean beat() {
        if (--heartbeatsLeft > 0) {
            return true;
        }
        reconnect("the broker has been silent for " + liveness + " heartbeats");
        return false;
    }

    /**
     * Gives up on the current connection: a new socket, a new identity, and registering again.
     *
     * @param why for the log
     */
    public void reconnect(String why) {
        heartbeatsLeft = liveness;
        String identity = "worker-" + UUID.randomUUID();
        log.warn("{}: {}; registering again as {}", stream, why, identity);
        streams.rebuild(stream, identity.getBytes(StandardCharsets.UTF_8)).thenRun(register);
    }
}
