package io.zmqstream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The endpoints a stream bound and connected through its own methods, as its socket answered.
 * The operations run on the socket's owner; the lists may be read from any thread. Each one that
 * succeeds is logged at DEBUG under {@code io.zmqstream.ZMQStream}, naming the stream.
 */
final class StreamEndpoints {

    private static final Logger log = LoggerFactory.getLogger(ZMQStream.class);

    private final Set<String> bound = new CopyOnWriteArraySet<>();
    private final Set<String> connected = new CopyOnWriteArraySet<>();
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
