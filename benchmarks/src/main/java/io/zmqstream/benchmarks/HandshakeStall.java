package io.zmqstream.benchmarks;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * How often raw JeroMQ leaves a fresh tcp connection between two contexts stuck in its handshake:
 * each try makes a new context with a DEALER that connects to a REP of another context (or of the
 * same one, with {@code same}) and sends one request; a try fails when the REP gets nothing within
 * two seconds. No ZMQStream is involved: this is the figure behind the README's JeroMQ caveat, to
 * check again when JeroMQ is upgraded.
 *
 * <p>Arguments: tries (default 100), the connecting side's handshake interval in milliseconds
 * (default 0: JeroMQ's own, 30 s), and {@code same} to use one context for both sides.
 */
public final class HandshakeStall {

    private static final int RECEIVE_TIMEOUT_MILLIS = 2_000;

    private HandshakeStall() {
    }

    /**
     * Runs the tries and prints how many stalled.
     *
     * @param args optionally the tries, the handshake interval and {@code same}
     */
    public static void main(String[] args) {
        int tries = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int handshakeMillis = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        boolean sameContext = args.length > 2 && args[2].equals("same");
        int stalled = 0;
        for (int i = 0; i < tries; i++) {
            if (!requestArrives(handshakeMillis, sameContext)) {
                stalled++;
            }
        }
        System.out.printf("%s, handshake interval %s: %d of %d connections stalled%n",
                sameContext ? "one context" : "two contexts", handshakeMillis > 0 ? handshakeMillis + " ms" : "JeroMQ's default",
                stalled, tries);
    }

    private static boolean requestArrives(int handshakeMillis, boolean sameContext) {
        try (ZContext server = new ZContext(); ZContext separate = new ZContext()) {
            ZContext client = sameContext ? server : separate;
            ZMQ.Socket rep = server.createSocket(SocketType.REP);
            rep.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket dealer = client.createSocket(SocketType.DEALER);
            if (handshakeMillis > 0) {
                dealer.setHandshakeIvl(handshakeMillis);
            }
            dealer.connect("tcp://127.0.0.1:" + port);
            dealer.sendMore(new byte[0]);
            dealer.send("ping");
            return "ping".equals(rep.recvStr());
        }
    }
}
