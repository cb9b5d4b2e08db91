package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.ListenerInvocationObserver;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.metrics.ListenerObservations;
import io.zmqstream.metrics.ListenerTimers;
import io.zmqstream.metrics.ZmqMeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meters of the loop, the streams and the listeners, read from the core's own counters. */
class ZmqMetricsAutoConfigurationTest {

    private static final String[] PIPELINE = { "zmq.streams.in.type=pull", "zmq.streams.in.bind=inproc://in",
            "zmq.streams.out.type=push", "zmq.streams.out.connect=inproc://in" };

    private final ApplicationContextRunner runner = TestPeers.runner()
            .withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class));

    @Test
    void everyStreamCountsMessagesAndBytesEachWayTaggedWithItsNameAndType() {
        runner.withPropertyValues(PIPELINE).run(context -> {
            ZMQStream in = context.getBean("in", ZMQStream.class);
            ZMQStream out = context.getBean("out", ZMQStream.class);
            List<byte[]> received = new CopyOnWriteArrayList<>();
            in.onRecv(frames -> received.add(frames.get(0)));
            for (int i = 0; i < 40; i++) {
                out.send(new byte[] { 1, 2, 3, 4, 5 });
            }
            await().atMost(TIMEOUT).until(() -> received.size() == 40);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Tags outTags = Tags.of("stream", "out", "socket.type", "PUSH", "messaging.system", "zeromq");
            Tags inTags = Tags.of("stream", "in", "socket.type", "PULL", "messaging.system", "zeromq");
            assertThat(registry.get("zmq.messages.sent").tags(outTags).functionCounter().count()).isEqualTo(40);
            assertThat(registry.get("zmq.sent").tags(outTags).functionCounter().count()).isEqualTo(200);
            assertThat(registry.get("zmq.messages.received").tags(inTags).functionCounter().count()).isEqualTo(40);
            assertThat(registry.get("zmq.received").tags(inTags).functionCounter().count()).isEqualTo(200);
            assertThat(registry.get("zmq.messages.received").tags(outTags).functionCounter().count()).isZero();
            assertThat(registry.get("zmq.send.failures").tags(outTags).functionCounters())
                    .extracting(counter -> counter.getId().getTag("reason"))
                    .containsExactlyInAnyOrder("queue-full", "dropped-on-close", "socket-error", "invalid-state");
            assertThat(registry.get("zmq.send.queue.size").tags(outTags).gauge().value()).isZero();
        });
    }

    @Test
    void aStreamIsMeteredFromWhenItOpensUntilItClosesAndNoOtherStreamIsCreated() {
        runner.withPropertyValues(PIPELINE).withUserConfiguration(UncreatedStreamBeans.class).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ZContext zmq = context.getBean(ZContext.class);
            ZmqIoLoop loop = context.getBean(ZmqIoLoop.class);
            assertThat(streamsWithMeters(registry)).containsExactlyInAnyOrder("in", "out");
            assertThat(zmq.getSockets()).hasSize(2);

            ZMQStream later = new ZMQStream(zmq.createSocket(SocketType.PULL), loop);
            assertThat(streamsWithMeters(registry)).as("an unnamed stream").containsExactlyInAnyOrder("in", "out");
            later.setName("later");
            assertThat(streamsWithMeters(registry)).containsExactlyInAnyOrder("in", "out", "later");

            context.getBean("out", ZMQStream.class).close();
            later.close();
            assertThat(streamsWithMeters(registry)).containsExactly("in");
        });
    }

    private static List<String> streamsWithMeters(MeterRegistry registry) {
        return registry.find("zmq.messages.sent").functionCounters().stream()
                .map(counter -> counter.getId().getTag("stream")).toList();
    }

    @Test
    void aFullSendQueueShowsInTheQueueGaugeAndTheQueueFullFailures() {
        // Not opened: a PUSH socket with no peer takes nothing, so messages stay in the stream's queue.
        runner.withPropertyValues("zmq.streams.stuck.type=push", "zmq.streams.stuck.connect=tcp://127.0.0.1:1",
                "zmq.streams.stuck.auto-startup=false", "zmq.streams.stuck.linger=0",
                "zmq.streams.stuck.send-queue.capacity=3", "zmq.streams.stuck.send-queue.overflow-policy=drop")
                .run(context -> {
                    ZMQStream stuck = context.getBean("stuck", ZMQStream.class);
                    for (int i = 0; i < 5; i++) {
                        stuck.sendString("job " + i);
                    }

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("zmq.send.queue.size").tag("stream", "stuck").gauge().value()).isEqualTo(3);
                    assertThat(registry.get("zmq.send.failures").tag("stream", "stuck").tag("reason", "queue-full")
                            .functionCounter().count()).isEqualTo(2);
                    assertThat(registry.get("zmq.messages.sent").tag("stream", "stuck").functionCounter().count())
                            .isZero();
                });
    }

    @Test
    void theLoopShowsItsLagAndPendingTasks() {
        runner.withPropertyValues("zmq.io-loop.lag-probe-interval=20ms").run(context -> {
            ZmqIoLoop loop = context.getBean(ZmqIoLoop.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            CountDownLatch blocking = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> {
                blocking.countDown();
                awaitQuietly(release);
            });
            assertThat(blocking.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            loop.execute(() -> { });
            loop.execute(() -> { });
            try {
                assertThat(registry.get("zmq.ioloop.tasks.pending").tag("loop", "zmq-ioloop").gauge().value())
                        .isEqualTo(2);
                await().atMost(TIMEOUT).until(() -> registry.get("zmq.ioloop.lag").timeGauge()
                        .value(TimeUnit.MILLISECONDS) > 200);
            }
            finally {
                release.countDown();
            }
            await().atMost(TIMEOUT).until(() -> registry.get("zmq.ioloop.lag").timeGauge()
                    .value(TimeUnit.MILLISECONDS) < 100);
            assertThat(registry.get("zmq.ioloop.tasks.pending").gauge().value()).isZero();
        });
    }

    @Test
    void eachListenerInvocationIsTimedWithItsResultAndException() {
        runner.withUserConfiguration(Listeners.class).withPropertyValues(PIPELINE).run(context -> {
            ZMQStream out = context.getBean("out", ZMQStream.class);
            out.sendString("fine");
            out.sendString("fail");
            out.sendString("fine");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Tags listener = Tags.of("stream", "in", "listener.id", "work");
            await().atMost(TIMEOUT).until(() -> registry.find("zmq.listener").tags(listener).timers().stream()
                    .mapToLong(timer -> timer.count()).sum() == 3);

            assertThat(registry.get("zmq.listener").tags(listener).tags("result", "success", "exception", "none")
                    .timer().count()).isEqualTo(2);
            assertThat(registry.get("zmq.listener").tags(listener)
                    .tags("result", "failure", "exception", "IllegalStateException").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void withObservationsEnabledEachInvocationIsAnObservationInstead() {
        runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
                .withUserConfiguration(Listeners.class, RecordedObservations.class)
                .withPropertyValues(PIPELINE).withPropertyValues("zmq.listener.observation-enabled=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(ListenerObservations.class).doesNotHaveBean(ListenerTimers.class);
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    out.sendString("fine");
                    out.sendString("fail");
                    RecordedObservations recorded = context.getBean(RecordedObservations.class);
                    await().atMost(TIMEOUT).until(() -> recorded.stopped.size() == 2);

                    Observation.Context fine = recorded.stopped.get(0);
                    assertThat(fine.getName()).isEqualTo("zmq.listener");
                    assertThat(fine.getContextualName()).isEqualTo("in receive");
                    assertThat(fine.getLowCardinalityKeyValue("stream").getValue()).isEqualTo("in");
                    assertThat(fine.getLowCardinalityKeyValue("listener.id").getValue()).isEqualTo("work");
                    assertThat(fine.getLowCardinalityKeyValue("messaging.system").getValue()).isEqualTo("zeromq");
                    assertThat(fine.getError()).isNull();
                    assertThat(recorded.stopped.get(1).getError()).isInstanceOf(IllegalStateException.class);
                    assertThat(recorded.scopesOpened).isEqualTo(2);
                });
    }

    @Test
    void withoutMicrometerOrARegistryThereAreNoMetersAndListenersStillWork() {
        TestPeers.runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
                .withUserConfiguration(Listeners.class).withPropertyValues(PIPELINE).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ZmqMeterBinder.class)
                            .doesNotHaveBean(ListenerInvocationObserver.class);
                    context.getBean("out", ZMQStream.class).sendString("fine");
                    assertThat(context.getBean(Listeners.class).handled.await(TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS)).isTrue();
                });
        TestPeers.runner().withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqMeterBinder.class)
                        .doesNotHaveBean(ListenerInvocationObserver.class));
        runner.withClassLoader(new FilteredClassLoader(ZContext.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqMeterBinder.class));
    }

    @Test
    void anApplicationsOwnObserverReplacesTheTimers() {
        runner.withUserConfiguration(OwnObserver.class)
                .run(context -> assertThat(context).getBean(ListenerInvocationObserver.class)
                        .isSameAs(context.getBean(OwnObserver.class).observer));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A listener on {@code in} that fails on "fail". */
    @Configuration(proxyBeanMethods = false)
    static class Listeners {

        final CountDownLatch handled = new CountDownLatch(1);

        @ZmqListener(value = "in", id = "work")
        void work(String job) {
            if (job.equals("fail")) {
                throw new IllegalStateException("refused " + job);
            }
            handled.countDown();
        }
    }

    /** Records every observation the registry stops, and the scopes opened. */
    @Configuration(proxyBeanMethods = false)
    static class RecordedObservations {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        volatile int scopesOpened;

        @Bean
        ObservationHandler<Observation.Context> recordingHandler() {
            return new ObservationHandler<>() {
                @Override
                public void onScopeOpened(Observation.Context context) {
                    scopesOpened++;
                }

                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return "zmq.listener".equals(context.getName());
                }
            };
        }
    }

    /** An application's own observer. */
    @Configuration(proxyBeanMethods = false)
    static class OwnObserver {

        final ListenerInvocationObserver observer = ListenerInvocationObserver.NONE;

        @Bean
        ListenerInvocationObserver ownObserver() {
            return observer;
        }
    }
}
