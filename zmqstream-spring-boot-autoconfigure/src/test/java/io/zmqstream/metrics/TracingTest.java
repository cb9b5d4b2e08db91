package io.zmqstream.metrics;

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
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across two applications with a real tracer (Brave, through Boot's tracing
 * auto-configuration): a request made in one application's observation, its send, the listener
 * in the other application, its reply, all of one trace, each span the child of the one before.
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

    /** The REP service the request goes to. */
    @Configuration(proxyBeanMethods = false)
    static class PricingService {

        @ZmqListener("pricing-service")
        String price(String item) {
            return "priced " + item;
        }
    }
}
