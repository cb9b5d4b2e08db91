package io.zmqstream;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Who may touch a loop's sockets and the state only the loop may touch: the loop thread while it
 * runs, and, while it does not, one calling thread at a time. JeroMQ sockets are not thread-safe,
 * and neither are the loop's handler table, ready list and timers.
 *
 * <p>The loop thread holds the ownership from before its first iteration until it has run the
 * {@link LoopTask}s still queued after its last one. A caller that finds the loop not running takes
 * the ownership, runs the loop tasks still queued first, so that work keeps its order, then its own
 * work. A caller that queued a loop task just as the loop thread was ending checks again and runs
 * it itself, so that no loop task is ever left behind.
 */
final class SocketOwnership {

    private static final long WAIT_MILLIS = 50;

    private final ReentrantLock lock = new ReentrantLock();
    private final BooleanSupplier loopRunning;
    private final TaskQueue tasks;
    private final Consumer<Runnable> runner;

    /**
     * @param loopRunning whether the loop thread takes work now
     * @param tasks the loop's queue
     * @param runner runs one task, guarding against what it throws
     */
    SocketOwnership(BooleanSupplier loopRunning, TaskQueue tasks, Consumer<Runnable> runner) {
        this.loopRunning = loopRunning;
        this.tasks = tasks;
        this.runner = runner;
    }

    /** Taken by the loop thread before its first iteration. */
    void acquireForLoopThread() {
        lock.lock();
    }

    /** Runs the loop tasks the loop thread did not reach, then lets go; the loop thread's last step. */
    void releaseFromLoopThread() {
        try {
            tasks.runLoopTasks(runner);
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread may touch the sockets now. */
    boolean isOwner() {
        return lock.isHeldByCurrentThread();
    }

    /**
     * Runs {@code work} as the owner of the sockets if the loop thread does not run, after the loop
     * tasks still queued; does nothing while it runs, when the work must be queued for it instead.
     * Waits while another caller owns the sockets.
     *
     * @return {@code true} when the work ran, {@code false} when the loop thread runs
     */
    boolean runWhileLoopStopped(Runnable work) {
        boolean interrupted = false;
        try {
            while (!loopRunning.getAsBoolean()) {
                try {
                    if (!lock.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                    continue;
                }
                try {
                    if (loopRunning.getAsBoolean()) {
                        // A loop thread is starting and waits for the sockets: hand the work to it.
                        return false;
                    }
                    tasks.runLoopTasks(runner);
                    work.run();
                    return true;
                }
                finally {
                    lock.unlock();
                }
            }
            return false;
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Called after queuing a loop task for a running loop: if the loop thread stopped meanwhile,
     * possibly after its last look at the queue, runs the loop tasks it left.
     */
    void runLeftBehind() {
        if (!loopRunning.getAsBoolean()) {
            runWhileLoopStopped(() -> { });
        }
    }
}
