package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerMessage;
import io.zmqstream.zap.ZapAuthenticator;
import io.zmqstream.zap.ZapDecision;
import io.zmqstream.zap.ZapRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLAIN from YAML against real PLAIN peers: users and passwords, a ZapAuthenticator bean, ZAP
 * domains, the user id in listeners, the counts, and passwords never printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZmqPlainTest {

    private static final Duration REFUSED_WAIT = Duration.ofSeconds(1);
    private static final String[] API = { "zmq.streams.api.type=router", "zmq.streams.api.bind=tcp://127.0.0.1:*",
            "zmq.streams.api.plain.server=true" };

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void usersWithTheRightPasswordAreServedAsThemselvesAndTheOthersAreRefusedAndCounted(CapturedOutput output) {
        TestPeers.meteredRunner().withUserConfiguration(WhoAmI.class).withPropertyValues(API)
                .withPropertyValues("zmq.streams.api.plain.users.ada=open-sesame", "zmq.streams.api.plain.users.bob=pa55")
                .run(context -> {
                    String endpoint = boundEndpoint(context.getBean("api", ZMQStream.class));
                    assertThat(peers.plainRequest(endpoint, "ada", "open-sesame", "who?", TestPeers.TIMEOUT))
                            .startsWith("ada from 127.0.0.1:");
                    assertThat(peers.plainRequest(endpoint, "ada", "pa55", "who?", REFUSED_WAIT)).isNull();
                    assertThat(peers.plainRequest(endpoint, "mallory", "open-sesame", "who?", REFUSED_WAIT)).isNull();

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("zmq.zap.clients").tags("stream", "api", "domain", "api", "outcome", "allowed")
                            .functionCounter().count()).isEqualTo(1);
                    assertThat(meters.get("zmq.zap.clients").tags("stream", "api", "outcome", "denied")
                            .functionCounter().count()).isGreaterThanOrEqualTo(2);
                });
        // the first refusal of a domain is always a warning; later ones within a second go to debug
        assertThat(output).contains("ZAP domain 'api' refused a PLAIN client at 127.0.0.1 (user 'ada')")
                .doesNotContain("open-sesame").doesNotContain("pa55");
    }

    @Test
    void aPlainClientStreamPresentsItsUserNameAndPassword() {
        TestPeers.meteredRunner().withUserConfiguration(WhoAmI.class).withPropertyValues(API)
                .withPropertyValues("zmq.streams.api.plain.users.svc=t0ken").run(server -> {
                    String endpoint = boundEndpoint(server.getBean("api", ZMQStream.class));
                    TestPeers.runner().withPropertyValues("zmq.streams.c.type=dealer", "zmq.streams.c.connect=" + endpoint,
                            "zmq.streams.c.plain.username=svc", "zmq.streams.c.plain.password=t0ken").run(client -> {
                                ZMQStream c = client.getBean("c", ZMQStream.class);
                                CompletableFuture<String> reply = new CompletableFuture<>();
                                c.onRecv(frames -> reply.complete(new String(frames.get(frames.size() - 1))));
                                c.sendString("who?");
                                assertThat(reply.get(TestPeers.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                                        .startsWith("svc from 127.0.0.1:");
                            });
                });
    }

    @Test
    void aZapAuthenticatorBeanDecidesForPlainAndCurveServersAndItsUserIdReachesTheListener() {
        ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair client = ZMQ.Curve.generateKeyPair();
        TestPeers.meteredRunner().withUserConfiguration(WhoAmI.class, Directory.class).withPropertyValues(API)
                .withPropertyValues("zmq.streams.api.zap-domain=billing", "zmq.streams.sealed.type=router",
                        "zmq.streams.sealed.bind=tcp://127.0.0.1:*", "zmq.streams.sealed.curve.server=true",
                        "zmq.streams.sealed.curve.secret-key=" + server.secretKey)
                .run(context -> {
                    String api = boundEndpoint(context.getBean("api", ZMQStream.class));
                    assertThat(peers.plainRequest(api, "carol", "carol's", "who?", TestPeers.TIMEOUT))
                            .startsWith("customer-carol@billing from 127.0.0.1:");
                    assertThat(peers.plainRequest(api, "carol", "guess", "who?", REFUSED_WAIT)).isNull();

                    ZMQStream sealed = context.getBean("sealed", ZMQStream.class);
                    sealed.onRecv(sealed::sendMultipart);
                    assertThat(peers.curveRequest(boundEndpoint(sealed), server.publicKey, client, "hello", REFUSED_WAIT))
                            .as("the directory knows no CURVE client").isNull();

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("zmq.zap.clients").tags("stream", "api", "domain", "billing", "outcome", "allowed")
                            .functionCounter().count()).isEqualTo(1);
                    assertThat(meters.get("zmq.zap.clients").tags("stream", "sealed", "outcome", "denied")
                            .functionCounter().count()).isPositive();
                });
    }

    @Test
    void plainSettingsThatCannotWorkFailNamingTheirPropertyWithoutShowingThePassword(CapturedOutput output) {
        TestPeers.meteredRunner().withPropertyValues(API).run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessage("zmq.streams.api.plain.users: a PLAIN server needs users, or a ZapAuthenticator bean that decides"));
        TestPeers.meteredRunner().withPropertyValues("zmq.streams.c.type=dealer", "zmq.streams.c.connect=tcp://127.0.0.1:1",
                "zmq.streams.c.plain.password=hidden-one").run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessage("zmq.streams.c.plain.username: a PLAIN client needs both a user name and a password"));
        TestPeers.meteredRunner().withPropertyValues(API).withPropertyValues("zmq.streams.api.plain.users.ada=" + "x".repeat(128))
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessage("zmq.streams.api.plain.users.ada: "
                        + "a PLAIN password has 1 to 127 bytes (UTF-8), this one 128 (the value is not shown)"));
        TestPeers.meteredRunner().withPropertyValues(API).withPropertyValues("zmq.streams.api.plain.users.ada=hidden-two",
                "zmq.streams.api.curve.server=true", "zmq.streams.api.curve.secret-key=" + ZMQ.Curve.generateKeyPair().secretKey)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessage("zmq.streams.api.plain: a socket has one security mechanism, and CURVE is set too"));
        TestPeers.meteredRunner().withPropertyValues(API).withPropertyValues("zmq.streams.api.plain.users.ada=hidden-three",
                "zmq.streams.api.zap-domain=shared", "zmq.streams.other.type=router", "zmq.streams.other.bind=tcp://127.0.0.1:*",
                "zmq.streams.other.plain.server=true", "zmq.streams.other.plain.users.bob=hidden-four",
                "zmq.streams.other.zap-domain=shared")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().message()
                        .contains(".zap-domain: the ZAP domain 'shared' has the rules of zmq.streams."));
        TestPeers.meteredRunner().withPropertyValues("zmq.streams.p.type=pull", "zmq.streams.p.bind=tcp://127.0.0.1:*",
                "zmq.streams.p.zap-domain=somewhere").run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("zmq.streams.p.zap-domain: only CURVE and PLAIN servers"));
        assertThat(output).doesNotContain("hidden-").doesNotContain("x".repeat(128));
    }

    /** Answers each request with the user id and address the message came with. */
    @Configuration(proxyBeanMethods = false)
    static class WhoAmI {

        @Bean
        Object whoAmI() {
            return new Object() {
                @ZmqListener("api")
                String answer(ZmqListenerMessage message) {
                    return message.getUserId() + " from " + message.getPeerAddress();
                }
            };
        }
    }

    /** Looks users up as a directory would, on the caller's thread; knows no CURVE client. */
    @Configuration(proxyBeanMethods = false)
    static class Directory {

        private static final Map<String, String> PASSWORDS = Map.of("carol", "carol's");

        @Bean
        ZapAuthenticator directory() {
            return request -> {
                if (!ZapRequest.PLAIN.equals(request.mechanism())) {
                    return ZapDecision.deny("no such client");
                }
                return request.password().equals(PASSWORDS.get(request.username()))
                        ? ZapDecision.allow("customer-" + request.username() + "@" + request.domain())
                        : ZapDecision.deny("unknown user or wrong password");
            };
        }
    }
}
