package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.zmqstream.RoutedMessage;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;

import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A load-balancing broker between two ROUTER streams, as the ZeroMQ Guide's lbbroker, written with
 * {@link RoutedMessage} parameters and {@link ZMQStream#sendTo}: no frame is picked by its index.
 */
class RoutedListenerTest {

    @Test
    void aRouterToRouterBrokerRelaysEachRequestToAReadyWorkerAndEachReplyToItsClient() {
        runner().withUserConfiguration(LoadBalancingBroker.class).withPropertyValues(boundStream("frontend", "router"))
                .withPropertyValues(boundStream("backend", "router")).run(context -> {
                    ZmqTestPeers peers = ZmqApplicationPeers.of(context);
                    ZmqTestPeer first = peers.peer("backend", SocketType.REQ, "w1").sendString("READY");
                    ZmqTestPeer second = peers.peer("backend", SocketType.REQ, "w2").sendString("READY");
                    Broker broker = context.getBean(Broker.class);
                    await().atMost(Duration.ofSeconds(10)).until(() -> broker.ready.size() == 2);

                    ZmqTestPeer ada = peers.peer("frontend", SocketType.REQ, "ada").sendString("2+2");
                    ZmqTestPeer bob = peers.peer("frontend", SocketType.REQ, "bob").sendString("3+3");
                    // Each worker gets its client's envelope in front of the request, as a REQ worker of the Guide's does.
                    first.expectMessage("ada", "", "2+2");
                    second.expectMessage("bob", "", "3+3");
                    second.sendString("bob", "", "6");
                    first.sendString("ada", "", "4");

                    ada.expectMessage("4");
                    bob.expectMessage("6");
                    assertThat(broker.ready).containsExactly(RoutingEnvelope.ofRequester("w2".getBytes(StandardCharsets.US_ASCII)),
                            RoutingEnvelope.ofRequester("w1".getBytes(StandardCharsets.US_ASCII)));
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class LoadBalancingBroker {

        @Bean
        Broker broker(@Qualifier("frontend") ZMQStream frontend, @Qualifier("backend") ZMQStream backend) {
            return new Broker(frontend, backend);
        }
    }

    /** Both listeners run on the loop thread; the test reads the ready workers from its own. */
    static class Broker {

        final Deque<RoutingEnvelope> ready = new ConcurrentLinkedDeque<>();
        private final ZMQStream frontend;
        private final ZMQStream backend;

        Broker(ZMQStream frontend, ZMQStream backend) {
            this.frontend = frontend;
            this.backend = backend;
        }

        @ZmqListener("backend")
        void fromWorker(RoutedMessage message) {
            ready.add(message.envelope());
            message.inner().ifPresent(reply -> frontend.sendTo(reply.envelope(), reply.body()));
        }

        @ZmqListener("frontend")
        void fromClient(RoutedMessage request) {
            backend.sendTo(ready.poll().followedBy(request.envelope()), request.body());
        }
    }
}
