package io.zmqstream.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerMessage;
import io.zmqstream.template.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace context frame with Micrometer Tracing's OpenTelemetry bridge, through Boot's
 * OpenTelemetry tracing auto-configuration (the autoconfigure module's {@code TracingTest} covers
 * Brave): a request in one application and the listener that answers it in another are one trace,
 * and the listener sees the baggage the request was sent with.
 */
class OpenTelemetryTracingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aRequestItsSendTheOtherApplicationsListenerAndItsReplyAreOneOpenTelemetryTrace() {
        try (ConfigurableApplicationContext server = start(PricingService.class, "--zmq.streams.pricing-service.type=rep",
                "--zmq.streams.pricing-service.bind=tcp://127.0.0.1:*", "--zmq.streams.pricing-service.tracing=true")) {
            String port = server.getEnvironment().getProperty("local.zmq.streams.pricing-service.port");
            try (ConfigurableApplicationContext client = start(Application.class, "--zmq.streams.pricing.type=dealer",
                    "--zmq.streams.pricing.connect=tcp://127.0.0.1:" + port, "--zmq.streams.pricing.tracing=true")) {
                ZmqTemplate template = client.getBean(ZmqTemplate.class);
                Tracer tracer = client.getBean(Tracer.class);
                String reply = Observation.createNotStarted("checkout", client.getBean(ObservationRegistry.class))
                        .observe(() -> {
                            try (BaggageInScope customer = tracer.createBaggageInScope("customer", "ada")) {
                                return template.convertSendAndReceive("pricing", "tea", String.class);
                            }
                        });

                assertThat(reply).isEqualTo("priced tea for ada");
                InMemorySpanExporter clientSpans = client.getBean(SpanCollector.class).exporter;
                InMemorySpanExporter serverSpans = server.getBean(SpanCollector.class).exporter;
                await().atMost(TIMEOUT).until(() -> clientSpans.getFinishedSpanItems().size() >= 3
                        && serverSpans.getFinishedSpanItems().size() >= 2);
                Map<String, SpanData> clientByName = byName(clientSpans);
                Map<String, SpanData> serverByName = byName(serverSpans);
                SpanData checkout = clientByName.get("checkout");
                SpanData request = clientByName.get("pricing request");
                SpanData send = clientByName.get("pricing send");
                SpanData receive = serverByName.get("pricing-service receive");
                SpanData replySend = serverByName.get("pricing-service send");

                assertThat(List.of(checkout, request, send, receive, replySend))
                        .as("spans %s and %s", clientByName.keySet(), serverByName.keySet()).doesNotContainNull()
                        .extracting(SpanData::getTraceId).containsOnly(checkout.getTraceId());
                assertThat(request.getParentSpanId()).isEqualTo(checkout.getSpanId());
                assertThat(send.getParentSpanId()).isEqualTo(request.getSpanId());
                assertThat(receive.getParentSpanId()).isEqualTo(send.getSpanId());
                assertThat(replySend.getParentSpanId()).isEqualTo(receive.getSpanId());
                assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
                assertThat(receive.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(receive.getAttributes().asMap()).anySatisfy((key, value) -> {
                    assertThat(key.getKey()).isEqualTo("messaging.system");
                    assertThat(value).isEqualTo("zeromq");
                });
            }
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String... args) {
        String[] common = { "--spring.config.name=opentelemetry-tracing-test", "--management.tracing.sampling.probability=1.0",
                "--management.tracing.baggage.remote-fields=customer",
                "--zmq.listener.observation-enabled=true", "--zmq.template.observation-enabled=true" };
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(all);
    }

    private static Map<String, SpanData> byName(InMemorySpanExporter exporter) {
        return exporter.getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getName, Function.identity(), (first, second) -> first));
    }

    /** An application with Boot's whole auto-configuration, OpenTelemetry tracing among it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SpanCollector.class)
    static class Application {
    }

    /** The application whose REP listener answers, naming the customer the request's baggage carries. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ SpanCollector.class, PricingListener.class })
    static class PricingService {
    }

    /** The REP listener. */
    static class PricingListener {

        private final Tracer tracer;

        PricingListener(Tracer tracer) {
            this.tracer = tracer;
        }

        @ZmqListener("pricing-service")
        String price(ZmqListenerMessage message) {
            String item = new String(message.getBody().get(0), StandardCharsets.UTF_8);
            assertThat(message.getTraceContext().get("baggage")).startsWith("customer=ada");
            return "priced " + item + " for " + tracer.getBaggage("customer").get();
        }
    }

    /**
     * Keeps each span the application's tracer ends, at once: a span processor of its own, which
     * Boot adds to the tracer's, the exporter no bean so that Boot's batching exporter leaves it alone.
     */
    static class SpanCollector {

        final InMemorySpanExporter exporter = InMemorySpanExporter.create();

        @Bean
        SpanProcessor collectingSpanProcessor() {
            return SimpleSpanProcessor.create(exporter);
        }
    }
}
