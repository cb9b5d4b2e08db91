package io.zmqstream.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

/**
 * Messages per second through a {@code @ZmqListener} method of a Spring Boot application against a
 * raw JeroMQ blocking {@code recv()} loop, in the same JVM and run: PUSH to PULL over tcp loopback,
 * 16-byte messages, sent by the same raw PUSH sender, every socket from the application's own
 * {@code ZContext}.
 *
 * <p>Arguments: messages per round (default 1,000,000), measured rounds per receiver (default 5),
 * then any {@code --property=value} for the application. The application has a meter registry, so
 * the listener runs with its metrics unless the properties exclude {@code ZmqMetricsAutoConfiguration};
 * the last line says which.
 */
public final class ListenerThroughput {

    private ListenerThroughput() {
    }

    /**
     * Runs the benchmark and prints each round and the ratio of medians.
     *
     * @param args optionally the messages per round, the number of measured rounds and application properties
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] properties = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ListenerApplication.class)
                .web(WebApplicationType.NONE).properties("zmq.streams.in.type=pull",
                        "zmq.streams.in.bind=tcp://127.0.0.1:*")
                .run(properties)) {
            ZContext context = application.getBean(ZContext.class);
            Counter counter = application.getBean(Counter.class);
            String endpoint = boundEndpoint(application.getBean("in", ZMQStream.class));
            ComparedRounds.run(String.format(Locale.ROOT, "@ZmqListener receive, %,d x %d B", messages,
                    ComparedRounds.MESSAGE_SIZE), "@ZmqListener", rounds, () -> rawReceiver(context, messages),
                    () -> PushSender.time(context, endpoint, messages, counter.expect(messages)));
            System.out.println(metrics(application));
        }
    }

    /** What the application measured of the listener: proof that a run had its metrics on, or off. */
    private static String metrics(ConfigurableApplicationContext application) {
        MeterRegistry registry = application.getBeanProvider(MeterRegistry.class).getIfAvailable();
        Timer listener = registry == null ? null : registry.find("zmq.listener").timer();
        if (listener == null) {
            return "metrics: off (no zmq.listener timer)";
        }
        return String.format(Locale.ROOT, "metrics: on, zmq.listener timed %,d invocations, zmq.messages.received %,.0f",
                listener.count(), registry.get("zmq.messages.received").functionCounter().count());
    }

    private static double rawReceiver(ZContext context, int messages) throws Exception {
        try (RawReceiver receiver = new RawReceiver(context, messages)) {
            return PushSender.time(context, receiver.endpoint(), messages, receiver.received());
        }
    }

    private static String boundEndpoint(ZMQStream stream) {
        String[] endpoint = new String[1];
        stream.withSocket(socket -> endpoint[0] = socket.getLastEndpoint());
        return endpoint[0];
    }

    /** The application: the starter, one PULL stream and the listener. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ListenerApplication {

        @Bean
        Counter counter() {
            return new Counter();
        }
    }

    /** The listener: counts the messages of the current round. */
    static class Counter {

        private volatile Round round = new Round(0);

        CountDownLatch expect(int messages) {
            Round next = new Round(messages);
            round = next;
            return next.done;
        }

        @ZmqListener("in")
        void receive(byte[] frame) {
            Round current = round;
            if (++current.count == current.messages) {
                current.done.countDown();
            }
        }

        /** One round's target; its count is written by the loop thread only. */
        private static final class Round {
            private final int messages;
            private final CountDownLatch done = new CountDownLatch(1);
            private int count;

            Round(int messages) {
                this.messages = messages;
            }
        }
    }
}
