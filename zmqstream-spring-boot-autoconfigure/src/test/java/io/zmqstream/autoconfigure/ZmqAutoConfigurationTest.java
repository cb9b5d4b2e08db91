package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static io.zmqstream.autoconfigure.TestPeers.runner;
import static io.zmqstream.autoconfigure.TestPeers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZmqAutoConfigurationTest {

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void withoutStreamsTheSharedContextAndARunningLoopAreThere() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(ZContext.class).hasSingleBean(ZmqIoLoop.class)
                    .hasSingleBean(ZmqStreamRegistry.class).doesNotHaveBean(ZMQStream.class);
            ZmqIoLoop loop = context.getBean(ZmqIoLoop.class);
            assertThat(loop.isRunning()).isTrue();
            assertThat(loop.getContext()).isSameAs(context.getBean(ZContext.class));
            assertThat(loop.getThreadName()).isEqualTo(ZmqIoLoop.DEFAULT_THREAD_NAME);
            assertThat(loop.getBatchBudget()).isEqualTo(ZmqIoLoop.DEFAULT_BATCH_BUDGET);
            assertThat(loop.getSpinTime()).isEqualTo(ZmqIoLoop.DEFAULT_SPIN_TIME);
        });
    }

    @Test
    void contextAndLoopPropertiesAreApplied() {
        runner().withPropertyValues("zmq.context.io-threads=2", "zmq.context.max-sockets=2048",
                "zmq.io-loop.thread-name=orders-loop", "zmq.io-loop.batch-budget=64", "zmq.io-loop.spin-time=20us")
                .run(context -> {
                    ZContext zContext = context.getBean(ZContext.class);
                    assertThat(zContext.getIoThreads()).isEqualTo(2);
                    assertThat(zContext.getContext().getMaxSockets()).isEqualTo(2048);
                    ZmqIoLoop loop = context.getBean(ZmqIoLoop.class);
                    assertThat(loop.getThreadName()).isEqualTo("orders-loop");
                    assertThat(loop.getBatchBudget()).isEqualTo(64);
                    assertThat(loop.getSpinTime()).isEqualTo(Duration.ofNanos(20_000));
                    assertThat(loop.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("orders-loop");
                });
    }

    @Test
    void aUserZContextBeanWinsAndTheStreamsUseIt() {
        runner().withUserConfiguration(UserContext.class)
                .withPropertyValues("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    assertThat(context).hasSingleBean(ZContext.class).hasBean("userContext");
                    ZContext userContext = context.getBean(ZContext.class);
                    assertThat(context.getBean(ZmqIoLoop.class).getContext()).isSameAs(userContext);
                    assertThat(userContext.getSockets()).contains(context.getBean("in", ZMQStream.class).getSocket());
                });
    }

    @Test
    void aUserLoopBeanWinsIsStartedAndCarriesTheUsersOwnStreamsBesideTheConfiguredOnes() {
        runner().withUserConfiguration(UserLoopAndStream.class)
                .withPropertyValues("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    assertThat(context).hasSingleBean(ZmqIoLoop.class).hasBean("userLoop");
                    ZmqIoLoop loop = context.getBean(ZmqIoLoop.class);
                    assertThat(loop.getThreadName()).isEqualTo("user-loop");
                    assertThat(loop.isRunning()).isTrue();
                    ZMQStream configured = context.getBean("in", ZMQStream.class);
                    ZMQStream own = context.getBean("ownPush", ZMQStream.class);
                    assertThat(configured.getIoLoop()).isSameAs(loop);
                    assertThat(own.getIoLoop()).isSameAs(loop);
                    assertThat(own).hasToString("ZMQStream[ownPush, PUSH]");

                    List<String> received = new CopyOnWriteArrayList<>();
                    configured.onRecv(frames -> received.add(text(frames.get(0))));
                    own.connect(boundEndpoint(configured));
                    own.sendString("from the user's own stream");
                    await().atMost(TIMEOUT).until(() -> received.contains("from the user's own stream"));
                });
    }

    @Test
    void withoutJeroMqTheAutoConfigurationBacksOff() {
        runner().withClassLoader(new FilteredClassLoader(ZContext.class))
                .withPropertyValues("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqIoLoop.class)
                        .doesNotHaveBean(ZmqStreamRegistry.class).doesNotHaveBean("in"));
    }

    @Test
    void aUserStreamFactoryMakesTheConfiguredStreams() {
        runner().withUserConfiguration(UserFactory.class)
                .withPropertyValues("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    assertThat(context).hasSingleBean(ZmqStreamFactory.class).hasBean("userFactory");
                    assertThat(context.getBean("in", ZMQStream.class).getName()).isEqualTo("custom-in");
                });
    }

    @Test
    void userLifecycleAndRegistryBeansWin() {
        runner().withUserConfiguration(UserLifecycleAndRegistry.class).run(context -> {
            assertThat(context).hasSingleBean(ZmqIoLoopLifecycle.class).hasBean("userLifecycle")
                    .hasSingleBean(ZmqStreamRegistry.class).hasBean("userRegistry");
        });
    }

    @Test
    void eachConfiguredStreamIsABeanNamedByItsKeyAndInjectableByQualifier() {
        runner().withUserConfiguration(InjectsByName.class)
                .withPropertyValues("zmq.streams.orders.type=pull", "zmq.streams.orders.bind=tcp://127.0.0.1:*",
                        "zmq.streams.audit.type=pub", "zmq.streams.audit.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    assertThat(context.getBeansOfType(ZMQStream.class)).containsOnlyKeys("orders", "audit");
                    InjectsByName client = context.getBean(InjectsByName.class);
                    assertThat(client.orders).isSameAs(context.getBean("orders"));
                    assertThat(client.audit).isSameAs(context.getBean("audit"));
                    assertThat(client.orders.getSocket().getSocketType()).isEqualTo(SocketType.PULL);
                    assertThat(client.audit.getSocket().getSocketType()).isEqualTo(SocketType.PUB);
                    assertThat(client.orders.getName()).isEqualTo("orders");
                    ZmqStreamRegistry registry = context.getBean(ZmqStreamRegistry.class);
                    assertThat(registry.getStreamNames()).containsExactly("orders", "audit");
                    assertThat(registry.getStream("audit")).isSameAs(client.audit);
                    assertThat(registry.isOpen("orders")).isTrue();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB",
        "STREAM" })
    void everySocketTypeMakesAStreamOfThatType(String type) {
        runner().withPropertyValues("zmq.streams.s.type=" + type.toLowerCase(), "zmq.streams.s.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    ZMQStream stream = context.getBean("s", ZMQStream.class);
                    assertThat(stream.getSocket().getSocketType()).isEqualTo(SocketType.valueOf(type));
                    assertThat(boundEndpoint(stream)).startsWith("tcp://127.0.0.1:");
                });
    }

    @Test
    void aStreamConnectsToEveryConfiguredEndpoint() {
        TestPeers.Bound first = peers.bound(SocketType.PULL);
        TestPeers.Bound second = peers.bound(SocketType.PULL);
        runner().withPropertyValues("zmq.streams.out.type=push",
                "zmq.streams.out.connect=" + first.endpoint() + "," + second.endpoint())
                .run(context -> {
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    // PUSH deals round-robin between connected peers: each receives one of two.
                    await().atMost(TIMEOUT).until(() -> {
                        out.sendString("x");
                        return first.socket().recv(ZMQ.DONTWAIT) != null && second.socket().recv(ZMQ.DONTWAIT) != null;
                    });
                });
    }

    @Test
    void aSubStreamReceivesOnlyTheConfiguredTopics() {
        TestPeers.Bound publisher = peers.bound(SocketType.PUB);
        runner().withPropertyValues("zmq.streams.prices.type=sub", "zmq.streams.prices.connect=" + publisher.endpoint(),
                "zmq.streams.prices.subscribe=eur,usd")
                .run(context -> {
                    List<String> received = new CopyOnWriteArrayList<>();
                    context.getBean("prices", ZMQStream.class).onRecv(frames -> received.add(text(frames.get(0))));
                    // A subscription takes a moment to reach the publisher: publish until it has.
                    await().atMost(TIMEOUT).until(() -> {
                        publisher.socket().send("gbp 1");
                        publisher.socket().send("eur 1");
                        publisher.socket().send("usd 1");
                        return received.contains("eur 1") && received.contains("usd 1");
                    });
                    assertThat(received).isNotEmpty().allMatch(m -> m.startsWith("eur") || m.startsWith("usd"));
                });
    }

    @Test
    void anXsubStreamSendsItsConfiguredSubscriptionsUpstream() {
        TestPeers.Bound xpub = peers.bound(SocketType.XPUB);
        runner().withPropertyValues("zmq.streams.relay.type=xsub", "zmq.streams.relay.connect=" + xpub.endpoint(),
                "zmq.streams.relay.subscribe=eur")
                .run(context -> assertThat(xpub.socket().recv()).containsExactly(1, 'e', 'u', 'r'));
    }

    @Test
    void aStreamThatDoesNotStartAutomaticallyOpensWhenAsked() {
        runner().withPropertyValues("zmq.streams.late.type=pull", "zmq.streams.late.bind=tcp://127.0.0.1:*",
                "zmq.streams.late.auto-startup=false", "zmq.streams.bare.type=pull", "zmq.streams.bare.auto-startup=false")
                .run(context -> {
                    ZmqStreamRegistry registry = context.getBean(ZmqStreamRegistry.class);
                    ZMQStream late = context.getBean("late", ZMQStream.class);
                    assertThat(registry.isOpen("late")).isFalse();
                    assertThat(boundEndpoint(late)).isNull();
                    assertThat(context.getBean("bare", ZMQStream.class).isClosed()).isFalse();

                    registry.open("late");
                    registry.open("late");

                    assertThat(registry.isOpen("late")).isTrue();
                    List<String> received = new CopyOnWriteArrayList<>();
                    late.onRecv(frames -> received.add(text(frames.get(0))));
                    ZMQ.Socket push = peers.socket(SocketType.PUSH);
                    push.connect(boundEndpoint(late));
                    push.send("hello");
                    await().atMost(TIMEOUT).until(() -> received.contains("hello"));
                });
    }

    @Test
    void closingTheContextSendsWhatIsQueuedToALivePeerBeforeTheLoopAndContextGo() {
        int messages = 1_000;
        TestPeers.Bound pull = peers.bound(SocketType.PULL);
        pull.socket().setRcvHWM(1);
        List<ZMQStream> closed = new CopyOnWriteArrayList<>();
        runner().withPropertyValues("zmq.streams.out.type=push", "zmq.streams.out.connect=" + pull.endpoint(),
                "zmq.streams.out.send-hwm=1", "zmq.streams.out.linger=30s")
                .run(context -> {
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    out.setCloseCallback(() -> closed.add(out));
                    for (int i = 0; i < messages; i++) {
                        out.sendString("m" + i);
                    }
                    // The peer reads nothing yet, so most messages are still in the stream's queue.
                    assertThat(out.getStatistics().getQueueDepth()).isGreaterThan(messages / 2);
                    // the runner closes the context here
                });
        assertThat(closed).hasSize(1);
        for (int i = 0; i < messages; i++) {
            assertThat(pull.socket().recvStr()).isEqualTo("m" + i);
        }
        assertThat(closed.get(0).getStatistics().getSendFailures()).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    static class UserContext {

        @Bean(destroyMethod = "close")
        ZContext userContext() {
            return new ZContext(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLoopAndStream {

        @Bean(destroyMethod = "close")
        ZContext userContext() {
            return new ZContext(1);
        }

        @Bean
        ZmqIoLoop userLoop(ZContext context) {
            return new ZmqIoLoop(context, "user-loop");
        }

        @Bean
        ZMQStream ownPush(ZContext context, ZmqIoLoop loop) {
            return new ZMQStream(context.createSocket(SocketType.PUSH), loop);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserFactory {

        @Bean
        ZmqStreamFactory userFactory(ZContext context, ZmqIoLoop loop) {
            return new ZmqStreamFactory(context, loop) {
                @Override
                public ZMQStream create(String name, ZmqProperties.Stream settings) {
                    ZMQStream stream = super.create(name, settings);
                    stream.setName("custom-" + name);
                    return stream;
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLifecycleAndRegistry {

        @Bean
        ZmqIoLoopLifecycle userLifecycle(ZmqIoLoop loop) {
            return new ZmqIoLoopLifecycle(loop);
        }

        @Bean
        ZmqStreamRegistry userRegistry(ZmqProperties properties, ZmqStreamFactory factory) {
            return new ZmqStreamRegistry(properties, factory);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InjectsByName {

        final ZMQStream orders;
        final ZMQStream audit;

        InjectsByName(@Qualifier("orders") ZMQStream orders, @Qualifier("audit") ZMQStream audit) {
            this.orders = orders;
            this.audit = audit;
        }
    }
}
