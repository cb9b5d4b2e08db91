package io.zmqstream.scheduling;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import org.springframework.context.SmartLifecycle;

/**
 * The {@link ZmqScheduled} methods of the application, each a {@link ZmqScheduledTask} on the
 * shared loop: started with the application, in the listeners' phase (after the loop, before the
 * web server), and stopped before the streams close.
 */
public class ZmqScheduledTasks implements SmartLifecycle {

    private final ZmqIoLoop loop;
    private final Map<String, ZmqScheduledTask> tasks = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean running;

    /**
     * Creates the registry.
     *
     * @param loop the loop every task runs on
     */
    public ZmqScheduledTasks(ZmqIoLoop loop) {
        this.loop = loop;
    }

    /**
     * When and how often a method runs.
     *
     * @param period the time between runs
     * @param fixedRate whether the period runs from start to start, rather than from end to start
     * @param initialDelay the time to the first run, or {@code null} for one period
     */
    record Schedule(Duration period, boolean fixedRate, Duration initialDelay) {
    }

    /**
     * Adds a task, started at once when the application runs already.
     *
     * @return the task
     * @throws IllegalStateException when a task has the id already
     */
    ZmqScheduledTask register(String id, Object bean, Method method, Schedule schedule) {
        ZmqScheduledTask task = new ZmqScheduledTask(id, bean, method, schedule, loop);
        ZmqScheduledTask other = tasks.putIfAbsent(id, task);
        if (other != null) {
            throw new IllegalStateException("the id '" + id + "' is taken by " + other.getMethod());
        }
        if (running) {
            task.start();
        }
        return task;
    }

    /**
     * Every task, in the order they were found.
     *
     * @return the tasks
     */
    public Collection<ZmqScheduledTask> getTasks() {
        synchronized (tasks) {
            return List.copyOf(tasks.values());
        }
    }

    /**
     * One task.
     *
     * @param id its id
     * @return the task, or {@code null} when none has that id
     */
    public ZmqScheduledTask getTask(String id) {
        return tasks.get(id);
    }

    /** Starts every task. */
    @Override
    public void start() {
        running = true;
        getTasks().forEach(ZmqScheduledTask::start);
    }

    /** Stops every task; runs under way finish. */
    @Override
    public void stop() {
        running = false;
        getTasks().forEach(ZmqScheduledTask::stop);
    }

    /**
     * Whether the tasks are started.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The listeners' phase, {@link ZmqListenerEndpointRegistry#PHASE}.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return ZmqListenerEndpointRegistry.PHASE;
    }
}
