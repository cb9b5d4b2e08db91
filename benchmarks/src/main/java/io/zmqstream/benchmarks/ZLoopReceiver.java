package io.zmqstream.benchmarks;

import java.util.concurrent.CountDownLatch;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZLoop;
import org.zeromq.ZMQ;

/**
 * JeroMQ's own reactor, {@link ZLoop}, receiving on a thread of its own: a PULL socket bound on tcp
 * loopback whose handler takes one message per readiness, as ZLoop's handlers do, and ends the
 * loop after the last.
 */
final class ZLoopReceiver {

    private ZLoopReceiver() {
    }

    /** One round: a raw PUSH sender sends {@code messages} to a new ZLoop receiver, timed until it has them all. */
    static double round(ZContext context, int messages) throws InterruptedException {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        String endpoint = "tcp://127.0.0.1:" + pull.bindToRandomPort("tcp://127.0.0.1");
        CountDownLatch received = new CountDownLatch(1);
        ZLoop loop = new ZLoop(context);
        int[] count = new int[1];
        loop.addPoller(new ZMQ.PollItem(pull, ZMQ.Poller.POLLIN), (zloop, item, arg) -> {
            item.getSocket().recv(0);
            if (++count[0] == messages) {
                received.countDown();
                return -1;
            }
            return 0;
        }, null);
        Thread thread = new Thread(loop::start, "bench-zloop");
        thread.start();
        try {
            return PushSender.time(context, endpoint, messages, received);
        }
        finally {
            thread.join();
            loop.destroy();
            context.destroySocket(pull);
        }
    }
}
