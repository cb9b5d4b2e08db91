package io.zmqstream.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import brave.Span;
import brave.handler.MutableSpan;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.TraceContextFrame;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.template.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zeromq.SocketType;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across applications with a real tracer (Brave, through Boot's tracing
 * auto-configuration): an HTTP request, or an observation, in one application, its ZeroMQ request
 * and send, a queue proxy in a third, the listener in the other application and its reply, all of
 * one trace, each span the child of the one before; and a stream without tracing unchanged.
 */
class TracingTest {

    @Test
    void aRequestItsSendTheOtherApplicationsListenerAndItsReplyAreOneTrace() {
        TracedApplications.runner().withUserConfiguration(PricingService.class)
                .withPropertyValues("zmq.streams.pricing-service.type=rep",
                        "zmq.streams.pricing-service.bind=tcp://127.0.0.1:*", "zmq.streams.pricing-service.tracing=true")
                .run(server -> {
                    String endpoint = TestPeers.boundEndpoint(server.getBean("pricing-service", ZMQStream.class));
                    TracedApplications.runner().withPropertyValues("zmq.streams.pricing.type=dealer",
                            "zmq.streams.pricing.connect=" + endpoint, "zmq.streams.pricing.tracing=true")
                            .run(client -> {
                                ZmqTemplate template = client.getBean(ZmqTemplate.class);
                                String reply = Observation.createNotStarted("checkout", client.getBean(ObservationRegistry.class))
                                        .observe(() -> template.convertSendAndReceive("pricing", "tea", String.class));

                                assertThat(reply).isEqualTo("priced tea");
                                List<MutableSpan> clientSpans = TracedApplications.spans(client);
                                List<MutableSpan> serverSpans = TracedApplications.spans(server);
                                await().atMost(TIMEOUT).until(() -> clientSpans.size() >= 3 && serverSpans.size() >= 2);
                                Map<String, MutableSpan> byName = new HashMap<>();
                                clientSpans.forEach(span -> byName.put("client " + span.name(), span));
                                serverSpans.forEach(span -> byName.put("server " + span.name(), span));

                                MutableSpan checkout = byName.get("client checkout");
                                MutableSpan request = byName.get("client pricing request");
                                MutableSpan send = byName.get("client pricing send");
                                MutableSpan receive = byName.get("server pricing-service receive");
                                MutableSpan replySend = byName.get("server pricing-service send");
                                assertThat(List.of(checkout, request, send, receive, replySend))
                                        .as("spans %s", byName.keySet()).doesNotContainNull()
                                        .extracting(MutableSpan::traceId).containsOnly(checkout.traceId());
                                assertThat(request.parentId()).isEqualTo(checkout.id());
                                assertThat(send.parentId()).isEqualTo(request.id());
                                assertThat(receive.parentId()).isEqualTo(send.id());
                                assertThat(replySend.parentId()).isEqualTo(receive.id());
                                assertThat(send.kind()).isEqualTo(Span.Kind.PRODUCER);
                                assertThat(receive.kind()).isEqualTo(Span.Kind.CONSUMER);
                            });
                });
    }

    @Test
    void aStreamWithoutTracingSendsExactlyItsFramesWhileATracedOneAddsTheTraceContextFrame() {
        try (TestPeers peers = new TestPeers()) {
            TestPeers.Bound plainPeer = peers.bound(SocketType.PULL);
            TestPeers.Bound tracedPeer = peers.bound(SocketType.PULL);
            TracedApplications.runner().withPropertyValues("zmq.streams.plain.type=push", "zmq.streams.plain.connect=" + plainPeer.endpoint(),
                    "zmq.streams.traced.type=push", "zmq.streams.traced.connect=" + tracedPeer.endpoint(),
                    "zmq.streams.traced.tracing=true").run(context -> {
                        Observation.createNotStarted("job", context.getBean(ObservationRegistry.class)).observe(() -> {
                            context.getBean("plain", ZMQStream.class).sendString("as it is");
                            context.getBean("traced", ZMQStream.class).sendString("with its trace");
                        });

                        assertThat(TestPeers.text(plainPeer.socket().recv())).isEqualTo("as it is");
                        assertThat(plainPeer.socket().hasReceiveMore()).isFalse();
                        assertThat(TestPeers.text(tracedPeer.socket().recv())).isEqualTo("with its trace");
                        assertThat(tracedPeer.socket().hasReceiveMore()).isTrue();
                        byte[] trace = tracedPeer.socket().recv();
                        assertThat(TraceContextFrame.decode(trace).get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
                        assertThat(tracedPeer.socket().hasReceiveMore()).isFalse();
                    });
        }
    }

    @Test
    void anHttpRequestItsZeroMqRequestThroughAQueueProxyAndTheServiceThatAnswersAreOneTrace() {
        TestPeers.runner().withPropertyValues("zmq.streams.clients.type=router", "zmq.streams.clients.bind=tcp://127.0.0.1:*",
                "zmq.streams.workers.type=dealer", "zmq.streams.workers.bind=tcp://127.0.0.1:*",
                "zmq.proxies.queue.frontend=clients", "zmq.proxies.queue.backend=workers").run(broker -> {
                    String frontend = TestPeers.boundEndpoint(broker.getBean("clients", ZMQStream.class));
                    String backend = TestPeers.boundEndpoint(broker.getBean("workers", ZMQStream.class));
                    TracedApplications.runner().withUserConfiguration(PricingService.class)
                            .withPropertyValues("zmq.streams.pricing-service.type=rep",
                                    "zmq.streams.pricing-service.connect=" + backend, "zmq.streams.pricing-service.tracing=true")
                            .run(server -> {
                                try (ConfigurableApplicationContext client = new SpringApplicationBuilder(CheckoutApplication.class)
                                        .web(WebApplicationType.SERVLET).run("--server.port=0", "--server.address=127.0.0.1",
                                                "--spring.config.name=checkout", "--management.tracing.sampling.probability=1.0",
                                                "--zmq.listener.observation-enabled=true", "--zmq.template.observation-enabled=true",
                                                "--zmq.streams.pricing.type=dealer", "--zmq.streams.pricing.connect=" + frontend,
                                                "--zmq.streams.pricing.tracing=true")) {
                                    String port = client.getEnvironment().getProperty("local.server.port");
                                    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                                            .newBuilder(URI.create("http://127.0.0.1:" + port + "/checkout")).timeout(TIMEOUT)
                                            .POST(HttpRequest.BodyPublishers.ofString("cake")).build(),
                                            HttpResponse.BodyHandlers.ofString());

                                    assertThat(response.body()).isEqualTo("priced cake");
                                    List<MutableSpan> clientSpans = TracedApplications.spans(client);
                                    List<MutableSpan> serverSpans = TracedApplications.spans(server);
                                    await().atMost(TIMEOUT).until(() -> named(clientSpans, "http post /checkout") != null
                                            && named(serverSpans, "pricing-service send") != null);
                                    MutableSpan http = named(clientSpans, "http post /checkout");
                                    MutableSpan request = named(clientSpans, "pricing request");
                                    MutableSpan send = named(clientSpans, "pricing send");
                                    MutableSpan receive = named(serverSpans, "pricing-service receive");
                                    MutableSpan replySend = named(serverSpans, "pricing-service send");
                                    assertThat(List.of(http, request, send, receive, replySend)).doesNotContainNull()
                                            .extracting(MutableSpan::traceId).containsOnly(http.traceId());
                                    assertThat(request.parentId()).isEqualTo(http.id());
                                    assertThat(send.parentId()).isEqualTo(request.id());
                                    assertThat(receive.parentId()).isEqualTo(send.id());
                                    assertThat(replySend.parentId()).isEqualTo(receive.id());
                                }
                            });
                });
    }

    private static MutableSpan named(List<MutableSpan> spans, String name) {
        return spans.stream().filter(span -> name.equals(span.name())).findFirst().orElse(null);
    }

    /** An HTTP service that asks the pricing service over ZeroMQ, with Boot's whole auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ TracedApplications.CollectedSpans.class, CheckoutController.class })
    static class CheckoutApplication {
    }

    /** {@code POST /checkout}: the item's price, from the pricing service. */
    @RestController
    static class CheckoutController {

        private final ZmqTemplate zmq;

        CheckoutController(ZmqTemplate zmq) {
            this.zmq = zmq;
        }

        @PostMapping("/checkout")
        String checkout(@RequestBody String item) {
            return zmq.convertSendAndReceive("pricing", item, String.class);
        }
    }

    /** The REP service the request goes to. */
    @Configuration(proxyBeanMethods = false)
    static class PricingService {

        @ZmqListener("pricing-service")
        String price(String item) {
            return "priced " + item;
        }
    }
}
