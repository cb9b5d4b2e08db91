package io.zmqstream.reliability;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.autoconfigure.TestPeers;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A well-behaved peer: a PUSH and a DEALER, on a thread of their own, each sending
 * {@code good-<n>} every 10 ms to its endpoint until closed.
 */
final class GoodPeer implements AutoCloseable {

    private static final long PERIOD_MILLIS = 10;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger sent = new AtomicInteger();
    // Owned by the peer's thread.
    private boolean closed;
    private ZMQ.Socket push;
    private ZMQ.Socket dealer;

    private GoodPeer() {
    }

    static GoodPeer start(TestPeers peers, String pullEndpoint, String routerEndpoint) {
        GoodPeer peer = new GoodPeer();
        peer.thread.execute(() -> {
            peer.push = peers.socket(SocketType.PUSH);
            peer.push.connect(pullEndpoint);
            peer.dealer = peers.socket(SocketType.DEALER);
            peer.dealer.connect(routerEndpoint);
        });
        peer.thread.scheduleAtFixedRate(peer::sendOne, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return peer;
    }

    private void sendOne() {
        if (closed) {
            return;
        }
        String body = "good-" + sent.incrementAndGet();
        push.send(body, ZMQ.DONTWAIT);
        dealer.send(body, ZMQ.DONTWAIT);
    }

    @Override
    public void close() {
        thread.execute(() -> {
            closed = true;
            push.close();
            dealer.close();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
