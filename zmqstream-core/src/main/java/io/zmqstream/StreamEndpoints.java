package io.zmqstream;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * The endpoints a stream bound and connected, and the topics it subscribed to, through its own
 * methods, as its socket answered: what a replacement socket is given again.
 * The operations run on the socket's owner; the lists may be read from any thread. Each one that
 * succeeds is logged at DEBUG under {@code io.zmqstream.ZMQStream}, naming the stream.
 */
final class StreamEndpoints {

    private static final Logger log = LoggerFactory.getLogger(ZMQStream.class);

    private final Set<String> bound = new CopyOnWriteArraySet<>();
    private final Set<String> connected = new CopyOnWriteArraySet<>();
    /** SUB subscriptions, each as often as it was made: ZeroMQ counts them. */
    private final List<byte[]> subscriptions = new CopyOnWriteArrayList<>();
    /** How often a bind is tried again while the replaced socket still holds its address. */
    static final Duration REBIND_RETRY = Duration.ofMillis(10);
    /** How long a replacement socket tries its binds before it gives up. */
    static final Duration REBIND_LIMIT = Duration.ofSeconds(2);

    private final ZMQStream stream;

    StreamEndpoints(ZMQStream stream) {
        this.stream = stream;
    }

    List<String> bound() {
        return List.copyOf(bound);
    }

    List<String> connected() {
        return List.copyOf(connected);
    }

    boolean bind(ZMQ.Socket socket, String endpoint) {
        LoopbackIpc.warnOf(endpoint);
        boolean done = socket.bind(endpoint);
        if (done) {
            noteBound(socket.getLastEndpoint());
        }
        return done;
    }

    int bindToRandomPort(ZMQ.Socket socket, String endpoint) {
        LoopbackIpc.warnOf(endpoint);
        int port = socket.bindToRandomPort(endpoint);
        noteBound(socket.getLastEndpoint());
        return port;
    }

    /** A bind took effect at {@code endpoint}, as the socket reports it (a wildcard port resolved). */
    private void noteBound(String endpoint) {
        bound.add(endpoint);
        log.debug("{} bound to {}", stream, endpoint);
    }

    boolean connect(ZMQ.Socket socket, String endpoint) {
        LoopbackIpc.warnOf(endpoint);
        boolean done = socket.connect(endpoint);
        if (done) {
            connected.add(endpoint);
            log.debug("{} connecting to {}", stream, endpoint);
        }
        return done;
    }

    boolean subscribe(ZMQ.Socket socket, byte[] topic) {
        boolean done = socket.subscribe(topic);
        if (done) {
            subscriptions.add(topic.clone());
        }
        return done;
    }

    boolean unsubscribe(ZMQ.Socket socket, byte[] topic) {
        boolean done = socket.unsubscribe(topic);
        if (done) {
            subscriptions.stream().filter(made -> Arrays.equals(made, topic)).findFirst().ifPresent(subscriptions::remove);
        }
        return done;
    }

    /**
     * Gives a replacement socket what the replaced one had: its subscriptions, its connections, and
     * its binds at the addresses they resolved to. A bind whose address the closed socket still holds
     * is tried again every {@link #REBIND_RETRY} until {@link #REBIND_LIMIT}; on the socket's owner.
     *
     * @param fresh the new socket
     * @param loop the loop whose timer retries binds
     * @return completes once every bind took, or with the failure of one that never did
     */
    CompletableFuture<Void> reopen(ZMQ.Socket fresh, ZmqIoLoop loop) {
        List<String> binds = bound();
        List<String> connects = connected();
        bound.clear();
        connected.clear();
        for (byte[] topic : subscriptions) {
            fresh.subscribe(topic);
        }
        for (String endpoint : connects) {
            connect(fresh, endpoint);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        bindFrom(fresh, loop, binds, 0, System.nanoTime() + REBIND_LIMIT.toNanos(), done);
        return done;
    }

    private void bindFrom(ZMQ.Socket fresh, ZmqIoLoop loop, List<String> binds, int next, long deadlineNanos,
            CompletableFuture<Void> done) {
        for (int i = next; i < binds.size(); i++) {
            try {
                if (!bind(fresh, binds.get(i))) {
                    done.completeExceptionally(new IllegalStateException(stream + " could not bind " + binds.get(i)
                            + " again (error " + fresh.errno() + ")"));
                    return;
                }
            }
            catch (ZMQException ex) {
                if (ex.getErrorCode() != ZError.EADDRINUSE || System.nanoTime() - deadlineNanos > 0
                        || stream.isClosed()) {
                    done.completeExceptionally(ex);
                    return;
                }
                int retry = i;
                loop.callLater(REBIND_RETRY, () -> bindFrom(fresh, loop, binds, retry, deadlineNanos, done));
                return;
            }
        }
        done.complete(null);
    }

    boolean unbind(ZMQ.Socket socket, String endpoint) {
        boolean done = socket.unbind(endpoint);
        if (done) {
            bound.remove(endpoint);
            log.debug("{} unbound from {}", stream, endpoint);
        }
        return done;
    }

    boolean disconnect(ZMQ.Socket socket, String endpoint) {
        boolean done = socket.disconnect(endpoint);
        if (done) {
            connected.remove(endpoint);
            log.debug("{} disconnected from {}", stream, endpoint);
        }
        return done;
    }
}
