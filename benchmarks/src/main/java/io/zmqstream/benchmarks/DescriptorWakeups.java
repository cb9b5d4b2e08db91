package io.zmqstream.benchmarks;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * How often a raw JeroMQ PUSH socket's descriptor wakes a selector while the socket waits for room,
 * as a loop sees it: a sender on one thread sends with {@code DONTWAIT} until the pipe is full,
 * selects on {@code ZMQ_FD} (what {@code ZmqIoLoop} does), reads {@code ZMQ_EVENTS} and sends
 * again; a raw PULL thread receives. No ZMQStream is involved: this is JeroMQ's own signalling, and
 * what it costs every loop that waits for room on a selector.
 *
 * <p>Arguments: messages (default 500,000).
 */
public final class DescriptorWakeups {

    private static final long AT_ONCE_NANOS = 20_000;

    private DescriptorWakeups() {
    }

    /**
     * Runs one round and prints the counts.
     *
     * @param args optionally the number of messages
     * @throws Exception when the round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        byte[] payload = new byte[ComparedRounds.MESSAGE_SIZE];
        try (ZContext context = new ZContext(); RawReceiver receiver = new RawReceiver(context, messages);
                Selector selector = Selector.open()) {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.connect(receiver.endpoint());
            SelectableChannel descriptor = push.getFD();
            descriptor.configureBlocking(false);
            descriptor.register(selector, SelectionKey.OP_READ);
            long selects = 0;
            long atOnce = 0;
            long withRoom = 0;
            long begin = System.nanoTime();
            for (int sent = 0; sent < messages;) {
                if (push.send(payload, ZMQ.DONTWAIT)) {
                    sent++;
                    continue;
                }
                long before = System.nanoTime();
                selector.select(1_000);
                selector.selectedKeys().clear();
                selects++;
                if (System.nanoTime() - before < AT_ONCE_NANOS) {
                    atOnce++;
                }
                if ((push.getEvents() & ZMQ.Poller.POLLOUT) != 0) {
                    withRoom++;
                }
            }
            CountDownLatch received = receiver.received();
            RawReceiver.await(received);
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf(Locale.ROOT, "%,d messages at %,.0f msg/s; the pipe full %,d times: %,d selects returned "
                    + "within %d us, %,d found room (per 1,000 messages: %.1f selects, %.1f with room)%n", messages,
                    messages / seconds, selects, atOnce, AT_ONCE_NANOS / 1_000, withRoom, selects * 1000.0 / messages,
                    withRoom * 1000.0 / messages);
            context.destroySocket(push);
        }
    }
}
