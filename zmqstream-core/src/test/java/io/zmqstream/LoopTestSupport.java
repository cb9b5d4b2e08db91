package io.zmqstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A real context and a running loop per test, real sockets, and helpers to reach them.
 */
abstract class LoopTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger ENDPOINTS = new AtomicInteger();

    ZContext context;
    ZmqIoLoop loop;

    @BeforeEach
    void startLoop() {
        context = new ZContext();
        loop = new ZmqIoLoop(context, "test-ioloop");
        loop.start();
    }

    @AfterEach
    void closeLoop() {
        loop.close();
        context.close();
    }

    /** A fresh inproc endpoint, unique in this JVM. */
    static String inproc() {
        return "inproc://test-" + ENDPOINTS.incrementAndGet();
    }

    /** A socket owned by the test thread, with a receive timeout so that a missing message fails the test. */
    ZMQ.Socket peer(SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setReceiveTimeOut((int) TIMEOUT.toMillis());
        socket.setSendTimeOut((int) TIMEOUT.toMillis());
        return socket;
    }

    ZMQStream stream(SocketType type) {
        return new ZMQStream(context.createSocket(type), loop);
    }

    /** A stream on a new socket bound to the endpoint. */
    ZMQStream bound(SocketType type, String endpoint) {
        ZMQStream stream = stream(type);
        stream.bind(endpoint);
        return stream;
    }

    /** A peer socket owned by the test thread, connected to the endpoint. */
    ZMQ.Socket connected(SocketType type, String endpoint) {
        ZMQ.Socket socket = peer(type);
        socket.connect(endpoint);
        return socket;
    }

    /**
     * Registers an asynchronous receive callback with an in-flight limit whose stages stay pending
     * until the test completes them.
     *
     * @return one stage per message received, in order
     */
    static List<CompletableFuture<Void>> pendingStages(ZMQStream stream, int maxInFlight) {
        List<CompletableFuture<Void>> stages = new CopyOnWriteArrayList<>();
        stream.onRecvAsync(frames -> {
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        }, maxInFlight);
        return stages;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    static List<String> texts(List<byte[]> frames) {
        return frames.stream().map(LoopTestSupport::text).toList();
    }

    /** Receives a multipart message on a peer socket, failing on timeout. */
    static List<String> receive(ZMQ.Socket socket) {
        List<String> frames = new java.util.ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                throw new AssertionError("No message within " + TIMEOUT);
            }
            frames.add(text(frame));
        }
        while (socket.hasReceiveMore());
        return frames;
    }
}
