package io.zmqstream.benchmarks;

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
 * A running Spring Boot application with the starter, one PULL stream bound on tcp loopback and a
 * {@code @ZmqListener(byte[])} method that counts: what the listener harnesses time.
 */
final class ListenerApplicationRun implements AutoCloseable {

    /** The property that leaves the listener's metrics out. */
    static final String WITHOUT_METRICS =
            "--spring.autoconfigure.exclude=io.zmqstream.autoconfigure.ZmqMetricsAutoConfiguration";

    private final ConfigurableApplicationContext application;
    private final String endpoint;

    /**
     * Starts the application.
     *
     * @param properties any {@code --property=value} for it
     */
    ListenerApplicationRun(String... properties) {
        this.application = new SpringApplicationBuilder(ListenerApplication.class).web(WebApplicationType.NONE)
                .properties("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*")
                .run(properties);
        String[] bound = new String[1];
        application.getBean("in", ZMQStream.class).withSocket(socket -> bound[0] = socket.getLastEndpoint());
        this.endpoint = bound[0];
    }

    /** The application's own context, which the raw side of a comparison uses too. */
    ZContext context() {
        return application.getBean(ZContext.class);
    }

    /** One round: a raw PUSH sender sends {@code messages} to the listener, timed until it has them all. */
    double round(int messages) throws InterruptedException {
        return PushSender.time(context(), endpoint, messages, application.getBean(Counter.class).expect(messages));
    }

    /** What the application measured of the listener: proof that a run had its metrics on, or off. */
    String metrics() {
        MeterRegistry registry = application.getBeanProvider(MeterRegistry.class).getIfAvailable();
        Timer listener = registry == null ? null : registry.find("zmq.listener").timer();
        if (listener == null) {
            return "metrics: off (no zmq.listener timer)";
        }
        return String.format(Locale.ROOT, "metrics: on, zmq.listener timed %,d invocations, zmq.messages.received %,.0f",
                listener.count(), registry.get("zmq.messages.received").functionCounter().count());
    }

    @Override
    public void close() {
        application.close();
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
