package io.zmqstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zmqstream.OverflowPolicy;
import io.zmqstream.SendQueueOptions;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Bytes allocated per message by one thread, the one that does a path's socket work: the loop
 * thread of a stream against the thread of a raw JeroMQ socket doing the same, PUSH→PULL over
 * inproc with 16-byte messages. Where JMH's GC profiler counts every thread, this tells the loop's
 * share apart from the application thread's.
 *
 * <p>Arguments: messages per measurement (default 1,000,000).
 */
public final class ThreadAllocation {

    private static final byte[] PAYLOAD = new byte[ComparedRounds.MESSAGE_SIZE];
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ThreadAllocation() {
    }

    /**
     * Bytes per message of each thread that matters.
     *
     * @param rawReceiver a raw {@code recv()} thread
     * @param loopReceiving the loop thread delivering to {@code onRecv}
     * @param rawSender a raw {@code send()} thread
     * @param loopSending the loop thread sending what {@code ZMQStream.send} queued
     * @param applicationSending the application thread calling {@code ZMQStream.send}
     */
    record PerMessage(double rawReceiver, double loopReceiving, double rawSender, double loopSending,
            double applicationSending) {
    }

    /**
     * Measures and prints the bytes per message of each thread.
     *
     * @param args optionally the messages per measurement
     * @throws Exception when a measurement fails
     */
    public static void main(String[] args) throws Exception {
        measure(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000);
    }

    /** Measures each path twice and keeps the second, warmed-up, figures. */
    static PerMessage measure(int messages) throws Exception {
        PerMessage result = null;
        try (ZContext context = new ZContext()) {
            for (int pass = 0; pass < 2; pass++) {
                double[] sending = streamSending(context, messages);
                result = new PerMessage(rawReceiving(context, messages), loopReceiving(context, messages),
                        rawSending(context, messages), sending[0], sending[1]);
            }
        }
        System.out.printf(Locale.ROOT, "bytes per message: raw recv() thread %.1f, loop thread for onRecv %.1f; "
                + "raw send() thread %.1f, loop thread sending %.1f, application thread calling send %.1f%n",
                result.rawReceiver(), result.loopReceiving(), result.rawSender(), result.loopSending(),
                result.applicationSending());
        return result;
    }

    private static double rawReceiving(ZContext context, int messages) throws Exception {
        ZMQ.Socket pull = pull(context, "inproc://allocation-raw-receive");
        double[] bytes = new double[1];
        Thread receiver = new Thread(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < messages; i++) {
                pull.recv(0);
            }
            bytes[0] = (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) messages;
        }, "raw-receiver");
        receiver.start();
        ZMQ.Socket push = push(context, "inproc://allocation-raw-receive");
        for (int i = 0; i < messages; i++) {
            push.send(PAYLOAD, 0);
        }
        receiver.join();
        context.destroySocket(push);
        context.destroySocket(pull);
        return bytes[0];
    }

    private static double loopReceiving(ZContext context, int messages) throws Exception {
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "allocation-ioloop")) {
            ZMQStream pull = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            pull.withSocket(socket -> socket.setRcvHWM(0));
            pull.bind("inproc://allocation-loop-receive");
            CountDownLatch received = new CountDownLatch(1);
            Object[] kept = new Object[1];
            int[] count = new int[1];
            pull.onRecv(frames -> {
                kept[0] = frames;
                if (++count[0] == messages) {
                    received.countDown();
                }
            });
            ZMQ.Socket push = push(context, "inproc://allocation-loop-receive");
            for (int i = 0; i < messages; i++) {
                push.send(PAYLOAD, 0);
            }
            // Every message waits in the pipe: the loop starts with all of them to read.
            long loopThread = startAndFindThread(loop);
            long before = THREADS.getThreadAllocatedBytes(loopThread);
            RawReceiver.await(received);
            double bytes = (THREADS.getThreadAllocatedBytes(loopThread) - before) / (double) messages;
            context.destroySocket(push);
            return bytes;
        }
    }

    private static double rawSending(ZContext context, int messages) throws Exception {
        ZMQ.Socket pull = pull(context, "inproc://allocation-raw-send");
        ZMQ.Socket push = push(context, "inproc://allocation-raw-send");
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < messages; i++) {
            push.send(PAYLOAD, 0);
        }
        double bytes = (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) messages;
        drain(pull, messages);
        context.destroySocket(push);
        context.destroySocket(pull);
        return bytes;
    }

    /** The loop thread's bytes per message, then the calling thread's. */
    private static double[] streamSending(ZContext context, int messages) throws Exception {
        ZMQ.Socket pull = pull(context, "inproc://allocation-loop-send");
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "allocation-ioloop")) {
            // Room for every message, since they are all queued before the loop starts.
            ZMQStream push = new ZMQStream(context.createSocket(SocketType.PUSH), loop,
                    new SendQueueOptions(messages, OverflowPolicy.FAIL, SendQueueOptions.DEFAULT_BLOCK_TIMEOUT));
            push.withSocket(socket -> socket.setSndHWM(0));
            push.connect("inproc://allocation-loop-send");
            long callerBefore = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < messages; i++) {
                push.send(PAYLOAD, 0, false, false, null);
            }
            double caller = (THREADS.getCurrentThreadAllocatedBytes() - callerBefore) / (double) messages;
            // Every message waits in the stream's queue: the loop starts with all of them to send.
            long loopThread = startAndFindThread(loop);
            long before = THREADS.getThreadAllocatedBytes(loopThread);
            drain(pull, messages);
            double loopBytes = (THREADS.getThreadAllocatedBytes(loopThread) - before) / (double) messages;
            context.destroySocket(pull);
            return new double[] {loopBytes, caller};
        }
    }

    private static long startAndFindThread(ZmqIoLoop loop) throws Exception {
        loop.start();
        return loop.submit(() -> Thread.currentThread().getId()).get(10, TimeUnit.SECONDS);
    }

    private static void drain(ZMQ.Socket pull, int messages) {
        for (int i = 0; i < messages; i++) {
            pull.recv(0);
        }
    }

    private static ZMQ.Socket pull(ZContext context, String endpoint) {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.setRcvHWM(0);
        pull.bind(endpoint);
        return pull;
    }

    private static ZMQ.Socket push(ZContext context, String endpoint) {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.setSndHWM(0);
        push.connect(endpoint);
        return push;
    }
}
