package io.zmqstream.test.context;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.zmqstream.listener.ZmqListenerEndpoint;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.test.ZmqTestPeers;
import org.springframework.context.ApplicationContext;

/**
 * The captured invocations of the application's {@code @ZmqListener} methods, by listener id
 * ({@code @ZmqListener}'s {@code id}, {@code <bean>.<method>} by default), with waits for them:
 * the bean of a test class with {@code @ZmqTest(captureInvocations = true)}, emptied after each
 * test method. A method that listens to several streams has its calls from all of them under
 * each of its ids. Thread-safe.
 */
public final class ZmqListenerInvocations {

    private final ApplicationContext context;
    // Guarded by this.
    private final List<ListenerInvocation> invocations = new ArrayList<>();

    ZmqListenerInvocations(ApplicationContext context) {
        this.context = context;
    }

    /**
     * The invocations of one listener so far, in order.
     *
     * @param listenerId the listener's id
     * @return its invocations
     * @throws IllegalArgumentException when the application has no such listener
     */
    public List<ListenerInvocation> getInvocations(String listenerId) {
        ZmqListenerEndpoint listener = listener(listenerId);
        synchronized (this) {
            return invocations.stream().filter(invocation -> isOf(invocation, listener)).toList();
        }
    }

    /**
     * Waits, at most {@link ZmqTestPeers#DEFAULT_TIMEOUT}, until one listener has been called at
     * least {@code count} times.
     *
     * @param listenerId the listener's id
     * @param count how many invocations to wait for
     * @return its invocations, at least {@code count}
     * @throws AssertionError when fewer came in time
     * @throws InterruptedException when the test's thread is interrupted
     */
    public List<ListenerInvocation> awaitInvocations(String listenerId, int count) throws InterruptedException {
        return awaitInvocations(listenerId, count, ZmqTestPeers.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until one listener has been called at least {@code count} times.
     *
     * @param listenerId the listener's id
     * @param count how many invocations to wait for
     * @param timeout how long to wait at most
     * @return its invocations, at least {@code count}
     * @throws AssertionError when fewer came in time
     * @throws InterruptedException when the test's thread is interrupted
     */
    public List<ListenerInvocation> awaitInvocations(String listenerId, int count, Duration timeout)
            throws InterruptedException {
        ZmqListenerEndpoint listener = listener(listenerId);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<ListenerInvocation> found = invocations.stream().filter(call -> isOf(call, listener)).toList();
                long left = deadline - System.nanoTime();
                if (found.size() >= count) {
                    return found;
                }
                if (left <= 0) {
                    throw new AssertionError("Listener '" + listenerId + "' was called " + found.size()
                            + " times within " + timeout + ", not " + count);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Forgets every invocation captured so far; done after each test method. */
    public synchronized void clear() {
        invocations.clear();
    }

    synchronized void record(ListenerInvocation invocation) {
        invocations.add(invocation);
        notifyAll();
    }

    private ZmqListenerEndpoint listener(String listenerId) {
        ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
        ZmqListenerEndpoint listener = registry.getListener(listenerId);
        if (listener == null) {
            throw new IllegalArgumentException("No listener '" + listenerId + "'; the application's are "
                    + registry.getListenerIds());
        }
        return listener;
    }

    private static boolean isOf(ListenerInvocation invocation, ZmqListenerEndpoint listener) {
        Method method = listener.getMethod();
        return invocation.bean() == listener.getBean() && invocation.method().getName().equals(method.getName())
                && Arrays.equals(invocation.method().getParameterTypes(), method.getParameterTypes());
    }
}
