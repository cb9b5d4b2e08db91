package io.zmqstream.interop;

import java.util.List;

import brave.handler.MutableSpan;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.metrics.TracedApplications;
import io.zmqstream.template.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace context frame between our traced streams and a pyzmq peer that reads and writes it
 * by the README's description alone: pyzmq's server continues our trace and its reply's frame is
 * taken off; our listener continues the trace of a pyzmq client, whose reply carries our span.
 */
@PyzmqInterop
@Timeout(60)
class TracingInteropTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PYZMQ_SPAN = "00f067aa0ba902b7";

    @Test
    void aPyzmqServerReadsOurTraceAndItsReplysTraceFrameIsTakenOff() {
        try (PyzmqPeer pyzmq = PyzmqPeer.start("trace_peer.py", "--role", "server", "--bind", "tcp://127.0.0.1:*")) {
            String endpoint = pyzmq.endpoint();
            TracedApplications.runner().withPropertyValues("zmq.streams.pricing.type=dealer",
                    "zmq.streams.pricing.connect=" + endpoint, "zmq.streams.pricing.tracing=true").run(context -> {
                        ZmqTemplate template = context.getBean(ZmqTemplate.class);

                        String reply = Observation.createNotStarted("checkout", context.getBean(ObservationRegistry.class))
                                .observe(() -> template.convertSendAndReceive("pricing", "tea", String.class));

                        assertThat(reply).isEqualTo("pyzmq answered tea");
                        String[] got = pyzmq.awaitLine("GOT").split("-");
                        List<MutableSpan> spans = TracedApplications.spans(context);
                        await().atMost(TIMEOUT).until(() -> spans.stream().anyMatch(span -> "pricing send".equals(span.name())));
                        MutableSpan send = spans.stream().filter(span -> "pricing send".equals(span.name())).findFirst().get();
                        assertThat(got[1]).isEqualTo(send.traceId());
                        assertThat(got[2]).isEqualTo(send.id());
                    });
        }
    }

    @Test
    void ourListenerContinuesAPyzmqClientsTraceAndItsReplyCarriesTheListenersSpan() {
        TracedApplications.runner().withUserConfiguration(Echo.class)
                .withPropertyValues("zmq.streams.api.type=rep", "zmq.streams.api.bind=tcp://127.0.0.1:*",
                        "zmq.streams.api.tracing=true").run(context -> {
                    String endpoint = boundEndpoint(context.getBean("api", ZMQStream.class));
                    try (PyzmqPeer pyzmq = PyzmqPeer.start("trace_peer.py", "--role", "client", "--connect", endpoint,
                            "--traceparent", "00-" + TRACE_ID + "-" + PYZMQ_SPAN + "-01", "--request", "hello")) {
                        JsonNode result = pyzmq.result();

                        assertThat(result.get("reply").get(0).asString()).isEqualTo("echo hello");
                        List<MutableSpan> spans = TracedApplications.spans(context);
                        await().atMost(TIMEOUT).until(() -> spans.stream().anyMatch(span -> "api receive".equals(span.name())));
                        MutableSpan receive = spans.stream().filter(span -> "api receive".equals(span.name())).findFirst().get();
                        assertThat(receive.traceId()).isEqualTo(TRACE_ID);
                        assertThat(receive.parentId()).isEqualTo(PYZMQ_SPAN);
                        String[] replied = result.get("traceparent").asString().split("-");
                        assertThat(replied[1]).isEqualTo(TRACE_ID);
                        await().atMost(TIMEOUT).until(() -> spans.stream().anyMatch(span -> "api send".equals(span.name())));
                        MutableSpan replySend = spans.stream().filter(span -> "api send".equals(span.name())).findFirst().get();
                        assertThat(replied[2]).isEqualTo(replySend.id());
                        assertThat(replySend.parentId()).isEqualTo(receive.id());
                    }
                });
    }

    /** A traced REP listener. */
    @Configuration(proxyBeanMethods = false)
    static class Echo {

        @ZmqListener("api")
        String echo(String request) {
            return "echo " + request;
        }
    }
}
