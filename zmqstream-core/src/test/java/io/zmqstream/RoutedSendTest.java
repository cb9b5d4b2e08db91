package io.zmqstream;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Addressing on ROUTER streams: envelopes kept and answered later from other threads, a peer named
 * by its identity, and a message relayed between two ROUTERs split without counting frames.
 */
class RoutedSendTest extends LoopTestSupport {

    @Test
    void keptEnvelopesAreAnsweredLaterFromAnotherThreadEachToItsOwnPeer() throws Exception {
        String endpoint = inproc();
        ZMQStream router = bound(SocketType.ROUTER, endpoint);
        BlockingQueue<RoutedMessage> waiting = new LinkedBlockingQueue<>();
        router.onRecv(frames -> waiting.add(RoutedMessage.split(frames)));
        ZMQ.Socket dealer = connected(SocketType.DEALER, endpoint);
        ZMQ.Socket req = connected(SocketType.REQ, endpoint);

        dealer.send("from the dealer");
        req.send("from the requester");
        Map<String, RoutingEnvelope> byRequest = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            RoutedMessage request = waiting.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            byRequest.put(text(request.body().get(0)), request.envelope());
        }
        assertThat(byRequest.get("from the requester").frames()).as("a REQ's envelope keeps its delimiter").hasSize(2);

        // Answered later, the other way round, from a thread that is not the loop's.
        CompletableFuture.runAsync(() -> {
            router.sendStringTo(byRequest.get("from the requester"), "for the requester");
            router.sendStringTo(byRequest.get("from the dealer"), "for the dealer");
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(req.recvStr()).isEqualTo("for the requester");
        assertThat(dealer.recvStr()).isEqualTo("for the dealer");
        assertThat(req.hasReceiveMore()).isFalse();
    }

    @Test
    void aPeerIsReachedByItsIdentityAndEqualEnvelopesAreOneKey() {
        String endpoint = inproc();
        ZMQStream router = bound(SocketType.ROUTER, endpoint);
        CompletableFuture<RoutingEnvelope> hello = new CompletableFuture<>();
        router.onRecv(frames -> hello.complete(RoutedMessage.split(frames).envelope()));
        ZMQ.Socket dealer = peer(SocketType.DEALER);
        dealer.setIdentity(bytes("worker-7"));
        dealer.connect(endpoint);
        dealer.send("hello");

        RoutingEnvelope received = hello.join();
        assertThat(received).isEqualTo(RoutingEnvelope.of(bytes("worker-7")))
                .hasSameHashCodeAs(RoutingEnvelope.of(bytes("worker-7")))
                .isNotEqualTo(RoutingEnvelope.ofRequester(bytes("worker-7")));
        assertThat(new HashSet<>(List.of(received, RoutingEnvelope.of(bytes("worker-7"))))).hasSize(1);
        assertThat(received).hasToString("RoutingEnvelope[worker-7, 1 frames]");
        assertThat(RoutingEnvelope.of(new byte[] { 0, 1, (byte) 0xff })).hasToString("RoutingEnvelope[0x0001ff, 1 frames]");

        router.sendTo(bytes("worker-7"), List.of(bytes("job"), bytes("42")));
        assertThat(dealer.recvStr()).isEqualTo("job");
        assertThat(dealer.recvStr()).isEqualTo("42");
    }

    @Test
    void aWorkersReplyRelayedBetweenTwoRoutersSplitsIntoTheWorkerTheClientAndTheReply() {
        String backend = inproc();
        ZMQStream broker = bound(SocketType.ROUTER, backend);
        BlockingQueue<RoutedMessage> fromWorkers = new LinkedBlockingQueue<>();
        broker.onRecv(frames -> fromWorkers.add(RoutedMessage.split(frames)));
        ZMQ.Socket worker = peer(SocketType.REQ);
        worker.setIdentity(bytes("w1"));
        worker.connect(backend);

        worker.send("READY");
        RoutedMessage ready = poll(fromWorkers);
        assertThat(ready.envelope()).isEqualTo(RoutingEnvelope.ofRequester(bytes("w1")));
        assertThat(ready.inner()).as("READY names no client").isEmpty();

        // The broker hands the worker a client's request behind the client's envelope ...
        RoutingEnvelope client = RoutingEnvelope.ofRequester(bytes("c1"));
        broker.sendTo(ready.envelope().followedBy(client), List.of(bytes("2+2")));
        assertThat(worker.recvStr()).isEqualTo("c1");
        assertThat(worker.recvStr()).isEmpty();
        assertThat(worker.recvStr()).isEqualTo("2+2");

        // ... and the worker's answer comes back with both envelopes in front of it.
        worker.sendMore("c1");
        worker.sendMore("");
        worker.send("4");
        RoutedMessage reply = poll(fromWorkers);
        assertThat(reply.envelope()).isEqualTo(ready.envelope());
        Optional<RoutedMessage> forClient = reply.inner();
        assertThat(forClient).hasValueSatisfying(inner -> {
            assertThat(inner.envelope()).isEqualTo(client);
            assertThat(inner.body()).singleElement().extracting(LoopTestSupport::text).isEqualTo("4");
        });
        assertThat(reply.frames()).extracting(LoopTestSupport::text).containsExactly("w1", "", "c1", "", "4");
    }

    @Test
    void aDealerWorkersReplyNamesItsClientBehindItsOwnIdentity() {
        // A DEALER worker of a queue sends [client, "", reply]; the queue's ROUTER puts the worker in front.
        RoutedMessage reply = RoutedMessage.split(List.of(bytes("w1"), bytes("c1"), new byte[0], bytes("4")));
        assertThat(reply.envelope().identity()).isEqualTo(bytes("w1"));
        assertThat(reply.envelope().inner()).contains(RoutingEnvelope.ofRequester(bytes("c1")));
        assertThat(reply.body()).singleElement().extracting(LoopTestSupport::text).isEqualTo("4");
        assertThat(RoutingEnvelope.ofRequester(bytes("w1")).inner()).as("a REQ peer's envelope holds no other").isEmpty();
        assertThat(RoutingEnvelope.of(bytes("w1")).inner()).isEmpty();

        RoutedMessage answer = reply.withBody(List.of(bytes("ok")));
        assertThat(answer.frames()).extracting(LoopTestSupport::text).containsExactly("w1", "c1", "", "ok");
    }

    @Test
    void onlyRoutingSocketsSendToAPeer() {
        ZMQStream dealer = bound(SocketType.DEALER, inproc());
        assertThatThrownBy(() -> dealer.sendTo(bytes("anyone"), List.of(bytes("x"))))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("only ROUTER and STREAM sockets route");
        assertThatThrownBy(() -> RoutingEnvelope.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static RoutedMessage poll(BlockingQueue<RoutedMessage> queue) {
        try {
            RoutedMessage message = queue.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).as("a message within %s", TIMEOUT).isNotNull();
            return message;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
