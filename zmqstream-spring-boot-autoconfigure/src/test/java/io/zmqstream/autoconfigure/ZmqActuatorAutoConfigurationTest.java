package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.actuate.SecretKeySanitizer;
import io.zmqstream.actuate.StreamDescriptions;
import io.zmqstream.actuate.ZmqEndpoint;
import io.zmqstream.actuate.ZmqHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The endpoint, the health indicator and the sanitizer: each when the application has its module. */
class ZmqActuatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = TestPeers.runner()
            .withConfiguration(AutoConfigurations.of(ZmqActuatorAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=zmq");

    @Test
    void withTheActuatorThereAreTheEndpointTheHealthIndicatorAndTheSanitizer() {
        runner.run(context -> assertThat(context).hasSingleBean(ZmqEndpoint.class)
                .hasSingleBean(ZmqHealthIndicator.class).hasBean("zmqHealthIndicator")
                .hasSingleBean(SecretKeySanitizer.class).hasSingleBean(StreamDescriptions.class));
    }

    @Test
    void withoutTheActuatorModuleThereIsNoEndpointNorSanitizerButStillTheHealthIndicator() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class, SanitizingFunction.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqEndpoint.class)
                        .doesNotHaveBean(SecretKeySanitizer.class).hasSingleBean(ZmqHealthIndicator.class));
    }

    @Test
    void withoutTheHealthModuleThereIsNoHealthIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqHealthIndicator.class)
                        .hasSingleBean(ZmqEndpoint.class));
    }

    @Test
    void withoutJeroMqNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(ZContext.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StreamDescriptions.class)
                        .doesNotHaveBean(ZmqEndpoint.class).doesNotHaveBean(ZmqHealthIndicator.class));
    }

    @Test
    void theEndpointAndTheHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.endpoint.zmq.access=NONE", "management.health.zmq.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqEndpoint.class)
                        .doesNotHaveBean(ZmqHealthIndicator.class));
    }

    @Test
    void anApplicationsOwnHealthIndicatorNamedZmqReplacesOurs() {
        runner.withUserConfiguration(OwnHealth.class).run(context -> assertThat(context)
                .doesNotHaveBean(ZmqHealthIndicator.class).getBean("zmqHealthIndicator")
                .isSameAs(context.getBean(OwnHealth.class).indicator));
    }

    @Test
    void healthIsDownWhileTheLoopIsStuckPastTheMaximumLagAndUpOnceItGoesOn() throws InterruptedException {
        runner.withPropertyValues("zmq.io-loop.lag-probe-interval=20ms", "zmq.io-loop.max-lag=300ms",
                "zmq.streams.in.type=pull", "zmq.streams.in.bind=inproc://in").run(context -> {
                    HealthIndicator health = context.getBean(ZmqHealthIndicator.class);
                    await().atMost(TIMEOUT).until(() -> health.health().getStatus().equals(Status.UP));
                    CountDownLatch release = new CountDownLatch(1);
                    context.getBean(ZmqIoLoop.class).execute(() -> {
                        try {
                            release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    try {
                        await().atMost(TIMEOUT).until(() -> health.health().getStatus().equals(Status.DOWN));
                        Health down = health.health();
                        assertThat((String) down.getDetails().get("reason")).contains("ms late, more than the 300 ms");
                        assertThat(down.getDetails()).containsKeys("loop", "streams");
                    }
                    finally {
                        release.countDown();
                    }
                    await().atMost(TIMEOUT).until(() -> health.health().getStatus().equals(Status.UP));
                });
    }

    @Test
    void lookingAtTheStreamsCreatesNoBeanAndNoSocket() {
        runner.withUserConfiguration(UncreatedStreamBeans.class)
                .withPropertyValues("zmq.streams.orders.type=pull", "zmq.streams.orders.bind=inproc://orders")
                .run(context -> {
                    ZContext zmq = context.getBean(ZContext.class);
                    int sockets = zmq.getSockets().size();
                    ZmqEndpoint endpoint = context.getBean(ZmqEndpoint.class);
                    ZmqHealthIndicator health = context.getBean(ZmqHealthIndicator.class);

                    for (int i = 0; i < 10; i++) {
                        assertThat(endpoint.zmq().streams()).containsOnlyKeys("orders");
                        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
                        assertThat(endpoint.stream("prototypeStream")).isNull();
                    }

                    assertThat(zmq.getSockets()).hasSize(sockets);
                    assertThat(context.getBeanFactory().containsSingleton("lazyStream")).isFalse();
                });
    }

    @Test
    void aMaximumLagOrProbeIntervalThatIsNotPositiveFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("zmq.io-loop.max-lag=0s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOf(ZmqConfigurationException.class)
                .hasMessageContaining("zmq.io-loop.max-lag"));
        runner.withPropertyValues("zmq.io-loop.lag-probe-interval=-1s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOf(ZmqConfigurationException.class)
                .hasMessageContaining("zmq.io-loop.lag-probe-interval"));
    }

    @Test
    void theSanitizerMasksSecretKeysAndNothingElse() {
        SecretKeySanitizer sanitizer = new SecretKeySanitizer();
        assertThat(sanitize(sanitizer, "zmq.streams.api.curve.secret-key")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitize(sanitizer, "secretKey")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitize(sanitizer, "zmq.streams.api.curve.public-key")).isEqualTo("value");
        assertThat(sanitize(sanitizer, "zmq.streams.api.curve.secret-key-file")).isEqualTo("value");
    }

    @Test
    void anInprocStreamWhosePeerAnswersStaysHealthyPastItsMaxTimeWithoutPeer() {
        runner.withPropertyValues("zmq.streams.server.type=rep", "zmq.streams.server.bind=inproc://health-server",
                "zmq.streams.client.type=dealer", "zmq.streams.client.connect=inproc://health-server",
                "zmq.streams.client.max-time-without-peer=200ms").run(context -> {
                    ZMQStream server = context.getBean("server", ZMQStream.class);
                    ZMQStream client = context.getBean("client", ZMQStream.class);
                    server.onRecv(frames -> server.send(frames.get(0)));
                    CountDownLatch answered = new CountDownLatch(1);
                    client.onRecv(frames -> answered.countDown());
                    client.sendMultipart(List.of(new byte[0], "ping".getBytes()));
                    assertThat(answered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                    ZmqHealthIndicator health = context.getBean(ZmqHealthIndicator.class);

                    await().during(Duration.ofMillis(600)).atMost(TIMEOUT)
                            .until(() -> health.health(true).getStatus().equals(Status.UP));
                });
    }

    private static Object sanitize(SecretKeySanitizer sanitizer, String key) {
        return sanitizer.apply(new SanitizableData(null, key, "value")).getValue();
    }

    /** An application's own {@code zmq} health indicator. */
    @Configuration(proxyBeanMethods = false)
    static class OwnHealth {

        final HealthIndicator indicator = () -> Health.up().withDetail("own", true).build();

        @Bean
        HealthIndicator zmqHealthIndicator() {
            return indicator;
        }
    }
}
