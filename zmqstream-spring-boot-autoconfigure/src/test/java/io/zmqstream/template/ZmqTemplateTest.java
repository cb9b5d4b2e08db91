package io.zmqstream.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.actuate.StreamDescriptions;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.autoconfigure.ZmqActuatorAutoConfiguration;
import io.zmqstream.autoconfigure.ZmqConfigurationException;
import io.zmqstream.autoconfigure.ZmqMetricsAutoConfiguration;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.request.ZmqRequestTimeoutException;
import io.zmqstream.request.ZmqRequesterClosedException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The template against the application's own listeners: JSON requests answered by a REP and by a
 * ROUTER listener that know nothing of the correlation, sends converted as listeners read them,
 * the per-stream settings with their start-up check, the meters and the actuator's view, and a
 * close that fails what waits.
 */
class ZmqTemplateTest {

    private static final String[] STREAMS = {
            "zmq.streams.quotes.type=rep", "zmq.streams.quotes.bind=inproc://quotes",
            "zmq.streams.quote-client.type=dealer", "zmq.streams.quote-client.connect=inproc://quotes",
            "zmq.streams.desk.type=router", "zmq.streams.desk.bind=inproc://desk",
            "zmq.streams.desk-client.type=dealer", "zmq.streams.desk-client.connect=inproc://desk",
            "zmq.streams.silent.type=router", "zmq.streams.silent.bind=inproc://silent",
            "zmq.streams.silent-client.type=dealer", "zmq.streams.silent-client.connect=inproc://silent",
            "zmq.streams.silent-client.requests.timeout=100ms", "zmq.streams.silent-client.requests.retries=1",
            "zmq.streams.orders.type=pull", "zmq.streams.orders.bind=inproc://orders",
            "zmq.streams.order-out.type=push", "zmq.streams.order-out.connect=inproc://orders" };

    private final ApplicationContextRunner runner = TestPeers.runner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ZmqMetricsAutoConfiguration.class,
                    MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    ZmqActuatorAutoConfiguration.class))
            .withUserConfiguration(Servers.class).withPropertyValues(STREAMS);

    @Test
    void repAndRouterListenersAnswerJsonRequestsEachWithItsOwnReply() {
        runner.run(context -> {
            ZmqTemplate template = context.getBean(ZmqTemplate.class);

            List<CompletableFuture<Quote>> quotes = new CopyOnWriteArrayList<>();
            for (int i = 1; i <= 50; i++) {
                quotes.add(template.sendAndReceive("quote-client", new Order("tea", i), Quote.class));
                quotes.add(template.sendAndReceive("desk-client", new Order("cake", i), Quote.class));
            }

            for (int i = 0; i < quotes.size(); i++) {
                int quantity = i / 2 + 1;
                assertThat(quotes.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(i % 2 == 0
                        ? new Quote("tea", quantity * 2.0) : new Quote("cake", quantity * 3.0));
            }
            // Read as text, the reply is the listener's JSON.
            assertThat(template.convertSendAndReceive("desk-client", new Order("tea", 1), String.class))
                    .isEqualTo("{\"item\":\"tea\",\"total\":3.0}");
        });
    }

    @Test
    void aSendIsConvertedAsListenersReadIt() {
        runner.run(context -> {
            context.getBean(ZmqTemplate.class).send("order-out", new Order("milk", 2));

            Servers servers = context.getBean(Servers.class);
            await().atMost(TIMEOUT).until(() -> servers.received.size() == 1);
            assertThat(servers.received).containsExactly(new Order("milk", 2));
        });
    }

    @Test
    void noReplyFailsWithTheStreamsTimeoutAfterItsRetryAndIsMeteredAndShown() {
        runner.run(context -> {
            ZmqTemplate template = context.getBean(ZmqTemplate.class);
            long start = System.nanoTime();

            assertThatThrownBy(() -> template.convertSendAndReceive("silent-client", new Order("tea", 1), Quote.class))
                    .isInstanceOf(ZmqRequestTimeoutException.class)
                    .hasMessage("No reply on stream 'silent-client' within 100 ms, sent 2 times");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("zmq.requests").tags("stream", "silent-client", "outcome", "timeout").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get("zmq.requests.retries").tags("stream", "silent-client").functionCounter().count())
                    .isEqualTo(1);
            StreamDescriptions.RequestsDescriptor shown = context.getBean(StreamDescriptions.class)
                    .stream("silent-client").requests();
            assertThat(shown.timeouts()).isEqualTo(1);
            assertThat(shown.retries()).isEqualTo(1);
            assertThat(shown.timeout()).isEqualTo(Duration.ofMillis(100));
            assertThat(context.getBean(StreamDescriptions.class).stream("quotes").requests()).isNull();
        });
    }

    @Test
    void closingTheApplicationFailsWaitingRequestsAtOnce() {
        CompletableFuture<?>[] waiting = new CompletableFuture<?>[1];
        runner.withPropertyValues("zmq.streams.silent-client.requests.timeout=1m").run(context -> {
            waiting[0] = context.getBean(ZmqTemplate.class).sendAndReceive("silent-client", "anyone?", String.class);
            await().atMost(TIMEOUT).until(() -> context.getBean(ZmqTemplate.class).getRequesters().get("silent-client")
                    .getStatistics().getPending() == 1);
        });

        assertThatThrownBy(() -> waiting[0].get(1, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ZmqRequesterClosedException.class)
                .hasMessage("The requests of stream 'silent-client' are closed: no reply will come");
    }

    @Test
    void aStreamWithAListenerCannotMakeRequestsAndABadSettingFailsStartUp() {
        runner.run(context -> assertThatThrownBy(() -> context.getBean(ZmqTemplate.class)
                .sendAndReceive("quotes", "x", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Requests need a DEALER or REQ stream"));
        runner.withPropertyValues("zmq.streams.quote-client.requests.timeout=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().isInstanceOf(ZmqConfigurationException.class)
                        .hasMessageContaining("zmq.streams.quote-client.requests.timeout: a reply timeout must be positive"));
    }

    @Test
    void withObservationsOnEachRequestIsAnObservationThatEndsWithItsReplyOrItsFailure() {
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        runner.withBean(ObservationRegistry.class, () -> observations)
                .withPropertyValues("zmq.template.observation-enabled=true").run(context -> {
                    ZmqTemplate template = context.getBean(ZmqTemplate.class);

                    template.convertSendAndReceive("quote-client", new Order("tea", 1), Quote.class);
                    assertThatThrownBy(() -> template.convertSendAndReceive("silent-client", "anyone?", String.class))
                            .isInstanceOf(ZmqRequestTimeoutException.class);

                    await().atMost(TIMEOUT).until(() -> stopped.size() == 2);
                    assertThat(stopped).extracting(Observation.Context::getName).containsOnly(ZmqTemplate.OBSERVATION);
                    assertThat(stopped.get(0).getLowCardinalityKeyValue("stream").getValue()).isEqualTo("quote-client");
                    assertThat(stopped.get(0).getError()).isNull();
                    assertThat(stopped.get(1).getError()).isInstanceOf(ZmqRequestTimeoutException.class);
                });
    }

    record Order(String item, int quantity) {
    }

    record Quote(String item, double total) {
    }

    /** A REP and a ROUTER pricing service, a ROUTER that never answers, and an order intake. */
    @Configuration(proxyBeanMethods = false)
    static class Servers {

        final List<Order> received = new CopyOnWriteArrayList<>();

        @ZmqListener("quotes")
        Quote quote(Order order) {
            return new Quote(order.item(), order.quantity() * 2.0);
        }

        @ZmqListener("desk")
        Quote price(RoutingEnvelope from, Order order) {
            return new Quote(order.item(), order.quantity() * 3.0);
        }

        @ZmqListener("silent")
        void ignore(RoutingEnvelope from, String request) {
        }

        @ZmqListener("orders")
        void take(Order order) {
            received.add(order);
        }
    }
}
