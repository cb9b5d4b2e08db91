package io.zmqstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A stream's send decorator puts its frame after the last frame of each message, whichever send
 * made it, and a stream without one sends exactly its frames; the trace context frame's format.
 */
class SendDecoratorTest extends LoopTestSupport {

    @Test
    void theFrameFollowsTheLastFrameOfEveryKindOfSend() {
        ZMQ.Socket pull = peer(SocketType.PULL);
        ZMQStream push = pushTo(pull);
        AtomicInteger made = new AtomicInteger();
        push.tracing().setSendDecorator(stream -> bytes("stamp " + made.incrementAndGet()));

        push.send(bytes("single"));
        push.sendMultipart(List.of(bytes("a"), bytes("b")));
        push.sendString("text");
        push.send(bytes("first part"), ZMQ.SNDMORE);
        push.send(bytes("last part"));

        assertThat(receive(pull)).containsExactly("single", "stamp 1");
        assertThat(receive(pull)).containsExactly("a", "b", "stamp 2");
        assertThat(receive(pull)).containsExactly("text", "stamp 3");
        // One frame for the message sent in two parts, after its last.
        assertThat(receive(pull)).containsExactly("first part", "last part", "stamp 4");
    }

    @Test
    void withoutADecoratorOrWithoutAFrameTheMessageIsExactlyItsFrames() {
        ZMQ.Socket pull = peer(SocketType.PULL);
        ZMQStream push = pushTo(pull);

        push.sendMultipart(List.of(bytes("plain"), bytes("frames")));
        push.tracing().setSendDecorator(stream -> null);
        push.send(bytes("no frame this time"));
        push.tracing().setSendDecorator(null);
        push.send(bytes("none again"));

        assertThat(receive(pull)).containsExactly("plain", "frames");
        assertThat(receive(pull)).containsExactly("no frame this time");
        assertThat(receive(pull)).containsExactly("none again");
    }

    /** A PUSH stream connected to the PULL peer, bound to a fresh endpoint. */
    private ZMQStream pushTo(ZMQ.Socket pull) {
        String endpoint = inproc();
        pull.bind(endpoint);
        ZMQStream push = stream(SocketType.PUSH);
        push.connect(endpoint);
        return push;
    }

    @Test
    void aTraceContextFrameReadsBackAsItsFieldsAndIsToldFromOtherFrames() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        fields.put("tracestate", "congo=t61rcWkgMzE");

        byte[] frame = TraceContextFrame.encode(fields);

        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("zmq-trace/1\n"
                + "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\n"
                + "tracestate: congo=t61rcWkgMzE\n");
        assertThat(TraceContextFrame.isTraceContext(frame)).isTrue();
        assertThat(TraceContextFrame.isTraceContext(ByteBuffer.wrap(frame))).isTrue();
        assertThat(TraceContextFrame.isTraceContext(ByteBuffer.wrap(bytes("zmq-trace/2\nother")))).isFalse();
        assertThat(TraceContextFrame.decode(frame)).containsExactlyEntriesOf(fields);
        assertThat(TraceContextFrame.isTraceContext(bytes("zmq-trace"))).isFalse();
        assertThat(TraceContextFrame.isTraceContext(bytes("{\"json\":true}"))).isFalse();
        assertThat(texts(TraceContextFrame.withoutTraceContext(List.of(bytes("body"), frame)))).containsExactly("body");
        assertThat(texts(TraceContextFrame.withoutTraceContext(List.of(bytes("body"))))).containsExactly("body");
        assertThatIllegalArgumentException().isThrownBy(() -> TraceContextFrame.encode(Map.of("baggage", "a\nb")));
    }
}
