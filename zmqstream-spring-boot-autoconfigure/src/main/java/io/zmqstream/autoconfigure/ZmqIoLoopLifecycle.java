package io.zmqstream.autoconfigure;

import io.zmqstream.ZmqIoLoop;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the shared {@link ZmqIoLoop} with the application context and, when the context closes,
 * closes every stream on it (each sends what it has queued within its linger) and then the loop,
 * before singletons such as the {@code ZContext} are destroyed.
 *
 * <p>Its phase is below the web server's, so the loop runs before requests arrive and goes on
 * until they have stopped. Closing is final: a stopped loop cannot be started again.
 */
public class ZmqIoLoopLifecycle implements SmartLifecycle {

    /** Below the embedded web server's phases, so the loop starts before it and stops after it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final ZmqIoLoop loop;

    /**
     * Creates the lifecycle of a loop.
     *
     * @param loop the loop
     */
    public ZmqIoLoopLifecycle(ZmqIoLoop loop) {
        this.loop = loop;
    }

    /** Starts the loop thread. */
    @Override
    public void start() {
        loop.start();
    }

    /** Closes every stream on the loop within its linger, then the loop. */
    @Override
    public void stop() {
        loop.close();
    }

    /**
     * Whether the loop thread runs.
     *
     * @return {@code true} while it runs
     */
    @Override
    public boolean isRunning() {
        return loop.isRunning();
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
