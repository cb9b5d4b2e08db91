package io.zmqstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The frame of named fields that trace contexts and dead letters are written in. */
class FieldsFrameTest {

    private final FieldsFrame format = new FieldsFrame("zmq-test/1");

    @Test
    void fieldsAreWrittenAsTheFormatsLineThenANameValueLineEachAndReadBackInOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("listener", "orders.handle");
        fields.put("message", "a: colon, and ünïcödé");
        fields.put("empty", "");

        byte[] frame = format.encode(fields);

        assertThat(new String(frame, StandardCharsets.UTF_8))
                .isEqualTo("zmq-test/1\nlistener: orders.handle\nmessage: a: colon, and ünïcödé\nempty: \n");
        assertThat(format.decode(frame)).containsExactlyEntriesOf(fields);
    }

    @Test
    void aFrameIsOfTheFormatWhenItBeginsWithItsWholeFirstLineReadAsBytesOrInPlace() {
        byte[] frame = format.encode(Map.of("a", "b"));
        ByteBuffer inPlace = ByteBuffer.allocate(frame.length + 3).put(new byte[3]).put(frame).position(3);

        assertThat(format.matches(frame)).isTrue();
        assertThat(format.matches(inPlace)).isTrue();
        assertThat(inPlace.position()).isEqualTo(3);
        assertThat(format.matches("zmq-test/1".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(format.matches("zmq-test/2\na: b\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new FieldsFrame("zmq-trace/1").matches(frame)).isFalse();
        assertThat(format.matches(ByteBuffer.wrap(new byte[2]))).isFalse();
    }

    @Test
    void linesThatAreNoFieldAreSkippedAndAFrameOfAnotherFormatIsRefused() {
        assertThat(format.decode("zmq-test/1\nno colon here\n: nameless\nkept: yes".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("kept", "yes"));
        assertThatIllegalArgumentException().isThrownBy(() -> format.decode("other\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whatCannotBeOneLineIsRefusedWhenWritten() {
        assertThatIllegalArgumentException().isThrownBy(() -> format.encode(Map.of("a", "two\nlines")));
        assertThatIllegalArgumentException().isThrownBy(() -> format.encode(Map.of("na:me", "v")));
        assertThatIllegalArgumentException().isThrownBy(() -> format.encode(Map.of("", "v")));
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldsFrame("two\nlines"));
    }
}
