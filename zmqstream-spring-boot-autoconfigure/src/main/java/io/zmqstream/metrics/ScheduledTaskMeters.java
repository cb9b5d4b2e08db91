package io.zmqstream.metrics;

import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.scheduling.ZmqScheduledTask;
import io.zmqstream.scheduling.ZmqScheduledTasks;

/**
 * The meters of each {@code @ZmqScheduled} method: {@code zmq.scheduled.runs} and
 * {@code zmq.scheduled.failures}, tagged {@code task} with its id, read from the task's own counts.
 */
public class ScheduledTaskMeters implements MeterBinder {

    private final ZmqScheduledTasks tasks;

    /**
     * Creates the binder.
     *
     * @param tasks the tasks, found by the time meters are bound (after every singleton)
     */
    public ScheduledTaskMeters(ZmqScheduledTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ZmqScheduledTask task : tasks.getTasks()) {
            counter(registry, "zmq.scheduled.runs", "Runs of the @ZmqScheduled method, failed ones included", task,
                    ZmqScheduledTask::getRunCount);
            counter(registry, "zmq.scheduled.failures", "Runs of the @ZmqScheduled method that threw", task,
                    ZmqScheduledTask::getFailureCount);
        }
    }

    private static void counter(MeterRegistry registry, String name, String description, ZmqScheduledTask task,
            ToLongFunction<ZmqScheduledTask> count) {
        FunctionCounter.builder(name, task, count::applyAsLong).tag("task", task.getId()).description(description)
                .register(registry);
    }
}
