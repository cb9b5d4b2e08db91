package io.zmqstream.listener;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.zmqstream.autoconfigure.ZmqAutoConfiguration;
import io.zmqstream.test.ZmqTestPeers;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The application contexts listener tests run in (the starter's auto-configuration with Jackson
 * 3's), whose streams the tests reach with the test module's peers, {@code ZmqApplicationPeers}.
 */
final class ListenerContexts {

    /** How long a test waits for what a listener does. */
    static final Duration TIMEOUT = ZmqTestPeers.DEFAULT_TIMEOUT;

    private ListenerContexts() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));
    }

    /** The properties of a stream of the given type bound to {@code inproc://<name>}. */
    static String[] boundStream(String name, String type) {
        return new String[] { "zmq.streams." + name + ".type=" + type, "zmq.streams." + name + ".bind=inproc://" + name };
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
