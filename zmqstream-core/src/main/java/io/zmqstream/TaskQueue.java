package io.zmqstream;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The tasks waiting for a loop thread, in the order they came: the application's tasks and
 * {@link LoopTask}s. Any thread may add; the owner of the loop's sockets takes them out.
 */
final class TaskQueue {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    void add(Runnable task) {
        tasks.add(task);
    }

    Runnable poll() {
        return tasks.poll();
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Counting walks the queue: for monitoring only. */
    int size() {
        return tasks.size();
    }

    /**
     * Takes out and runs every queued {@link LoopTask}, those they queue included, leaving the
     * application's tasks in place for the loop's next start.
     */
    void runLoopTasks(Consumer<Runnable> runner) {
        boolean found = true;
        while (found) {
            found = false;
            for (Iterator<Runnable> it = tasks.iterator(); it.hasNext();) {
                Runnable task = it.next();
                if (task instanceof LoopTask && tasks.remove(task)) {
                    runner.accept(task);
                    found = true;
                }
            }
        }
    }
}
