package io.zmqstream;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zmqstream.zap.ZapDecision;
import io.zmqstream.zap.ZapHandler;
import io.zmqstream.zap.ZapPolicy;
import io.zmqstream.zap.ZapRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLAIN servers behind the ZAP handler: users and passwords from the policy, the application's
 * authenticator, and HELLO commands that would end JeroMQ's I/O thread.
 */
class PlainServerTest extends LoopTestSupport {

    private static final Duration REFUSED_WAIT = Duration.ofSeconds(1);

    private final PeerSockets peers = new PeerSockets();
    private ZapHandler zap;
    private ExecutorService lookups;

    @BeforeEach
    void startHandler() {
        zap = new ZapHandler(context, loop);
    }

    @AfterEach
    void stopHandler() {
        zap.close();
        peers.close();
        if (lookups != null) {
            lookups.shutdownNow();
        }
    }

    @Test
    void theRightPasswordIsServedWithTheUserNameAsUserIdAndTheWrongOnesAreRefusedAndCounted() {
        zap.setPolicy("api", new ZapPolicy(Set.of(), Set.of(), Set.of(), Map.of("ada", "s3cret", "bob", "hunter2")));
        ZMQStream server = plainServer("api");
        String endpoint = PeerSockets.boundEndpoint(server);

        assertThat(peers.plainRequest(endpoint, "ada", "s3cret", "hello", TIMEOUT)).isEqualTo("hello from ada");
        assertThat(peers.plainRequest(endpoint, "ada", "hunter2", "hello", REFUSED_WAIT)).isNull();
        assertThat(peers.plainRequest(endpoint, "eve", "s3cret", "hello", REFUSED_WAIT)).isNull();
        assertThat(peers.plainRequest(endpoint, "bob", "hunter2", "hello", TIMEOUT)).isEqualTo("hello from bob");

        assertThat(zap.getAllowed("api")).isEqualTo(2);
        assertThat(zap.getDenied("api")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theAuthenticatorDecidesOnAnExecutorAndChoosesTheUserId() {
        lookups = Executors.newSingleThreadExecutor();
        zap.setAuthenticator(request -> {
            assertThat(Thread.currentThread().getName()).doesNotContain("test-ioloop");
            if (!ZapRequest.PLAIN.equals(request.mechanism())) {
                return ZapDecision.deny("PLAIN only");
            }
            if (request.username().equals("broken")) {
                throw new IllegalStateException("the user database is down");
            }
            return request.password().equals("pw-" + request.username()) ? ZapDecision.allow("user:" + request.username())
                    : ZapDecision.deny("wrong password");
        }, lookups);
        ZMQStream server = plainServer("db");
        String endpoint = PeerSockets.boundEndpoint(server);

        assertThat(peers.plainRequest(endpoint, "carol", "pw-carol", "hello", TIMEOUT)).isEqualTo("hello from user:carol");
        assertThat(peers.plainRequest(endpoint, "carol", "pw-dave", "hello", REFUSED_WAIT)).isNull();
        assertThat(peers.plainRequest(endpoint, "broken", "pw-broken", "hello", REFUSED_WAIT)).isNull();
        assertThat(zap.getAllowed("db")).isEqualTo(1);
        assertThat(zap.getDenied("db")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPolicyRefusalIsFinalAndTheAuthenticatorIsNotAsked() {
        zap.setPolicy("api", new ZapPolicy(Set.of(), Set.of(), Set.of(), Map.of("ada", "s3cret")));
        zap.setAuthenticator(request -> ZapDecision.allow("anyone"), null);
        String endpoint = PeerSockets.boundEndpoint(plainServer("api"));

        assertThat(peers.plainRequest(endpoint, "ada", "guess", "hello", REFUSED_WAIT)).isNull();
        assertThat(peers.plainRequest(endpoint, "ada", "s3cret", "hello", TIMEOUT)).isEqualTo("hello from anyone");
    }

    @Test
    void helloCommandsThatWouldEndJeroMqsIoThreadAreRefusedAndTheServerServesOn() throws IOException {
        zap.setPolicy("api", new ZapPolicy(Set.of(), Set.of(), Set.of(), Map.of("ada", "s3cret")));
        ZMQStream server = plainServer("api");
        String endpoint = PeerSockets.boundEndpoint(server);
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));

        // A user name length of 200 (read as -56), then a HELLO that ends after its user name.
        byte[] negativeLength = hello(new byte[] { (byte) 200, 'x' });
        byte[] noPasswordLength = hello(new byte[] { 3, 'a', 'd', 'a' });
        assertThat(disconnectedAfter(port, negativeLength)).isTrue();
        assertThat(disconnectedAfter(port, noPasswordLength)).isTrue();

        assertThat(server.getStatistics().getInvalidFrames()).isEqualTo(2);
        assertThat(peers.plainRequest(endpoint, "ada", "s3cret", "hello", TIMEOUT)).isEqualTo("hello from ada");
    }

    /** A ROUTER stream, a PLAIN server in the ZAP domain, answering "hello from <User-Id>". */
    private ZMQStream plainServer(String domain) {
        ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
        socket.setPlainServer(true);
        socket.setZAPDomain(domain);
        ZMQStream server = new ZMQStream(socket, loop);
        server.bindToRandomPort("tcp://127.0.0.1");
        server.onRecvFrames(frames -> server.sendMultipart(List.of(frames.get(0).data(),
                ("hello from " + frames.get(1).property("User-Id")).getBytes(StandardCharsets.UTF_8))));
        return server;
    }

    /** A short HELLO command frame: the command name, then the given bytes. */
    private static byte[] hello(byte[] body) {
        byte[] frame = new byte[2 + 6 + body.length];
        frame[0] = 0x04;
        frame[1] = (byte) (6 + body.length);
        System.arraycopy(new byte[] { 5, 'H', 'E', 'L', 'L', 'O' }, 0, frame, 2, 6);
        System.arraycopy(body, 0, frame, 8, body.length);
        return frame;
    }

    /** Whether the server closes the connection after a PLAIN greeting and {@code command}. */
    private static boolean disconnectedAfter(int port, byte[] command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(greeting("PLAIN"));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte[64]);
            out.write(command);
            out.flush();
            try {
                while (in.read() >= 0) {
                    // Whatever the server sends before it closes: an ERROR command, perhaps.
                }
                return true;
            }
            catch (SocketTimeoutException ex) {
                return false;
            }
            catch (IOException ex) {
                return true;
            }
        }
    }

    private static byte[] greeting(String mechanism) {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xFF;
        greeting[8] = 1;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, greeting, 12, name.length);
        return greeting;
    }
}
