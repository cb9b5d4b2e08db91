package io.zmqstream.autoconfigure;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.StartupFailures.start;
import static io.zmqstream.autoconfigure.TestPeers.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad configuration fails start-up with the property's name and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class ZmqConfigurationFailureTest {

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void anUnknownSocketTypeNamesThePropertyAndTheValidTypes(CapturedOutput output) {
        assertThatThrownBy(() -> start("--zmq.streams.orders.type=funnel", "--zmq.streams.orders.bind=tcp://127.0.0.1:*"))
                .isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The ZeroMQ property 'zmq.streams.orders.type' is 'funnel', which is no socket type")
                .contains("Set zmq.streams.orders.type to one of pair, pub, sub, req, rep, dealer, router, pull, push, "
                        + "xpub, xsub, stream (JeroMQ's draft types")
                .doesNotContain("Did you mean");
    }

    @Test
    void aMisspeltSocketTypeGetsTheTypeMeant(CapturedOutput output) {
        assertThatThrownBy(() -> start("--zmq.streams.orders.type=pul", "--zmq.streams.orders.bind=tcp://127.0.0.1:*"))
                .isNotNull();
        assertThat(output).contains("'zmq.streams.orders.type' is 'pul'").contains("Did you mean 'pull'?")
                .doesNotContain("RADIO").doesNotContain("CHANNEL");
    }

    @Test
    void aDraftSocketTypeIsRefusedWithTheReason() {
        assertFailure(analysis("zmq.streams.orders.type=radio", "zmq.streams.orders.bind=tcp://127.0.0.1:*"),
                "'zmq.streams.orders.type' is invalid: is RADIO, a draft socket type: JeroMQ's thread-safe sockets "
                        + "have no file descriptor, so no loop can poll them",
                "Set zmq.streams.orders.type to one of pair, pub, sub, req, rep, dealer, router, pull, push, xpub, "
                        + "xsub, stream.");
    }

    @Test
    void ourFailureAnalyzerIsRegisteredAndReportsDescriptionAndAction(CapturedOutput output) {
        assertThatThrownBy(() -> start("--zmq.streams.orders.type=pull", "--zmq.streams.orders.bind=tcp//127.0.0.1:5555"))
                .isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The ZeroMQ property 'zmq.streams.orders.bind[0]' is invalid")
                .contains("Set zmq.streams.orders.bind[0] to a valid endpoint");
    }

    @Test
    void aStreamNamedLikeAnotherBeanNamesThePropertyAndTheFix(CapturedOutput output) {
        assertThatThrownBy(() -> start(new Class<?>[] {BeanNamedOrders.class}, "--zmq.streams.orders.type=pull",
                "--zmq.streams.orders.bind=inproc://orders")).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The ZeroMQ property 'zmq.streams.orders' is invalid: its stream becomes the bean 'orders', "
                        + "but another bean has that name")
                .contains("Rename the stream under zmq.streams, or the other bean.");
    }

    @Test
    void subscribeOnASocketThatIsNotSubIsRefused() {
        assertFailure(analysis("zmq.streams.out.type=push", "zmq.streams.out.bind=tcp://127.0.0.1:*",
                "zmq.streams.out.subscribe=eur"),
                "'zmq.streams.out.subscribe' is invalid: only SUB and XSUB sockets subscribe, and this stream is a PUSH",
                "Remove zmq.streams.out.subscribe, or set zmq.streams.out.type to SUB.");
    }

    @Test
    void aMalformedEndpointIsRefusedBeforeZeroMqSeesIt() {
        assertFailure(analysis("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*",
                "zmq.streams.in.bind=tcp://127.0.0.1:5555,tcp://localhost"),
                "'zmq.streams.in.bind[1]' is invalid: 'tcp://localhost' is not a tcp endpoint",
                "Set zmq.streams.in.bind[1] to a valid endpoint, for example tcp://127.0.0.1:5555");
        assertFailure(analysis("zmq.streams.in.type=pull", "zmq.streams.in.connect=udp://127.0.0.1:5555"),
                "'zmq.streams.in.connect[0]' is invalid: 'udp://127.0.0.1:5555' uses transport 'udp'",
                "Set zmq.streams.in.connect[0] to a valid endpoint");
        assertFailure(analysis("zmq.streams.in.type=pull", "zmq.streams.in.connect=tcp://*:5555"),
                "'zmq.streams.in.connect[0]' is invalid: 'tcp://*:5555' has a wildcard, which only a bind can use",
                "Set zmq.streams.in.connect[0] to a valid endpoint");
        assertFailure(analysis("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:70000"),
                "'zmq.streams.in.bind[0]' is invalid: 'tcp://127.0.0.1:70000' has port 70000, above 65535",
                "Set zmq.streams.in.bind[0] to a valid endpoint");
    }

    @Test
    void anAddressAlreadyInUseNamesTheEndpointAndReleasesTheOtherStreams() {
        TestPeers.Bound taken = peers.bound(SocketType.PULL);
        runner().withPropertyValues("zmq.streams.first.type=pull", "zmq.streams.first.bind=tcp://127.0.0.1:*",
                "zmq.streams.second.type=pull", "zmq.streams.second.bind=" + taken.endpoint())
                .run(context -> assertFailure(new ZmqConfigurationFailureAnalyzer().analyze(context.getStartupFailure()),
                        "'zmq.streams.second.bind[0]' is invalid: the address of '" + taken.endpoint()
                                + "' is already in use",
                        "Set zmq.streams.second.bind[0] to a free port, or stop the process that is bound to it."));
        // The failed start-up closed what it had opened: the taken port is still the peer's alone.
        ZMQ.Socket push = peers.socket(SocketType.PUSH);
        push.connect(taken.endpoint());
        push.send("still mine");
        assertThat(taken.socket().recvStr()).isEqualTo("still mine");
    }

    @Test
    void aCurveKeyOfTheWrongLengthIsRefusedWithoutShowingIt(CapturedOutput output) {
        String shortSecret = "tooShortSecretKeyValue";
        FailureAnalysis analysis = analysis("zmq.streams.s.type=rep", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                "zmq.streams.s.curve.server=true", "zmq.streams.s.curve.secret-key=" + shortSecret);
        assertFailure(analysis, "'zmq.streams.s.curve.secret-key' is invalid: is not a CURVE key: it has 22 characters "
                + "where a CURVE key has 40 (the value is not shown)",
                "Set zmq.streams.s.curve.secret-key to a Z85-encoded key of 40 characters");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(shortSecret);
        assertThat(output).doesNotContain(shortSecret);
    }

    @Test
    void aStreamWithNeitherBindNorConnectIsAnErrorUnlessItDoesNotStartAutomatically() {
        assertFailure(analysis("zmq.streams.lonely.type=pull"),
                "'zmq.streams.lonely.bind' is invalid: the stream has neither bind nor connect endpoints",
                "Set zmq.streams.lonely.bind or zmq.streams.lonely.connect, or set zmq.streams.lonely.auto-startup to "
                        + "false if the application opens the stream itself.");
        runner().withPropertyValues("zmq.streams.lonely.type=pull", "zmq.streams.lonely.auto-startup=false")
                .run(context -> assertThat(context).hasNotFailed().hasBean("lonely"));
    }

    @Test
    void aMissingTypeAndRefusedLoopSettingsNameTheirProperties() {
        assertFailure(analysis("zmq.streams.s.bind=tcp://127.0.0.1:*"), "'zmq.streams.s.type' is invalid: is not set",
                "Set zmq.streams.s.type to one of pair, pub, sub");
        assertFailure(analysis("zmq.io-loop.batch-budget=0"), "'zmq.io-loop.batch-budget' is invalid",
                "Set zmq.io-loop.batch-budget to 1 or more.");
        assertFailure(analysis("zmq.context.io-threads=-1"), "'zmq.context.io-threads' is invalid: is -1, below zero",
                "Set zmq.context.io-threads to 1 or more");
        assertFailure(analysis("zmq.streams.s.type=push", "zmq.streams.s.connect=tcp://127.0.0.1:1",
                "zmq.streams.s.send-queue.capacity=0"), "'zmq.streams.s.send-queue' is invalid",
                "Set zmq.streams.s.send-queue.capacity to at least 1");
    }

    @Test
    void noIoThreadsWithATcpEndpointNamesTheSettingAndTheStream() {
        assertFailure(analysis("zmq.context.io-threads=0", "zmq.streams.in.type=pull", "zmq.streams.in.bind=inproc://in",
                "zmq.streams.out.type=push", "zmq.streams.out.connect=tcp://127.0.0.1:5555"),
                "'zmq.context.io-threads' is invalid: is 0, and zmq.streams.out has the endpoint tcp://127.0.0.1:5555",
                "Set zmq.context.io-threads to 1 or more, or give every stream inproc endpoints.");
        runner().withPropertyValues("zmq.context.io-threads=0", "zmq.streams.in.type=pull",
                "zmq.streams.in.bind=inproc://in-only").run(context -> assertThat(context).hasNotFailed().hasBean("in"));
    }

    @Test
    void connectionMonitorSettingsThatCannotWorkNameTheirProperties() {
        String[] stream = { "zmq.streams.s.type=dealer", "zmq.streams.s.connect=tcp://127.0.0.1:1" };
        assertFailure(analysis(with(stream, "zmq.streams.s.handshake-heal-after=-1s")),
                "'zmq.streams.s.handshake-heal-after' is invalid: is PT-1S, not zero or more",
                "Set zmq.streams.s.handshake-heal-after to zero (never heal) or more");
        assertFailure(analysis(with(stream, "zmq.streams.s.max-time-without-peer=0s")),
                "'zmq.streams.s.max-time-without-peer' is invalid: is PT0S, not more than zero",
                "Set zmq.streams.s.max-time-without-peer to more than zero");
        assertFailure(analysis(with(stream, "zmq.streams.s.max-time-without-peer=10s", "zmq.streams.s.monitor=false")),
                "'zmq.streams.s.max-time-without-peer' is invalid: is set, but zmq.streams.s.monitor is false",
                "set zmq.streams.s.monitor to true");
    }

    private static String[] with(String[] properties, String... more) {
        String[] all = Arrays.copyOf(properties, properties.length + more.length);
        System.arraycopy(more, 0, all, properties.length, more.length);
        return all;
    }

    @Test
    void anOptionZeroMqRefusesNamesItsProperty() {
        assertFailure(analysis("zmq.streams.s.type=pull", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                "zmq.streams.s.send-hwm=-5"),
                "'zmq.streams.s.send-hwm' is invalid: ZeroMQ refused -5 for a PULL socket",
                "Change zmq.streams.s.send-hwm to a value this socket type accepts");
    }

    @Test
    void aSendBufferSizeOnAStreamThatBindsTcpNamesItsPropertyAndTheWayOut() {
        assertFailure(analysis("zmq.streams.s.type=pull", "zmq.streams.s.bind=inproc://s,tcp://127.0.0.1:*",
                "zmq.streams.s.send-buffer-size=64KB"),
                "'zmq.streams.s.send-buffer-size' is invalid: JeroMQ 0.6.0 cannot bind tcp://127.0.0.1:* with it",
                "Remove zmq.streams.s.send-buffer-size from a stream that binds tcp");
        runner().withPropertyValues("zmq.streams.c.type=push", "zmq.streams.c.connect=tcp://127.0.0.1:5999",
                "zmq.streams.c.send-buffer-size=64KB", "zmq.streams.b.type=pull", "zmq.streams.b.bind=tcp://127.0.0.1:*",
                "zmq.streams.b.receive-buffer-size=64KB").run(context -> assertThat(context).hasNotFailed());
    }

    private static FailureAnalysis analysis(String... properties) {
        return StartupFailures.analysis(new ZmqConfigurationFailureAnalyzer(), properties);
    }

    private static void assertFailure(FailureAnalysis analysis, String description, String action) {
        assertThat(analysis).as("a ZeroMQ failure analysis").isNotNull();
        assertThat(analysis.getDescription()).contains(description);
        assertThat(analysis.getAction()).contains(action);
    }

    @Configuration(proxyBeanMethods = false)
    static class BeanNamedOrders {

        @Bean
        String orders() {
            return "not a stream";
        }
    }
}
