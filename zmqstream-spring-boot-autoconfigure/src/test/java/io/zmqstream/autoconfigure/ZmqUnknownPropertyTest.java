package io.zmqstream.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.zmqstream.autoconfigure.StartupFailures.start;
import static io.zmqstream.autoconfigure.TestPeers.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A typo under any group of zmq.* stops start-up, naming the key, the closest valid one and the list. */
@ExtendWith(OutputCaptureExtension.class)
class ZmqUnknownPropertyTest {

    private static final String STREAM = "zmq.streams.orders.";

    @Test
    void aTypoUnderAStreamNamesItAndTheKeyMeant(CapturedOutput output) {
        assertThatThrownBy(() -> start("--" + STREAM + "type=pull", "--" + STREAM + "bind=inproc://orders",
                "--" + STREAM + "send-hmw=10")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The ZeroMQ property 'zmq.streams.orders.send-hmw' is not known")
                .contains("Did you mean 'zmq.streams.orders.send-hwm'?")
                .contains("Keys valid under zmq.streams.orders: ").contains(", linger, ").contains(", receive-hwm, ");
    }

    @Test
    void aTypoInEachGroupIsCaughtWithItsClosestKey() {
        assertSuggestion("zmq.streams.orders.lingr", "zmq.streams.orders.linger", STREAM + "type=pull",
                STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.streams.orders.send-queue.capacty", "zmq.streams.orders.send-queue.capacity",
                STREAM + "type=pull", STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.streams.orders.curve.public-kye", "zmq.streams.orders.curve.public-key",
                STREAM + "type=pull", STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.streams.orders.curve.certificates-reload-intervl",
                "zmq.streams.orders.curve.certificates-reload-interval", STREAM + "type=pull", STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.streams.orders.plain.pasword", "zmq.streams.orders.plain.password", STREAM + "type=dealer",
                STREAM + "connect=inproc://orders");
        assertSuggestion("zmq.streams.orders.zap-domian", "zmq.streams.orders.zap-domain", STREAM + "type=pull",
                STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.streams.orders.requests.timout", "zmq.streams.orders.requests.timeout",
                STREAM + "type=dealer", STREAM + "connect=inproc://orders");
        assertSuggestion("zmq.streams.orders.listener.dead-leter", "zmq.streams.orders.listener.dead-letter",
                STREAM + "type=pull", STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.streams.orders.listener.retry.max-atempts", "zmq.streams.orders.listener.retry.max-attempts",
                STREAM + "type=pull", STREAM + "bind=inproc://orders");
        assertSuggestion("zmq.proxies.queue.fronted", "zmq.proxies.queue.frontend");
        assertSuggestion("zmq.context.io-thread", "zmq.context.io-threads");
        assertSuggestion("zmq.io-loop.thread-nam", "zmq.io-loop.thread-name");
        assertSuggestion("zmq.listener.observation-enable", "zmq.listener.observation-enabled");
        assertSuggestion("zmq.stream.orders.type", "zmq.streams");
    }

    @Test
    void aKeyNothingIsCloseToListsTheValidOnes() {
        FailureAnalysis analysis = analysis("zmq.io-loop.colour=blue");
        assertThat(analysis.getDescription()).contains("'zmq.io-loop.colour' is not known");
        assertThat(analysis.getAction()).doesNotContain("Did you mean")
                .contains("Keys valid under zmq.io-loop: ").contains("thread-name").contains("batch-budget");
    }

    @Test
    void knownKeysStillStart() {
        runner().withPropertyValues(STREAM + "type=pull", STREAM + "bind=inproc://orders", STREAM + "send-hwm=10",
                STREAM + "send-queue.capacity=5", "zmq.io-loop.thread-name=loop", "zmq.context.io-threads=1")
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static void assertSuggestion(String typo, String meant, String... others) {
        String[] properties = new String[others.length + 1];
        System.arraycopy(others, 0, properties, 0, others.length);
        properties[others.length] = typo + "=1";
        FailureAnalysis analysis = analysis(properties);
        assertThat(analysis).as("analysis of %s", typo).isNotNull();
        assertThat(analysis.getDescription()).contains("'" + typo + "' is not known");
        assertThat(analysis.getAction()).contains("Did you mean '" + meant + "'?");
    }

    private static FailureAnalysis analysis(String... properties) {
        return StartupFailures.analysis(new ZmqUnknownPropertyFailureAnalyzer(), properties);
    }
}
