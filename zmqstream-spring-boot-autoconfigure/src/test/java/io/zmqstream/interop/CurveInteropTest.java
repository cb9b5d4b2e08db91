package io.zmqstream.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.zmqstream.ZMQStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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
 * libzmq's CURVE: a server for pyzmq clients, a client of a pyzmq server, and a pyzmq client with
 * the wrong server key that gets nothing while the server counts its failed handshake.
 */
@PyzmqInterop
@Timeout(60)
class CurveInteropTest {

    private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();

    @TempDir
    Path certificates;

    @Test
    void pyzmqCurveClientsGetRepliesFromACurveRouterWithKeysFromFiles() throws Exception {
        curveService().run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer clients = PyzmqPeer.start("clients.py", "--type", "dealer", "--connect", boundEndpoint(api),
                    "--clients", "10", "--requests", "10", "--curve-server-key", server.publicKey)) {
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
                    "--curve-server-key", wrongKey, "--reply-timeout", "1500")) {
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
                    .run(context -> {
                        ZMQStream api = context.getBean("api", ZMQStream.class);
                        List<String> echoes = new CopyOnWriteArrayList<>();
                        api.onRecv(frames -> echoes.add(text(frames.get(0))));

                        IntStream.range(0, 100).forEach(n -> api.sendString("sealed " + n));

                        await().atMost(TIMEOUT).until(() -> echoes.size() == 100);
                        assertThat(echoes).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(n -> "sealed " + n).toList());
                    });
        }
    }

    private ApplicationContextRunner curveService() throws Exception {
        Path serverCertificate = certificates.resolve("server.key_secret");
        new ZCert(server.publicKey, server.secretKey).saveSecret(serverCertificate.toString());
        return InteropApplication.of("curve.yml", "curve-service", "interop.server-certificate=" + serverCertificate.toUri())
                .withUserConfiguration(ApiReplies.class);
    }
}
