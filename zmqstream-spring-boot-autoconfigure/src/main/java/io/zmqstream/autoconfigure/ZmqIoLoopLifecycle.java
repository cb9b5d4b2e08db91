package io.zmqstream.autoconfigure;

import io.zmqstream.ZmqIoLoop;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the shared {@link ZmqIoLoop} with the application context and, when the context closes,
 * closes every stream on it (each sends what it has queued within its linger) and then the loop,
 * before singletons such as the {@code ZContext} are destroyed.
 *
 * <p>A stop that is not part of closing the context pauses the loop instead: its thread ends, the
 * sockets stay open and bound, messages wait in ZeroMQ's queues and sends wait in the streams' send
 * queues; a later start resumes it. A context closed while the loop is paused resumes the loop
 * first, so that the streams still send what they queued within their linger.
 *
 * <p>Its phase is below the web server's, so the loop runs before requests arrive and goes on
 * until they have stopped.
 */
public class ZmqIoLoopLifecycle implements SmartLifecycle, ApplicationListener<ContextClosedEvent>,
        ApplicationContextAware {

    /** Below the embedded web server's phases, so the loop starts before it and stops after it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final ZmqIoLoop loop;
    private final Runnable onContextClosing;
    private ApplicationContext applicationContext;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean closing;

    /**
     * Creates the lifecycle of a loop.
     *
     * @param loop the loop
     */
    public ZmqIoLoopLifecycle(ZmqIoLoop loop) {
        this(loop, () -> { });
    }

    /**
     * Creates the lifecycle of a loop that also tells {@code onContextClosing} when the application
     * context starts closing, before the loop closes: the shared loop tells its context's
     * {@link io.zmqstream.JeroMqFailures}, so that JeroMQ's termination noise is not taken for a failure.
     *
     * @param loop the loop
     * @param onContextClosing what to run when the application context starts closing
     */
    public ZmqIoLoopLifecycle(ZmqIoLoop loop, Runnable onContextClosing) {
        this.loop = loop;
        this.onContextClosing = onContextClosing;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    /** Starts the loop thread, or resumes a paused loop. */
    @Override
    public void start() {
        loop.start();
        paused = false;
        running = true;
    }

    /**
     * Closes every stream on the loop within its linger, then the loop, when the context closes;
     * pauses the loop otherwise.
     */
    @Override
    public void stop() {
        running = false;
        if (closing) {
            loop.close();
        }
        else {
            paused = true;
            loop.stop();
        }
    }

    /**
     * Notes that the context is closing, so that the next stop closes the loop, says so to whoever
     * asked, and resumes a paused loop so that closing it still flushes the streams.
     *
     * @param event the event
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != applicationContext) {
            return;
        }
        closing = true;
        onContextClosing.run();
        if (paused) {
            start();
        }
    }

    /**
     * Whether the loop was started and is neither paused nor closed.
     *
     * @return {@code true} while it runs
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The phase: {@link #PHASE}.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return PHASE;
    }
}
