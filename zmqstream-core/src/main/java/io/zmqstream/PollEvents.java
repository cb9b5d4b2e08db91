package io.zmqstream;

import java.nio.channels.SelectionKey;

import org.zeromq.ZMQ;

/** Translates between ZeroMQ poll events and NIO selection operations for plain channels. */
final class PollEvents {

    private static final int READ_OPS = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
    private static final int WRITE_OPS = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;

    private PollEvents() {
    }

    static int toSelectionOps(int events, int validOps) {
        int ops = 0;
        if ((events & ZMQ.Poller.POLLIN) != 0) {
            ops |= READ_OPS;
        }
        if ((events & ZMQ.Poller.POLLOUT) != 0) {
            ops |= WRITE_OPS;
        }
        return ops & validOps;
    }

    static int fromSelectionOps(int readyOps) {
        int events = 0;
        if ((readyOps & READ_OPS) != 0) {
            events |= ZMQ.Poller.POLLIN;
        }
        if ((readyOps & WRITE_OPS) != 0) {
            events |= ZMQ.Poller.POLLOUT;
        }
        return events;
    }
}
