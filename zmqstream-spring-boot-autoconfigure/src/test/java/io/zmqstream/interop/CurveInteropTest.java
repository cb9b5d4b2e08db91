package io.zmqstream.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.zmqstream.ZMQStream;
import io.zmqstream.zap.ZapHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeromq.ZCert;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static io.zmqstream.autoconfigure.TestPeers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CURVE both ways between our streams, their keys in certificate files named in YAML, and pyzmq on
 * libzmq's CURVE: a server for pyzmq clients, a client of a pyzmq server, a pyzmq client with the
 * wrong server key that gets nothing while the server counts its failed handshake, and a server
 * that lets in only the clients and addresses its YAML allows.
 */
@PyzmqInterop
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class CurveInteropTest {

    private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();

    @TempDir
    Path certificates;

    @Test
    void pyzmqCurveClientsGetRepliesFromACurveRouterWithKeysFromFiles() throws Exception {
        curveService().run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer clients = PyzmqPeer.start("clients.py", "--type", "dealer", "--connect", boundEndpoint(api),
                    "--clients", "10", "--requests", "10", "--curve-server-key=" + server.publicKey)) {
                RequestReplyInteropTest.assertEveryReplyMatched(clients.result(), 100);
            }
            assertThat(api.getStatistics().getConnectionEvents(ZMonitor.Event.HANDSHAKE_FAILED_PROTOCOL)).isZero();
        });
    }

    @Test
    void aPyzmqClientWithTheWrongServerKeyGetsNothingAndTheServerCountsTheFailedHandshake() throws Exception {
        String wrongKey = ZMQ.Curve.generateKeyPair().publicKey;
        curveService().run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer client = PyzmqPeer.start("clients.py", "--type", "dealer", "--connect", boundEndpoint(api),
                    "--curve-server-key=" + wrongKey, "--reply-timeout", "1500")) {
                assertThat(client.result().get("replies").asInt()).isZero();
            }
            await().atMost(TIMEOUT).until(() -> api.getStatistics().getConnectionEvents(ZMonitor.Event.HANDSHAKE_FAILED_PROTOCOL) > 0);
            assertThat(api.getStatistics().getMessagesReceived()).isZero();
        });
    }

    @Test
    void aCurveDealerStreamWithKeysFromFilesTalksToAPyzmqCurveServer() throws Exception {
        ZMQ.Curve.KeyPair client = ZMQ.Curve.generateKeyPair();
        Path clientCertificate = certificates.resolve("client.key_secret");
        new ZCert(client.publicKey, client.secretKey).saveSecret(clientCertificate.toString());

        try (PyzmqPeer pyServer = PyzmqPeer.start("echo_router.py", "--bind", "tcp://127.0.0.1:*", "--curve")) {
            Path serverKey = Files.writeString(certificates.resolve("server.z85"), pyServer.awaitLine("KEY") + "\n");
            InteropApplication.of("curve.yml", "curve-client", "interop.peer=" + pyServer.endpoint(),
                    "interop.server-key=" + serverKey.toUri(), "interop.client-certificate=" + clientCertificate.toUri())
                    .run(context -> assertEchoedInOrder(context.getBean("api", ZMQStream.class), "sealed "));
        }
    }

    @Test
    void onlyAllowedPyzmqClientsGetInAndOthersAreCountedAndLoggedByTheStartOfTheirKey(CapturedOutput output) throws Exception {
        ZMQ.Curve.KeyPair inline = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair certified = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
        Path allowed = Files.createDirectory(certificates.resolve("allowed"));
        new ZCert(certified.publicKey, certified.secretKey).savePublic(allowed.resolve("certified.key").toString());

        allowListService(inline.publicKey, allowed, "").run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            assertThat(requestsAnswered(api, inline)).isEqualTo(10);
            assertThat(requestsAnswered(api, certified)).isEqualTo(10);
            assertThat(requestsAnswered(api, stranger)).isZero();

            ZapHandler zap = context.getBean(ZapHandler.class);
            assertThat(zap.getAllowed("api")).isEqualTo(2);
            assertThat(zap.getDenied("api")).isPositive();
        });
        assertThat(output).contains("ZAP domain 'api' refused a CURVE client at 127.0.0.1 (key "
                + stranger.publicKey.substring(0, ZapHandler.SHOWN_KEY_CHARACTERS) + "...)")
                .doesNotContain(stranger.publicKey).doesNotContain(stranger.secretKey).doesNotContain(server.secretKey);
    }

    @Test
    void aDeniedAddressKeepsOutEvenAnAllowedPyzmqClient() throws Exception {
        ZMQ.Curve.KeyPair inline = ZMQ.Curve.generateKeyPair();
        Path allowed = Files.createDirectory(certificates.resolve("allowed"));
        new ZCert(inline.publicKey, inline.secretKey).savePublic(allowed.resolve("inline.key").toString());

        allowListService(inline.publicKey, allowed, "127.0.0.1").run(context -> {
            assertThat(requestsAnswered(context.getBean("api", ZMQStream.class), inline)).isZero();
            assertThat(context.getBean(ZapHandler.class).getDenied("api")).isPositive();
        });
    }

    /** Sends 100 messages named {@code prefix} and a number on a stream of an echoing peer: all come back, in order. */
    static void assertEchoedInOrder(ZMQStream api, String prefix) {
        List<String> echoes = new CopyOnWriteArrayList<>();
        api.onRecv(frames -> echoes.add(text(frames.get(0))));
        IntStream.range(0, 100).forEach(n -> api.sendString(prefix + n));
        await().atMost(TIMEOUT).until(() -> echoes.size() == 100);
        assertThat(echoes).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(n -> prefix + n).toList());
    }

    /** How many of ten requests a pyzmq CURVE client with the given key pair gets answered, waiting 1.5 s for each. */
    private int requestsAnswered(ZMQStream api, ZMQ.Curve.KeyPair client) {
        try (PyzmqPeer clients = PyzmqPeer.start("clients.py", "--type", "dealer", "--connect", boundEndpoint(api),
                "--requests", "10", "--reply-timeout", "1500", "--curve-server-key=" + server.publicKey,
                "--curve-key-pair=" + client.publicKey + "," + client.secretKey)) {
            return clients.result().get("replies").asInt();
        }
    }

    private ApplicationContextRunner allowListService(String allowedKey, Path allowedCertificates, String deniedAddresses)
            throws Exception {
        Path serverCertificate = certificates.resolve("server.key_secret");
        new ZCert(server.publicKey, server.secretKey).saveSecret(serverCertificate.toString());
        return InteropApplication.of("curve.yml", "curve-allow-list", "interop.server-certificate=" + serverCertificate.toUri(),
                "interop.allowed-key=" + allowedKey, "interop.allowed-certificates=" + allowedCertificates,
                "interop.denied-addresses=" + deniedAddresses).withUserConfiguration(ApiReplies.class);
    }

    private ApplicationContextRunner curveService() throws Exception {
        Path serverCertificate = certificates.resolve("server.key_secret");
        new ZCert(server.publicKey, server.secretKey).saveSecret(serverCertificate.toString());
        return InteropApplication.of("curve.yml", "curve-service", "interop.server-certificate=" + serverCertificate.toUri())
                .withUserConfiguration(ApiReplies.class);
    }
}
