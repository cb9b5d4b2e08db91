package io.zmqstream.autoconfigure;

import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.proxy.ZmqProxy;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static io.zmqstream.autoconfigure.TestPeers.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Proxies from {@code zmq.proxies}: forwarding, steering, and start-up failures naming the property. */
class ZmqProxyAutoConfigurationTest {

    private static final String[] QUEUE = {"zmq.streams.front.type=router", "zmq.streams.front.bind=tcp://127.0.0.1:*",
        "zmq.streams.back.type=dealer", "zmq.streams.back.bind=tcp://127.0.0.1:*",
        "zmq.proxies.queue.frontend=front", "zmq.proxies.queue.backend=back"};

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void aQueueFromYamlCarriesRequestsToAWorkerAndRepliesBackAndCanBePaused() {
        runner().withPropertyValues(QUEUE).run(context -> {
            ZmqProxyRegistry registry = context.getBean(ZmqProxyRegistry.class);
            QueuePeers queuePeers = pingPong(context);

            ZmqProxy queue = registry.getProxy("queue");
            assertThat(queue.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isEqualTo(1);
            assertThat(queue.getStatistics().getMessages(ProxyDirection.BACKEND_TO_FRONTEND)).isEqualTo(1);
            registry.pause("queue");
            await().atMost(TestPeers.TIMEOUT).until(() -> queue.getState() == ZmqProxy.State.PAUSED);
            registry.resume("queue");
            queuePeers.client().send("again");
            assertThat(queuePeers.worker().recvStr()).isEqualTo("again");
        });
    }

    /** A REQ client and a REP worker on either side of the queue. */
    private record QueuePeers(ZMQ.Socket client, ZMQ.Socket worker) {
    }

    /** A client's ping through the queue to a worker, and its pong back. */
    private QueuePeers pingPong(ApplicationContext context) {
        ZMQ.Socket worker = peers.socket(SocketType.REP);
        worker.connect(boundEndpoint(context.getBean("back", ZMQStream.class)));
        ZMQ.Socket client = peers.socket(SocketType.REQ);
        client.connect(boundEndpoint(context.getBean("front", ZMQStream.class)));
        client.send("ping");
        assertThat(worker.recvStr()).isEqualTo("ping");
        worker.send("pong");
        assertThat(client.recvStr()).isEqualTo("pong");
        return new QueuePeers(client, worker);
    }

    @Test
    void aCaptureFromYamlGetsEachCopyBehindItsDirection() {
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.streams.audit.type=push",
                "zmq.streams.audit.bind=tcp://127.0.0.1:*", "zmq.proxies.queue.capture=audit",
                "zmq.proxies.queue.capture-direction=true").run(context -> {
                    ZMQ.Socket audit = peers.socket(SocketType.PULL);
                    audit.setReceiveTimeOut((int) TestPeers.TIMEOUT.toMillis());
                    audit.connect(boundEndpoint(context.getBean("audit", ZMQStream.class)));
                    pingPong(context);

                    assertThat(audit.recvStr()).isEqualTo("frontend-to-backend");
                    assertThat(ZMsg.recvMsg(audit).getLast().getString(ZMQ.CHARSET)).isEqualTo("ping");
                    assertThat(audit.recvStr()).isEqualTo("backend-to-frontend");
                    assertThat(ZMsg.recvMsg(audit).getLast().getString(ZMQ.CHARSET)).isEqualTo("pong");
                });
    }

    @Test
    void aProxyWithADedicatedLoopRunsItsStreamsOnAThreadOfItsOwnThatClosesWithTheApplication() {
        ZmqIoLoop[] dedicated = new ZmqIoLoop[1];
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.proxies.queue.dedicated-loop=true").run(context -> {
            ZMQStream front = context.getBean("front", ZMQStream.class);
            ZMQStream back = context.getBean("back", ZMQStream.class);
            dedicated[0] = front.getIoLoop();
            assertThat(dedicated[0].getThreadName()).isEqualTo("zmq-proxy-queue");
            assertThat(back.getIoLoop()).isSameAs(dedicated[0]).isNotSameAs(context.getBean(ZmqIoLoop.class));
            assertThat(dedicated[0].isRunning()).isTrue();
            ZMQ.Socket worker = peers.socket(SocketType.REP);
            worker.connect(boundEndpoint(back));
            ZMQ.Socket client = peers.socket(SocketType.REQ);
            client.connect(boundEndpoint(front));

            client.send("ping");
            assertThat(worker.recvStr()).isEqualTo("ping");
            worker.send("pong");
            assertThat(client.recvStr()).isEqualTo("pong");
        });
        assertThat(dedicated[0].isRunning()).isFalse();
        assertThat(dedicated[0].getStreams()).isEmpty();
    }

    @Test
    void aStreamOfAProxyWithADedicatedLoopCannotServeAnotherProxy() {
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.proxies.queue.dedicated-loop=true",
                "zmq.streams.workers.type=dealer", "zmq.streams.workers.bind=tcp://127.0.0.1:*",
                "zmq.proxies.second.frontend=front", "zmq.proxies.second.backend=workers").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                            .hasMessageContaining("zmq.proxies.second.frontend")
                            .hasMessageContaining("stream 'front' also serves proxy 'queue'");
                });
    }

    @Test
    void aCaptureThatCannotSendOrIsOneOfTheProxysSidesFailsStartUpNamingTheProperty() {
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.streams.copies.type=pull",
                "zmq.streams.copies.bind=tcp://127.0.0.1:*", "zmq.proxies.queue.capture=copies").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                            .hasMessageContaining("zmq.proxies.queue.capture")
                            .hasMessageContaining("names stream 'copies': a PULL cannot send the copies a capture gets");
                });
        for (String side : new String[] {"front", "back"}) {
            runner().withPropertyValues(QUEUE).withPropertyValues("zmq.proxies.queue.capture=" + side).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                        .hasMessageContaining("zmq.proxies.queue.capture")
                        .hasMessageContaining("is the proxy's " + side + "end, '" + side + "'");
            });
        }
    }

    @Test
    void twoProxiesOnTheSharedLoopCannotReadOneStream() {
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.streams.workers.type=dealer",
                "zmq.streams.workers.bind=tcp://127.0.0.1:*", "zmq.proxies.second.frontend=front",
                "zmq.proxies.second.backend=workers").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                            .hasMessageContaining("zmq.proxies.second.frontend")
                            .hasMessageContaining("stream 'front', which proxy 'queue' reads already");
                });
    }

    @Test
    void aProxyNamingNoStreamFailsStartUpNamingThePropertyAndTheStreams() {
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.proxies.queue.backend=workers").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                    .hasMessageContaining("zmq.proxies.queue.backend")
                    .hasMessageContaining("'workers' is not a key of zmq.streams")
                    .satisfies(failure -> assertThat(((ZmqConfigurationException) failure).getAction())
                            .contains("[front, back]"));
        });
    }

    @Test
    void socketTypesThatCannotFormAProxyFailStartUpNamingThePairsThatCan() {
        runner().withPropertyValues(QUEUE).withPropertyValues("zmq.streams.front.type=pub").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                    .hasMessageContaining("zmq.proxies.queue")
                    .hasMessageContaining("PUB/DEALER cannot form a proxy")
                    .hasMessageContaining("ROUTER/DEALER (a queue)");
        });
    }

    @Test
    void aStreamThatAListenerReadsCannotAlsoBeAProxysFrontend() {
        runner().withPropertyValues(QUEUE).withUserConfiguration(FrontListener.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZmqConfigurationException.class)
                    .hasMessageContaining("zmq.proxies.queue.frontend")
                    .hasMessageContaining("is read by @ZmqListener");
        });
    }

    /** A listener on the stream a proxy wants. */
    @Configuration(proxyBeanMethods = false)
    static class FrontListener {

        @Bean
        Listening listening() {
            return new Listening();
        }
    }

    /** Reads the frontend. */
    static class Listening {

        @ZmqListener("front")
        void receive(byte[] request) {
        }
    }
}
