package io.zmqstream.scheduling;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.listener.ZmqListenerFailureAnalyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @ZmqScheduled} methods in a real application: run on the loop thread at their rate or
 * delay, with placeholders, counted in meters, failures logged and survived, stopped and started
 * with the application, and refused at start-up with the reason when they cannot run.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZmqScheduledTest {

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void aHeartbeatRunsOnTheLoopThreadAtItsRateAndSendsOnAStreamCountedInItsMeters() {
        TestPeers.meteredRunner().withUserConfiguration(Heartbeats.class)
                .withPropertyValues("zmq.streams.beats.type=push", "zmq.streams.beats.bind=tcp://127.0.0.1:*", "beat.every=20ms")
                .run(context -> {
                    ZMQ.Socket pull = peers.socket(SocketType.PULL);
                    pull.setReceiveTimeOut((int) TIMEOUT.toMillis());
                    pull.connect(TestPeers.boundEndpoint(context.getBean("beats", ZMQStream.class)));
                    for (int i = 0; i < 3; i++) {
                        assertThat(pull.recvStr()).isEqualTo("beat");
                    }
                    Heartbeats heartbeats = context.getBean(Heartbeats.class);
                    assertThat(heartbeats.threads).containsExactly(context.getBean(ZmqIoLoop.class).getThreadName());

                    ZmqScheduledTask task = context.getBean(ZmqScheduledTasks.class).getTask("heartbeat");
                    assertThat(task.isFixedRate()).isTrue();
                    assertThat(task.getPeriod()).isEqualTo(Duration.ofMillis(20));
                    assertThat(task.getInitialDelay()).isEqualTo(Duration.ofMillis(20));
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("zmq.scheduled.runs").tag("task", "heartbeat").functionCounter().count())
                            .isGreaterThanOrEqualTo(3);
                    assertThat(meters.get("zmq.scheduled.failures").tag("task", "heartbeat").functionCounter().count())
                            .isZero();
                });
    }

    @Test
    void aRunThatThrowsIsCountedAndLoggedOnceAndTheNextRunsComeAsScheduled(CapturedOutput output) {
        TestPeers.meteredRunner().withUserConfiguration(Failing.class).run(context -> {
            ZmqScheduledTask task = context.getBean(ZmqScheduledTasks.class).getTask("expiry");
            await().atMost(TIMEOUT).until(() -> task.getFailureCount() >= 5);
            // Failures first: a run counts itself before it fails, so runs read later are at least as many.
            long failures = task.getFailureCount();
            assertThat(task.getRunCount()).isGreaterThanOrEqualTo(failures);
            assertThat(task.isFixedRate()).isFalse();
            assertThat(task.getInitialDelay()).isZero();
            assertThat(context.getBean(MeterRegistry.class).get("zmq.scheduled.failures").tag("task", "expiry")
                    .functionCounter().count()).isGreaterThanOrEqualTo(5);
        });
        assertThat(output.getOut().split("Scheduled task 'expiry' failed", -1)).as("one ERROR line a minute").hasSize(2);
        assertThat(output).contains("IllegalStateException: no worker to expire");
    }

    @Test
    void theTasksStopAndStartWithTheApplication() {
        TestPeers.meteredRunner().withUserConfiguration(Counting.class).run(context -> {
            Counting counting = context.getBean(Counting.class);
            await().atMost(TIMEOUT).until(() -> counting.runs.get() >= 2);

            ZmqScheduledTask task = context.getBean(ZmqScheduledTasks.class).getTasks().iterator().next();
            assertThat(task.getId()).as("<bean>.<method> by default").endsWith("Counting.tick");
            context.stop();
            assertThat(task.isRunning()).isFalse();
            // The loop thread has ended with the stop (README: Stop and start), so no run is under way.
            await().atMost(TIMEOUT).until(() -> !context.getBean(ZmqIoLoop.class).isRunning());
            int afterStop = counting.runs.get();
            await().during(Duration.ofMillis(150)).atMost(TIMEOUT).until(() -> counting.runs.get() == afterStop);

            context.start();
            await().atMost(TIMEOUT).until(() -> counting.runs.get() > afterStop);
        });
    }

    @Test
    void aMethodThatCannotRunFailsStartUpWithTheReason() {
        assertRefused(Parameters.class, "The @ZmqScheduled method Parameters.run cannot work: it has parameters");
        assertRefused(NoPeriod.class, "The @ZmqScheduled method NoPeriod.run cannot work: it sets neither fixedRate nor fixedDelay");
        assertRefused(TwoPeriods.class, "The @ZmqScheduled method TwoPeriods.run cannot work: it sets both fixedRate and fixedDelay");
        assertRefused(NoDuration.class, "The @ZmqScheduled method NoDuration.run cannot work: fixedRate 'soon' is no duration");
        assertRefused(ZeroPeriod.class, "The @ZmqScheduled method ZeroPeriod.run cannot work: fixedDelay is PT0S, and a period "
                + "is positive");
        assertRefused(SameId.class, "cannot work: the id 'same' is taken by");
    }

    private static void assertRefused(Class<?> configuration, String description) {
        TestPeers.runner().withUserConfiguration(configuration).run(context -> assertThat(context).hasFailed()
                .getFailure().satisfies(failure -> assertThat(new ZmqListenerFailureAnalyzer().analyze(failure))
                        .isNotNull().extracting(FailureAnalysis::getDescription).asString().contains(description)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Heartbeats {

        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final ZMQStream beats;

        Heartbeats(@Qualifier("beats") ZMQStream beats) {
            this.beats = beats;
        }

        @ZmqScheduled(id = "heartbeat", fixedRate = "${beat.every}")
        void beat() {
            threads.add(Thread.currentThread().getName());
            beats.sendString("beat");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Failing {

        @ZmqScheduled(id = "expiry", fixedDelay = "10ms", initialDelay = "0s")
        void expire() {
            throw new IllegalStateException("no worker to expire");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Counting {

        final AtomicInteger runs = new AtomicInteger();

        @ZmqScheduled(fixedRate = "10ms")
        void tick() {
            runs.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Parameters {
        @ZmqScheduled(fixedRate = "1s")
        void run(String what) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoPeriod {
        @ZmqScheduled
        void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoPeriods {
        @ZmqScheduled(fixedRate = "1s", fixedDelay = "1s")
        void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoDuration {
        @ZmqScheduled(fixedRate = "soon")
        void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ZeroPeriod {
        @ZmqScheduled(fixedDelay = "0ms")
        void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SameId {
        @ZmqScheduled(id = "same", fixedRate = "1s")
        void first() {
        }

        @ZmqScheduled(id = "same", fixedRate = "1s")
        void second() {
        }
    }
}
