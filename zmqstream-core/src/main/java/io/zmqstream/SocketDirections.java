package io.zmqstream;

import java.util.Set;

import org.zeromq.SocketType;

/**
 * Which ways a socket type carries messages. Most types both send and receive; a few only do one,
 * and JeroMQ answers the other with an {@code UnsupportedOperationException} (a PULL's send, a
 * PUB's receive) instead of an error code. Types are told apart by name, so that the draft types of
 * another JeroMQ release are known too.
 */
public final class SocketDirections {

    private static final Set<String> RECEIVE_ONLY = Set.of("PULL", "SUB", "DISH", "GATHER");
    private static final Set<String> SEND_ONLY = Set.of("PUSH", "PUB", "RADIO", "SCATTER");

    private SocketDirections() {
    }

    /**
     * Whether a socket of this type can send.
     *
     * @param type the socket type
     * @return {@code false} for PULL, SUB, DISH and GATHER
     */
    public static boolean sends(SocketType type) {
        return !RECEIVE_ONLY.contains(type.name());
    }

    /**
     * Whether a socket of this type can receive.
     *
     * @param type the socket type
     * @return {@code false} for PUSH, PUB, RADIO and SCATTER
     */
    public static boolean receives(SocketType type) {
        return !SEND_ONLY.contains(type.name());
    }
}
