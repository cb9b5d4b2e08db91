package io.zmqstream.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A raw JeroMQ PULL socket on tcp loopback whose own thread receives a given number of messages. */
final class RawReceiver implements AutoCloseable {

    private final ZContext context;
    private final ZMQ.Socket pull;
    private final String endpoint;
    private final CountDownLatch received = new CountDownLatch(1);
    private final Thread thread;

    RawReceiver(ZContext context, int messages) {
        this.context = context;
        this.pull = context.createSocket(SocketType.PULL);
        this.endpoint = "tcp://127.0.0.1:" + pull.bindToRandomPort("tcp://127.0.0.1");
        this.thread = new Thread(() -> {
            for (int i = 0; i < messages; i++) {
                pull.recv(0);
            }
            received.countDown();
        }, "raw-receiver");
        thread.start();
    }

    /** One round: a raw PUSH sender sends {@code messages} to a new raw receiver, timed until it has them all. */
    static double round(ZContext context, int messages) throws InterruptedException {
        try (RawReceiver receiver = new RawReceiver(context, messages)) {
            return PushSender.time(context, receiver.endpoint(), messages, receiver.received());
        }
    }

    String endpoint() {
        return endpoint;
    }

    CountDownLatch received() {
        return received;
    }

    /** Waits until every message arrived, failing the round after two minutes. */
    static void await(CountDownLatch received) throws InterruptedException {
        if (!received.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The receiver did not get every message in time");
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.join();
        context.destroySocket(pull);
    }
}
