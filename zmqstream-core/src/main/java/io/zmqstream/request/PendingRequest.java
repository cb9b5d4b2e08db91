package io.zmqstream.request;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.zmqstream.Timeout;

/** A request of a {@link ZmqRequester} that waits for its reply; its attempts, timer and reply are the loop thread's. */
final class PendingRequest {

    final long id;
    final List<byte[]> body;
    final Duration timeout;
    /** The stream's decorator's frame, taken on the caller's thread; {@code null} for none. */
    final byte[] decoration;
    final long startNanos = System.nanoTime();
    final CompletableFuture<List<byte[]>> future = new CompletableFuture<>();
    int attempts;
    Timeout timer;
    List<byte[]> reply;

    PendingRequest(long id, List<byte[]> body, Duration timeout, byte[] decoration) {
        this.id = id;
        this.body = body;
        this.timeout = timeout;
        this.decoration = decoration;
    }
}
