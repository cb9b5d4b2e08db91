package io.zmqstream.listener;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

import io.zmqstream.ZMQStream;

/**
 * One {@link ZmqListener} method attached to its stream: its id, its state, and the switches
 * that start, stop, pause and resume it. Every method is thread-safe, and may be called from the
 * loop thread too, in a listener: none waits for the loop. A listener that pauses itself (or
 * another) receives no further message once the call returns; one resumed is served from the
 * loop's next turn. That is how a broker reads its clients only while a worker is ready.
 *
 * <p>A listener receives while it is running and not paused. Pausing and stopping both stop the
 * stream's receive callback, so messages wait in ZeroMQ's queue (up to the socket's receive
 * high-water mark) and none is consumed; {@link #resume()} and {@link #start()} deliver them.
 * They differ in who owns the switch: the application's lifecycle starts and stops listeners,
 * operators pause and resume them, and a paused listener stays paused across a stop and start.
 */
public final class ZmqListenerEndpoint {

    private final ListenerMethod listener;
    private final ListenerCallback handler;
    private final boolean autoStartup;
    private final int maxInFlight;
    private boolean running;
    private boolean paused;

    /**
     * @param listener the method and its stream
     * @param handler the stream's receive callback while the listener receives
     * @param autoStartup whether the application's start starts it
     * @param maxInFlight the most messages in progress, {@link Integer#MAX_VALUE} for no limit
     */
    ZmqListenerEndpoint(ListenerMethod listener, ListenerCallback handler, boolean autoStartup,
            int maxInFlight) {
        this.listener = listener;
        this.handler = handler;
        this.autoStartup = autoStartup;
        this.maxInFlight = maxInFlight;
    }

    /**
     * The listener's id.
     *
     * @return the id
     */
    public String getId() {
        return listener.id();
    }

    /**
     * The name of the stream the listener receives from.
     *
     * @return the stream's name
     */
    public String getStreamName() {
        return listener.streamName();
    }

    /**
     * The stream the listener receives from.
     *
     * @return the stream
     */
    public ZMQStream getStream() {
        return listener.stream();
    }

    /**
     * The bean whose method listens, as the application context holds it (a proxy, when the bean is one).
     *
     * @return the bean
     */
    public Object getBean() {
        return listener.bean();
    }

    /**
     * The annotated method.
     *
     * @return the method
     */
    public Method getMethod() {
        return listener.method();
    }

    /**
     * Whether the application's start starts this listener.
     *
     * @return the resolved {@link ZmqListener#autoStartup()}
     */
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /**
     * Messages the listener failed on, conversion failures included.
     *
     * @return the count since start-up
     */
    public long getFailureCount() {
        return handler.failures().getFailures();
    }

    /**
     * Messages from which the method's arguments could not be made.
     *
     * @return the count since start-up
     */
    public long getConversionFailureCount() {
        return handler.failures().getConversionFailures();
    }

    /**
     * Attempts made again after a failure.
     *
     * @return the count since start-up
     */
    public long getRetryCount() {
        return handler.getRetries();
    }

    /**
     * Messages failed on for good that the dead-letter stream took.
     *
     * @return the count since start-up; 0 without a dead-letter stream
     */
    public long getDeadLetterCount() {
        return handler.failures().getDeadLetters();
    }

    /**
     * Messages failed on for good that the dead-letter stream could not take (full, closed), and
     * that were lost.
     *
     * @return the count since start-up
     */
    public long getRefusedDeadLetterCount() {
        return handler.failures().getRefusedDeadLetters();
    }

    /**
     * Starts receiving, unless the listener is paused: then it receives once resumed.
     *
     * @throws IllegalStateException when the stream is closed
     */
    public synchronized void start() {
        requireOpenStream("start");
        running = true;
        handler.setRetrying(true);
        updateReceiving();
    }

    /**
     * Stops receiving; messages wait in ZeroMQ's queue. A message waiting for its next attempt, or
     * failing until the next start, is failed on for good at once (dead-lettered, handed to the
     * error handler), so that stopping never waits for a retry's delay.
     */
    public synchronized void stop() {
        running = false;
        updateReceiving();
        handler.setRetrying(false);
    }

    /** Pauses receiving; messages wait in ZeroMQ's queue until {@link #resume()}. */
    public synchronized void pause() {
        paused = true;
        updateReceiving();
    }

    /**
     * Ends a pause: the listener receives the messages that waited.
     *
     * @throws IllegalStateException when the listener is not started (a pause is not a start:
     *         {@link #start()} it), or its stream is closed
     */
    public synchronized void resume() {
        requireOpenStream("resume");
        if (!running) {
            throw new IllegalStateException(this + " cannot resume: it is not started, " + (autoStartup
                    ? "the application stopped it" : "as its autoStartup is false") + "; start() it first");
        }
        paused = false;
        updateReceiving();
    }

    /**
     * Whether the listener has been started and not stopped since.
     *
     * @return {@code true} while started
     */
    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * Whether the listener is paused.
     *
     * @return {@code true} while paused
     */
    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * Whether messages are being delivered to the method: running, not paused, on an open stream.
     *
     * @return {@code true} while receiving
     */
    public synchronized boolean isReceiving() {
        return running && !paused && listener.stream().isReceiving();
    }

    /** The method as start-up failures name it. */
    String description() {
        return listener.description();
    }

    /** Completes when the messages in progress now (on an executor, or awaiting their stages) are handled. */
    CompletableFuture<Void> whenIdle() {
        return handler.whenIdle();
    }

    private void requireOpenStream(String action) {
        if (listener.stream().isClosed()) {
            throw new IllegalStateException(this + " cannot " + action + ": stream '" + getStreamName() + "' is closed");
        }
    }

    private void updateReceiving() {
        ZMQStream stream = listener.stream();
        if (stream.isClosed()) {
            return;
        }
        if (running && !paused) {
            stream.onRecvFramesAsync(handler, maxInFlight);
        }
        else {
            stream.stopOnRecv();
        }
    }

    @Override
    public String toString() {
        return "ZmqListenerEndpoint[" + getId() + " on " + getStreamName() + "]";
    }
}
