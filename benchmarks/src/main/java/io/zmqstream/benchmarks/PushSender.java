package io.zmqstream.benchmarks;

import java.util.concurrent.CountDownLatch;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The raw JeroMQ PUSH sender every receive harness times its receivers with. */
final class PushSender {

    private PushSender() {
    }

    /**
     * Sends from a raw PUSH socket on this thread; the clock runs until the receiver has everything.
     *
     * @return messages per second
     */
    static double time(ZContext context, String endpoint, int messages, CountDownLatch received)
            throws InterruptedException {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.connect(endpoint);
        byte[] payload = new byte[ComparedRounds.MESSAGE_SIZE];
        // One message to be sure the connection is up before the clock starts.
        push.send(payload, 0);
        long start = System.nanoTime();
        for (int i = 1; i < messages; i++) {
            push.send(payload, 0);
        }
        RawReceiver.await(received);
        long elapsed = System.nanoTime() - start;
        context.destroySocket(push);
        return (messages - 1) / (elapsed / 1e9);
    }
}
