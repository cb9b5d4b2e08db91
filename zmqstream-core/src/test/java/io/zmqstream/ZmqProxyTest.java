package io.zmqstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.proxy.ZmqProxy;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class ZmqProxyTest extends LoopTestSupport {

    /** A started proxy between a frontend and a backend bound on fresh inproc endpoints. */
    private ZmqProxy started(String name, SocketType frontend, String front, SocketType backend, String back) {
        ZmqProxy proxy = new ZmqProxy(name, bound(frontend, front), bound(backend, back), null,
                ZmqProxy.DEFAULT_QUEUE_LIMIT);
        proxy.start();
        return proxy;
    }

    @Test
    void aQueueSpreadsRequestsOverItsWorkersAndEveryReplyReachesItsOwnClient() throws Exception {
        String front = inproc();
        String back = inproc();
        ZmqProxy proxy = started("queue", SocketType.ROUTER, front, SocketType.DEALER, back);
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(7);
        try {
            for (int w = 0; w < 3; w++) {
                String worker = "worker-" + w;
                threads.submit(() -> serve(back, worker, served));
            }
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String client = "client-" + c;
                clients.add(threads.submit(() -> askAndCheck(front, client, 300)));
            }
            for (Future<Integer> client : clients) {
                assertThat(client.get(30, TimeUnit.SECONDS)).as("replies that answered their own request").isEqualTo(300);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(served).hasSize(3);
        assertThat(served.values()).allSatisfy(count -> assertThat(count.get()).isPositive());
        assertThat(served.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(1_200);
        assertThat(proxy.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isEqualTo(1_200);
        assertThat(proxy.getStatistics().getMessages(ProxyDirection.BACKEND_TO_FRONTEND)).isEqualTo(1_200);
    }

    /** A REP worker on its own thread: answers "<worker>:<request>" until the test ends. */
    private void serve(String endpoint, String worker, Map<String, AtomicInteger> served) {
        try (ZMQ.Socket rep = context.createSocket(SocketType.REP)) {
            rep.setReceiveTimeOut(100);
            rep.connect(endpoint);
            while (!Thread.currentThread().isInterrupted()) {
                byte[] request = rep.recv();
                if (request != null) {
                    served.computeIfAbsent(worker, w -> new AtomicInteger()).incrementAndGet();
                    rep.send(worker + ":" + text(request));
                }
            }
        }
    }

    /** A REQ client on its own thread: the number of replies that answered its own request. */
    private int askAndCheck(String endpoint, String client, int requests) {
        int answered = 0;
        try (ZMQ.Socket req = peer(SocketType.REQ)) {
            req.connect(endpoint);
            for (int i = 0; i < requests; i++) {
                String request = client + "/" + i;
                req.send(request);
                String reply = req.recvStr();
                if (reply != null && reply.endsWith(":" + request)) {
                    answered++;
                }
            }
        }
        return answered;
    }

    @Test
    void capturedCopiesCanSayWhichWayTheyWent() {
        String front = inproc();
        String back = inproc();
        String captured = inproc();
        ZMQ.Socket captureReader = peer(SocketType.PULL);
        captureReader.bind(captured);
        ZMQStream capture = stream(SocketType.PUSH);
        capture.connect(captured);
        ZmqProxy proxy = new ZmqProxy("audited", bound(SocketType.ROUTER, front), bound(SocketType.DEALER, back), capture,
                100, true);
        proxy.start();
        ZMQ.Socket worker = connected(SocketType.REP, back);
        ZMQ.Socket client = connected(SocketType.REQ, front);

        client.send("ping");
        assertThat(worker.recvStr()).isEqualTo("ping");
        worker.send("pong");
        assertThat(client.recvStr()).isEqualTo("pong");

        // Each copy: the direction, then the message as the proxy forwarded it (the client's envelope first).
        List<String> request = ZMsg.recvMsg(captureReader).stream().map(frame -> frame.getString(ZMQ.CHARSET)).toList();
        List<String> reply = ZMsg.recvMsg(captureReader).stream().map(frame -> frame.getString(ZMQ.CHARSET)).toList();
        assertThat(request.get(0)).isEqualTo("frontend-to-backend");
        assertThat(request.get(request.size() - 1)).isEqualTo("ping");
        assertThat(reply.get(0)).isEqualTo("backend-to-frontend");
        assertThat(reply.get(reply.size() - 1)).isEqualTo("pong");
        assertThat(reply).hasSameSizeAs(request);
    }

    @Test
    void aForwarderPassesTheSubscriptionUpstreamAndOnlyMatchingMessagesDown() {
        String front = inproc();
        String back = inproc();
        ZmqProxy proxy = started("forwarder", SocketType.XSUB, front, SocketType.XPUB, back);
        ZMQ.Socket publisher = connected(SocketType.XPUB, front);
        ZMQ.Socket subscriber = connected(SocketType.SUB, back);
        subscriber.subscribe("weather");

        byte[] subscription = publisher.recv();

        assertThat(subscription).as("the subscription, through the proxy").isNotNull();
        assertThat(subscription[0]).isEqualTo((byte) 1);
        assertThat(text(subscription).substring(1)).isEqualTo("weather");
        for (int i = 0; i < 100; i++) {
            publisher.send("sports " + i);
            publisher.send("weather " + i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(subscriber.recvStr()).isEqualTo("weather " + i);
        }
        // The publisher filtered upstream: sports never reached the proxy.
        assertThat(proxy.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isEqualTo(100);
        assertThat(proxy.getStatistics().getMessages(ProxyDirection.BACKEND_TO_FRONTEND)).isEqualTo(1);
    }

    @Test
    void aStreamerStopsReadingWhileItsBackendIsStalledAndLosesNothingWhenItResumes() throws Exception {
        String front = inproc();
        String back = inproc();
        ZMQStream backend = stream(SocketType.PUSH);
        backend.withSocket(socket -> socket.setSndHWM(10));
        backend.bind(back);
        ZmqProxy proxy = new ZmqProxy("streamer", bound(SocketType.PULL, front), backend, null, 100);
        proxy.start();
        ZMQ.Socket consumer = peer(SocketType.PULL);
        consumer.setRcvHWM(10);
        consumer.connect(back);
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try {
            Future<?> fed = feeder.submit(() -> {
                try (ZMQ.Socket push = context.createSocket(SocketType.PUSH)) {
                    push.setSendTimeOut(30_000);
                    push.connect(front);
                    for (int i = 0; i < 5_000; i++) {
                        assertThat(push.send(Integer.toString(i))).isTrue();
                    }
                }
            });

            await().atMost(TIMEOUT).until(() -> proxy.isWaiting(ProxyDirection.FRONTEND_TO_BACKEND));
            assertThat(backend.getStatistics().getQueueDepth()).isLessThanOrEqualTo(100);
            assertThat(proxy.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isLessThan(5_000);

            for (int i = 0; i < 5_000; i++) {
                assertThat(consumer.recvStr()).isEqualTo(Integer.toString(i));
            }
            fed.get(10, TimeUnit.SECONDS);
        }
        finally {
            feeder.shutdownNow();
        }
        assertThat(proxy.getStatistics().getBackPressureStops()).isPositive();
        await().atMost(TIMEOUT).until(() -> !proxy.isWaiting(ProxyDirection.FRONTEND_TO_BACKEND));
        assertThat(proxy.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isEqualTo(5_000);
    }

    @Test
    void aSlowCaptureLosesCopiesNotMessages() {
        String front = inproc();
        String back = inproc();
        String captured = inproc();
        ZMQ.Socket captureReader = peer(SocketType.PULL);
        captureReader.setRcvHWM(10);
        captureReader.bind(captured);
        ZMQStream capture = stream(SocketType.PUSH);
        capture.withSocket(socket -> socket.setSndHWM(10));
        capture.connect(captured);
        ZmqProxy proxy = new ZmqProxy("captured", bound(SocketType.PULL, front), bound(SocketType.PUSH, back), capture,
                100);
        proxy.start();
        ZMQ.Socket consumer = connected(SocketType.PULL, back);
        ZMQ.Socket feeder = connected(SocketType.PUSH, front);

        for (int i = 0; i < 500; i++) {
            feeder.send(Integer.toString(i));
        }

        for (int i = 0; i < 500; i++) {
            assertThat(consumer.recvStr()).isEqualTo(Integer.toString(i));
        }
        // Nobody reads the capture yet: its pipes and a queue's worth hold copies, the rest are counted.
        StreamStatistics copies = capture.getStatistics();
        await().atMost(TIMEOUT).until(() -> proxy.getStatistics().getCaptureDrops() + copies.getMessagesSent()
                + copies.getQueueDepth() == 500);
        long kept = 500 - proxy.getStatistics().getCaptureDrops();
        assertThat(kept).isBetween(100L, 150L);
        int previous = -1;
        for (long i = 0; i < kept; i++) {
            int copy = Integer.parseInt(captureReader.recvStr());
            assertThat(copy).isGreaterThan(previous);
            previous = copy;
        }
    }

    @Test
    void pausedNeitherSideReadsAndResumingDeliversWhatWaited() {
        String front = inproc();
        String back = inproc();
        ZmqProxy proxy = started("paused", SocketType.PULL, front, SocketType.PUSH, back);
        ZMQ.Socket consumer = connected(SocketType.PULL, back);
        ZMQ.Socket feeder = connected(SocketType.PUSH, front);
        feeder.send("before");
        assertThat(consumer.recvStr()).isEqualTo("before");

        proxy.pause();
        await().atMost(TIMEOUT).until(() -> proxy.getState() == ZmqProxy.State.PAUSED);
        feeder.send("while paused");
        consumer.setReceiveTimeOut(300);

        assertThat(consumer.recvStr()).as("nothing while paused").isNull();
        proxy.resume();
        consumer.setReceiveTimeOut((int) TIMEOUT.toMillis());
        assertThat(consumer.recvStr()).isEqualTo("while paused");
        assertThat(proxy.getState()).isEqualTo(ZmqProxy.State.RUNNING);
    }

    @Test
    void socketTypesThatCannotFormAProxyAreRefusedNamingThoseThatCan() {
        assertThatIllegalArgumentException().isThrownBy(() -> ZmqProxy.checkPair(SocketType.PUB, SocketType.SUB))
                .withMessageContaining("PUB/SUB cannot form a proxy")
                .withMessageContaining("ROUTER/DEALER (a queue)");
        assertThatIllegalArgumentException().isThrownBy(() -> ZmqProxy.checkPair(SocketType.ROUTER, SocketType.PUSH))
                .withMessageContaining("ROUTER/PUSH");
    }

    @Test
    void aStreamWithItsOwnReceiveCallbackOrOnAnotherLoopIsRefused() {
        ZMQStream listened = stream(SocketType.PULL);
        listened.onRecv(frames -> { });
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqProxy("taken", listened, stream(SocketType.PUSH), null, 10))
                .withMessageContaining("already has a receive callback");
        try (ZContext other = new ZContext(); ZmqIoLoop otherLoop = new ZmqIoLoop(other, "other-loop")) {
            ZMQStream elsewhere = new ZMQStream(other.createSocket(SocketType.PUSH), otherLoop);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ZmqProxy("split", stream(SocketType.PULL), elsewhere, null, 10))
                    .withMessageContaining("one loop");
        }
    }

    @Test
    void aCaptureThatCannotSendOrIsOneOfTheSidesIsRefused() {
        ZMQStream front = stream(SocketType.ROUTER);
        ZMQStream back = stream(SocketType.DEALER);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqProxy("pull-capture", front, back, stream(SocketType.PULL), 10))
                .withMessageContaining("a PULL cannot send the copies a capture gets");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqProxy("twice-to-workers", front, back, back, 10))
                .withMessageContaining("is the proxy's backend");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqProxy("echo", front, back, front, 10))
                .withMessageContaining("is the proxy's frontend");
    }

    @Test
    void aStreamFeedsOneProxyUntilThatOneCloses() {
        ZMQStream front = stream(SocketType.PULL);
        ZmqProxy first = new ZmqProxy("first", front, stream(SocketType.PUSH), null, 10);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqProxy("second", front, stream(SocketType.PUSH), null, 10))
                .withMessageContaining("is read by ZmqProxy[first] already");
        ZMQStream back = stream(SocketType.PUSH);
        ZMQStream reused = stream(SocketType.PULL);
        new ZmqProxy("third", reused, back, null, 10);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZmqProxy("fourth", stream(SocketType.PULL), back, null, 10))
                .withMessageContaining("is read by ZmqProxy[third] already");

        first.close();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(first.getState()).isEqualTo(ZmqProxy.State.CLOSED));
        ZmqProxy successor = new ZmqProxy("successor", front, stream(SocketType.PUSH), null, 10);
        assertThat(successor.getState()).isEqualTo(ZmqProxy.State.STOPPED);
    }
}
