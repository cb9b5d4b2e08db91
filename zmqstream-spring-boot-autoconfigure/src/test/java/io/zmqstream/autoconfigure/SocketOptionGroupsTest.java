package io.zmqstream.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.zmqstream.ZMQStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import static io.zmqstream.autoconfigure.TestPeers.runner;
import static io.zmqstream.autoconfigure.TestPeers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The socket options a stream's properties set, group by group: read back from the socket where
 * JeroMQ lets them be read, shown by what the socket does where they are write-only (as in
 * libzmq); options of other socket types refused at start-up; the application's customizers.
 */
class SocketOptionGroupsTest {

    @Test
    void transportOptionsReachTheSocket() {
        runner().withPropertyValues("zmq.streams.s.type=dealer", "zmq.streams.s.connect=tcp://127.0.0.1:1",
                "zmq.streams.s.ipv6=true", "zmq.streams.s.tos=16", "zmq.streams.s.backlog=7", "zmq.streams.s.affinity=1")
                .run(context -> {
                    assertThat(option(context, "s", ZMQ.Socket::isIPv6)).isTrue();
                    assertThat(option(context, "s", ZMQ.Socket::getTos)).isEqualTo(16);
                    assertThat(option(context, "s", ZMQ.Socket::getBacklog)).isEqualTo(7);
                    assertThat(option(context, "s", ZMQ.Socket::getAffinity)).isEqualTo(1L);
                });
    }

    @Test
    void aRelaxedReqSendsItsNextRequestBeforeTheReplyToTheLast() {
        try (TestPeers peers = new TestPeers()) {
            TestPeers.Bound rep = peers.bound(SocketType.REP);
            runner().withPropertyValues("zmq.streams.strict.type=req", "zmq.streams.strict.connect=" + rep.endpoint(),
                    "zmq.streams.relaxed.type=req", "zmq.streams.relaxed.connect=" + rep.endpoint(),
                    "zmq.streams.relaxed.req-relaxed=true", "zmq.streams.relaxed.req-correlate=true").run(context -> {
                        // JeroMQ lets neither option be read back (nor does libzmq): a second send shows it.
                        Function<ZMQ.Socket, Boolean> twoRequests = socket -> {
                            try {
                                return socket.send("one") && socket.send("two");
                            }
                            catch (ZMQException stateRefused) {
                                return false;
                            }
                        };
                        assertThat(option(context, "strict", twoRequests)).isFalse();
                        assertThat(option(context, "relaxed", twoRequests)).isTrue();
                    });
        }
    }

    @Test
    void probeRouterSendsAnEmptyMessageToThePeerOnConnect() {
        try (TestPeers peers = new TestPeers()) {
            TestPeers.Bound router = peers.bound(SocketType.ROUTER);
            runner().withPropertyValues("zmq.streams.s.type=dealer", "zmq.streams.s.connect=" + router.endpoint(),
                    "zmq.streams.s.identity=prober", "zmq.streams.s.probe-router=true").run(context -> {
                        assertThat(text(router.socket().recv())).isEqualTo("prober");
                        assertThat(router.socket().recv()).isEmpty();
                        assertThat(router.socket().hasReceiveMore()).isFalse();
                    });
        }
    }

    @Test
    void routerHandoverGivesARoutingIdToThePeerThatConnectsWithItLast() {
        try (TestPeers peers = new TestPeers()) {
            runner().withPropertyValues("zmq.streams.s.type=router", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                    "zmq.streams.s.router-handover=true").run(context -> {
                        ZMQStream router = context.getBean("s", ZMQStream.class);
                        List<String> received = new CopyOnWriteArrayList<>();
                        router.onRecv(frames -> received.add(text(frames.get(1))));
                        dealer(peers, "same", router).send("from the first");
                        await().atMost(TestPeers.TIMEOUT).until(() -> received.size() == 1);
                        ZMQ.Socket second = dealer(peers, "same", router);
                        second.send("from the second");
                        await().atMost(TestPeers.TIMEOUT).until(() -> received.size() == 2);

                        router.sendMultipart(List.of("same".getBytes(), "to the holder".getBytes()));

                        assertThat(second.recvStr()).isEqualTo("to the holder");
                    });
        }
    }

    @Test
    void xpubVerbosePassesUpEverySubscriptionRepeatedOnesToo() {
        try (TestPeers peers = new TestPeers()) {
            runner().withPropertyValues("zmq.streams.s.type=xpub", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                    "zmq.streams.s.xpub-verbose=true").run(context -> {
                        ZMQStream xpub = context.getBean("s", ZMQStream.class);
                        List<String> subscriptions = new CopyOnWriteArrayList<>();
                        xpub.onRecv(frames -> subscriptions.add(text(frames.get(0))));
                        for (int i = 0; i < 2; i++) {
                            ZMQ.Socket sub = peers.socket(SocketType.SUB);
                            sub.connect(TestPeers.boundEndpoint(xpub));
                            sub.subscribe("topic".getBytes());
                        }

                        await().atMost(TestPeers.TIMEOUT).until(() -> subscriptions.size() == 2);
                        assertThat(subscriptions).containsOnly("\u0001topic");
                    });
        }
    }

    @Test
    void anOptionOfAnotherSocketTypeFailsStartUpNamingItsProperty() {
        runner().withPropertyValues("zmq.streams.s.type=dealer", "zmq.streams.s.connect=tcp://127.0.0.1:1",
                "zmq.streams.s.router-handover=true").run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("zmq.streams.s.router-handover")
                        .hasStackTraceContaining("only [ROUTER] sockets have it"));
        runner().withPropertyValues("zmq.streams.s.type=pub", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                "zmq.streams.s.xpub-verbose=true").run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("zmq.streams.s.xpub-verbose"));
    }

    @Test
    void socketCustomizersSeeEachNewSocketInTheirOrderBeforeItBindsOrConnects() {
        runner().withUserConfiguration(Customizers.class)
                .withPropertyValues("zmq.streams.s.type=pull", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                        "zmq.streams.s.tos=8").run(context -> {
                            Customizers customizers = context.getBean(Customizers.class);
                            assertThat(customizers.calls).containsExactly("first s tos 8 endpoint null",
                                    "second s tos 8 endpoint null");
                            assertThat(option(context, "s", ZMQ.Socket::getTos)).isEqualTo(32);
                        });
    }

    private static ZMQ.Socket dealer(TestPeers peers, String identity, ZMQStream router) {
        ZMQ.Socket dealer = peers.socket(SocketType.DEALER);
        dealer.setIdentity(identity.getBytes());
        dealer.connect(TestPeers.boundEndpoint(router));
        return dealer;
    }

    private static <T> T option(AssertableApplicationContext context, String stream, Function<ZMQ.Socket, T> getter) {
        AtomicReference<T> value = new AtomicReference<>();
        context.getBean(stream, ZMQStream.class).withSocket(socket -> value.set(getter.apply(socket)));
        return value.get();
    }

    /** Two customizers, which note what they see and in which order; the second changes the type of service. */
    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        ZmqSocketCustomizer second() {
            return (name, socket) -> {
                calls.add("second " + name + " tos " + socket.getTos() + " endpoint " + socket.getLastEndpoint());
                socket.setTos(32);
            };
        }

        @Bean
        @Order(1)
        ZmqSocketCustomizer first() {
            return (name, socket) -> calls.add("first " + name + " tos " + socket.getTos() + " endpoint "
                    + socket.getLastEndpoint());
        }
    }
}
