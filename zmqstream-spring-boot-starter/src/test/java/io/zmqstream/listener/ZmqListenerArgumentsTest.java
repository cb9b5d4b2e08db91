package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.zmqstream.Frame;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of parameter a {@code @ZmqListener} method declares gets its part of the message. */
class ZmqListenerArgumentsTest {

    @Test
    void framesBytesTextAndJeroMqTypesAreFilledFromTheMessage() {
        runner().withUserConfiguration(EveryFrameType.class).withPropertyValues(boundStream("in", "pull"))
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("in").sendString("topic", "middle", "last");

                    Map<String, Object> arguments = context.getBean(EveryFrameType.class).calls.next();
                    assertThat(texts((List<?>) arguments.get("frames"))).containsExactly("topic", "middle", "last");
                    assertThat(text((byte[]) arguments.get("bytes"))).isEqualTo("last");
                    assertThat(arguments.get("text")).isEqualTo("last");
                    assertThat(arguments.get("first")).isEqualTo("topic");
                    assertThat(text((byte[]) arguments.get("second"))).isEqualTo("middle");
                    assertThat(arguments.get("fromEnd")).isEqualTo("middle");
                    assertThat(texts((List<?>) arguments.get("zframes"))).containsExactly("topic", "middle", "last");
                    ZMsg msg = (ZMsg) arguments.get("zmsg");
                    assertThat(msg.size()).isEqualTo(3);
                    assertThat(msg.getLast().getString(ZMQ.CHARSET)).isEqualTo("last");
                    assertThat(arguments.get("stream")).isSameAs(context.getBean("in", ZMQStream.class));
                    ZmqListenerMessage message = (ZmqListenerMessage) arguments.get("message");
                    assertThat(texts(message.getFrames())).containsExactly("topic", "middle", "last");
                    assertThat(message.getEnvelope()).isNull();
                });
    }

    @Test
    void anyOtherTypeIsReadFromJsonWithTheApplicationsMapper() {
        // The application's mapper reads snake_case; Jackson's shared one would not fill orderId.
        runner().withUserConfiguration(JsonListener.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("orders").sendString("eu",
                            "{\"order_id\":7,\"items\":[\"tea\",\"milk\"]}");

                    Map<String, Object> arguments = context.getBean(JsonListener.class).calls.next();
                    assertThat(arguments.get("region")).isEqualTo("eu");
                    assertThat(arguments.get("order")).isEqualTo(new Order(7, List.of("tea", "milk")));
                    assertThat(arguments.get("fields")).isEqualTo(Map.of("order_id", 7, "items", List.of("tea", "milk")));
                });
    }

    @Test
    void withoutCopyTheMethodGetsJeroMqFramesWithTheirMetadata() {
        runner().withUserConfiguration(FrameListener.class).withPropertyValues(boundStream("raw", "pull"))
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("raw").sendString("a", "b");

                    Map<String, Object> arguments = context.getBean(FrameListener.class).calls.next();
                    List<?> frames = (List<?>) arguments.get("frames");
                    assertThat(frames).extracting(frame -> ((Frame) frame).text()).containsExactly("a", "b");
                    assertThat(((Frame) frames.get(0)).hasMore()).isTrue();
                    Frame last = (Frame) arguments.get("last");
                    assertThat(last.text()).isEqualTo("b");
                    assertThat(last.hasMore()).isFalse();
                });
    }

    @Test
    void onARouterTheEnvelopeIsSplitOffTheBody() {
        runner().withUserConfiguration(EnvelopeListener.class).withPropertyValues(boundStream("router", "router"))
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("router", SocketType.DEALER, "dealer-1").sendString("plain", "body");
                    Map<String, Object> fromDealer = context.getBean(EnvelopeListener.class).calls.next();
                    ZmqApplicationPeers.of(context).peer("router", SocketType.REQ, "req-1").sendString("request");
                    Map<String, Object> fromReq = context.getBean(EnvelopeListener.class).calls.next();

                    assertThat(texts(((RoutingEnvelope) fromDealer.get("envelope")).frames())).containsExactly("dealer-1");
                    assertThat(texts((List<?>) fromDealer.get("body"))).containsExactly("plain", "body");
                    // A REQ puts an empty delimiter between the envelope and the body.
                    assertThat(texts(((RoutingEnvelope) fromReq.get("envelope")).frames())).containsExactly("req-1", "");
                    assertThat(text(((RoutingEnvelope) fromReq.get("envelope")).identity())).isEqualTo("req-1");
                    assertThat(texts((List<?>) fromReq.get("body"))).containsExactly("request");
                });
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static List<String> texts(List<?> frames) {
        return frames.stream().map(frame -> frame instanceof ZFrame zFrame ? zFrame.getString(ZMQ.CHARSET)
                : text((byte[]) frame)).toList();
    }

    record Order(int orderId, List<String> items) {
    }

    @Configuration(proxyBeanMethods = false)
    static class EveryFrameType {

        final ListenerContexts.Calls<Map<String, Object>> calls = new ListenerContexts.Calls<>();

        @ZmqListener("in")
        void receive(List<byte[]> frames, byte[] bytes, String text, @FrameAt(0) String first, @FrameAt(1) byte[] second,
                @FrameAt(-2) String fromEnd, List<ZFrame> zframes, ZMsg zmsg, ZMQStream stream,
                ZmqListenerMessage message) {
            calls.add(Map.ofEntries(Map.entry("frames", frames), Map.entry("bytes", bytes), Map.entry("text", text),
                    Map.entry("first", first), Map.entry("second", second), Map.entry("fromEnd", fromEnd),
                    Map.entry("zframes", zframes), Map.entry("zmsg", zmsg), Map.entry("stream", stream),
                    Map.entry("message", message)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JsonListener {

        final ListenerContexts.Calls<Map<String, Object>> calls = new ListenerContexts.Calls<>();

        @ZmqListener("orders")
        void receive(@FrameAt(0) String region, Order order, @FrameAt(1) Map<String, Object> fields) {
            calls.add(Map.of("region", region, "order", order, "fields", fields));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FrameListener {

        final ListenerContexts.Calls<Map<String, Object>> calls = new ListenerContexts.Calls<>();

        @ZmqListener(value = "raw", copy = false)
        void receive(List<Frame> frames, Frame last) {
            calls.add(Map.of("frames", frames, "last", last));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EnvelopeListener {

        final ListenerContexts.Calls<Map<String, Object>> calls = new ListenerContexts.Calls<>();

        @ZmqListener("router")
        void receive(RoutingEnvelope envelope, List<byte[]> body) {
            calls.add(Map.of("envelope", envelope, "body", body));
        }
    }
}
