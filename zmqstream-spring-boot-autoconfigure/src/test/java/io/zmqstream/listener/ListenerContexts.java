package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.zmqstream.autoconfigure.TestPeers;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;

/**
 * The application contexts listener tests run in (the starter's auto-configuration with Jackson
 * 3's), and peers that talk to their streams over {@code inproc://}.
 */
final class ListenerContexts {

    private ListenerContexts() {
    }

    static ApplicationContextRunner runner() {
        return TestPeers.runner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));
    }

    /** The properties of a stream of the given type bound to {@code inproc://<name>}. */
    static String[] boundStream(String name, String type) {
        return new String[] { "zmq.streams." + name + ".type=" + type, "zmq.streams." + name + ".bind=inproc://" + name };
    }

    /**
     * A socket of the application's context, owned by the test thread, connected to a stream bound
     * with {@link #boundStream}; the context closes it. Sends and receives fail the test after {@link TestPeers#TIMEOUT}.
     */
    static ZMQ.Socket peer(ApplicationContext context, SocketType type, String stream) {
        return peer(context, type, stream, null);
    }

    /** Like {@link #peer(ApplicationContext, SocketType, String)}, with a routing identity unless {@code null}. */
    static ZMQ.Socket peer(ApplicationContext context, SocketType type, String stream, String identity) {
        ZMQ.Socket socket = context.getBean(ZContext.class).createSocket(type);
        if (identity != null) {
            socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
        }
        socket.setReceiveTimeOut((int) TIMEOUT.toMillis());
        socket.setSendTimeOut((int) TIMEOUT.toMillis());
        socket.connect("inproc://" + stream);
        return socket;
    }

    /** Every frame of the next message on {@code socket}, as text; fails when none comes in time. */
    static List<String> receiveTexts(ZMQ.Socket socket) {
        List<String> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                throw new AssertionError("no message within " + TIMEOUT);
            }
            frames.add(TestPeers.text(frame));
        }
        while (socket.hasReceiveMore());
        return frames;
    }

    static void sendTexts(ZMQ.Socket socket, String... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** What a listener bean saw, in order. */
    static final class Calls<T> {

        private final BlockingQueue<T> calls = new LinkedBlockingQueue<>();

        void add(T call) {
            calls.add(call);
        }

        /** The next call; fails when none comes in time. */
        T next() throws InterruptedException {
            T call = calls.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (call == null) {
                throw new AssertionError("no call within " + TIMEOUT);
            }
            return call;
        }

        int size() {
            return calls.size();
        }
    }
}
