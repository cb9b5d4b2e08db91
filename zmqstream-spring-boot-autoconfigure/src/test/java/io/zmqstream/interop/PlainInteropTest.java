package io.zmqstream.interop;

import io.zmqstream.ZMQStream;
import io.zmqstream.zap.ZapHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLAIN between our streams and pyzmq on libzmq's PLAIN: a server whose YAML users pyzmq clients
 * log in as, the right passwords served and the wrong ones refused and counted, no password in the
 * log; and a client stream that pyzmq's own {@code zmq.auth} authenticator lets in.
 */
@PyzmqInterop
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class PlainInteropTest {

    private static final String BOB_PASSWORD = "b0b's-secret";

    @Test
    void pyzmqClientsWithTheRightPasswordsAreServedAndTheOthersRefusedAndCounted(CapturedOutput output) {
        InteropApplication.of("plain.yml", "plain-service", "interop.bob-password=" + BOB_PASSWORD)
                .withUserConfiguration(ApiReplies.class).run(context -> {
                    String api = boundEndpoint(context.getBean("api", ZMQStream.class));
                    assertThat(requestsAnswered(api, "ada", "open-sesame")).isEqualTo(10);
                    assertThat(requestsAnswered(api, "bob", BOB_PASSWORD)).isEqualTo(10);
                    assertThat(requestsAnswered(api, "ada", BOB_PASSWORD)).isZero();
                    assertThat(requestsAnswered(api, "mallory", "open-sesame")).isZero();

                    ZapHandler zap = context.getBean(ZapHandler.class);
                    assertThat(zap.getAllowed("api")).isEqualTo(2);
                    assertThat(zap.getDenied("api")).isGreaterThanOrEqualTo(2);
                });
        assertThat(output).contains("ZAP domain 'api' refused a PLAIN client at 127.0.0.1 (user 'ada')")
                .doesNotContain("open-sesame").doesNotContain(BOB_PASSWORD);
    }

    @Test
    void aPlainDealerStreamLogsInToAPyzmqServerThatZmqAuthGuards() {
        try (PyzmqPeer server = PyzmqPeer.start("echo_router.py", "--bind", "tcp://127.0.0.1:*", "--plain", "svc:t0ken")) {
            InteropApplication.of("plain.yml", "plain-client", "interop.peer=" + server.endpoint(), "interop.password=t0ken")
                    .run(context -> CurveInteropTest.assertEchoedInOrder(context.getBean("api", ZMQStream.class), "logged in "));
        }
    }

    /** How many of ten requests a pyzmq PLAIN client gets answered, waiting 1.5 s for each. */
    private static int requestsAnswered(String endpoint, String username, String password) {
        try (PyzmqPeer client = PyzmqPeer.start("clients.py", "--type", "dealer", "--connect", endpoint, "--requests", "10",
                "--reply-timeout", "1500", "--plain-username", username, "--plain-password", password)) {
            return client.result().get("replies").asInt();
        }
    }
}
