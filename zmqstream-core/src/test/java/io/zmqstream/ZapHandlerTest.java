package io.zmqstream;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zmqstream.zap.ZapHandler;
import io.zmqstream.zap.ZapPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CURVE servers of one context let in the clients their ZAP domain's policy allows, and no others. */
class ZapHandlerTest extends LoopTestSupport {

    private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
    private final ZMQ.Curve.KeyPair known = ZMQ.Curve.generateKeyPair();
    private final ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
    private final PeerSockets peers = new PeerSockets();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger handlerLogger = (Logger) LoggerFactory.getLogger(ZapHandler.class);
    private ZapHandler zap;

    @BeforeEach
    void startHandler() {
        logs.start();
        handlerLogger.addAppender(logs);
        zap = new ZapHandler(context, loop);
    }

    @AfterEach
    void stopHandler() {
        handlerLogger.detachAppender(logs);
        zap.close();
        peers.close();
    }

    @Test
    void onlyClientsWithAnAllowedKeyAreAnsweredAndTheirKeyIsTheirUserId() {
        zap.setPolicy("api", new ZapPolicy(Set.of(known.publicKey), Set.of(), Set.of()));
        String endpoint = echoServer("api");

        assertThat(roundTrip(endpoint, known)).isEqualTo("hello from " + known.publicKey);
        assertThat(refused(endpoint, stranger)).isTrue();

        assertThat(zap.getAllowed("api")).isEqualTo(1);
        assertThat(zap.getDenied("api")).isPositive();
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("ZAP domain 'api' refused a CURVE client at 127.0.0.1 (key " + stranger.publicKey.substring(0, 8) + "...)")
                .doesNotContain(stranger.publicKey);
    }

    @Test
    void deniedAndNotAllowedAddressesAreRefusedWhateverTheKey() {
        zap.setPolicy("denied", new ZapPolicy(Set.of(), Set.of(), Set.of("127.0.0.1")));
        zap.setPolicy("elsewhere", new ZapPolicy(Set.of(), Set.of("10.1.2.3"), Set.of()));
        zap.setPolicy("here", new ZapPolicy(Set.of(), Set.of("127.0.0.1"), Set.of()));

        assertThat(refused(echoServer("denied"), known)).isTrue();
        assertThat(refused(echoServer("elsewhere"), known)).isTrue();
        assertThat(roundTrip(echoServer("here"), stranger)).isEqualTo("hello from " + stranger.publicKey);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.endsWith("address 127.0.0.1 is not allowed; 1 refused in all"));
    }

    @Test
    void aDomainWithoutPolicyLetsEveryClientIn() {
        assertThat(roundTrip(echoServer("open"), stranger)).isEqualTo("hello from " + stranger.publicKey);
        assertThat(zap.getAllowed("open")).isEqualTo(1);
        assertThat(zap.getDenied("open")).isZero();
    }

    @Test
    void aContextHasOneZapHandler() {
        assertThatThrownBy(() -> new ZapHandler(context, loop)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the context has a ZAP handler already");
        assertThat(loop.getStreams()).hasSize(1);
    }

    /** A CURVE ROUTER stream of the handler's context in a ZAP domain that answers "hello from <User-Id>". */
    private String echoServer(String domain) {
        ZMQStream echo = stream(SocketType.ROUTER);
        echo.withSocket(socket -> {
            socket.setCurveServer(true);
            socket.setCurveSecretKey(ZMQ.Curve.z85Decode(server.secretKey));
            socket.setZAPDomain(domain);
        });
        int port = echo.bindToRandomPort("tcp://127.0.0.1");
        echo.onRecvFrames(frames -> echo.sendMultipart(List.of(frames.get(0).data(),
                bytes("hello from " + frames.get(1).property("User-Id")))));
        return "tcp://127.0.0.1:" + port;
    }

    private String roundTrip(String endpoint, ZMQ.Curve.KeyPair client) {
        return peers.curveRequest(endpoint, server.publicKey, client, "hello", TIMEOUT);
    }

    /** Whether the client got no reply in a second: refused clients never get one. */
    private boolean refused(String endpoint, ZMQ.Curve.KeyPair client) {
        return peers.curveRequest(endpoint, server.publicKey, client, "hello", Duration.ofSeconds(1)) == null;
    }
}
