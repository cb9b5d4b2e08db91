package io.zmqstream.scheduling;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZmqIoLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link ZmqScheduled} method on its loop: its schedule, its counts, and the switches that
 * start and stop it. Thread-safe.
 */
public final class ZmqScheduledTask {

    private static final Logger log = LoggerFactory.getLogger(ZmqScheduledTask.class);
    private static final long FAILURE_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final String id;
    private final Object bean;
    private final Method method;
    private final Duration period;
    private final boolean fixedRate;
    private final Duration initialDelay;
    private final PeriodicCallback timer;
    private final LongAdder runs = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** When a failure was last logged at ERROR; a minute ago at first, so that the first one is. */
    private final AtomicLong lastLoggedNanos = new AtomicLong(System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS);

    ZmqScheduledTask(String id, Object bean, Method method, ZmqScheduledTasks.Schedule schedule, ZmqIoLoop loop) {
        this.id = id;
        this.bean = bean;
        this.method = method;
        this.period = schedule.period();
        this.fixedRate = schedule.fixedRate();
        this.initialDelay = schedule.initialDelay() != null ? schedule.initialDelay() : schedule.period();
        this.timer = fixedRate ? new PeriodicCallback(loop, this::run, period)
                : PeriodicCallback.withFixedDelay(loop, this::run, period);
        ReflectionUtils.makeAccessible(method);
    }

    /**
     * The task's id.
     *
     * @return the id
     */
    public String getId() {
        return id;
    }

    /**
     * The annotated method.
     *
     * @return the method
     */
    public Method getMethod() {
        return method;
    }

    /**
     * The time between runs: from start to start at a fixed rate, from end to start with a fixed delay.
     *
     * @return the period
     */
    public Duration getPeriod() {
        return period;
    }

    /**
     * Whether the period is a fixed rate rather than a fixed delay.
     *
     * @return {@code true} for a fixed rate
     */
    public boolean isFixedRate() {
        return fixedRate;
    }

    /**
     * The time from a start to the first run.
     *
     * @return the initial delay
     */
    public Duration getInitialDelay() {
        return initialDelay;
    }

    /**
     * Runs made, failed ones included.
     *
     * @return the count
     */
    public long getRunCount() {
        return runs.sum();
    }

    /**
     * Runs that threw.
     *
     * @return the count
     */
    public long getFailureCount() {
        return failures.sum();
    }

    /**
     * Whether the task is started.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public boolean isRunning() {
        return timer.isRunning();
    }

    /** Starts running, the first run after the initial delay; does nothing when started. */
    public void start() {
        timer.start(initialDelay);
    }

    /** Stops running; a run under way finishes. */
    public void stop() {
        timer.stop();
    }

    private void run() {
        runs.increment();
        try {
            method.invoke(bean);
        }
        catch (InvocationTargetException ex) {
            failed(ex.getCause());
        }
        catch (IllegalAccessException ex) {
            failed(ex);
        }
    }

    private void failed(Throwable failure) {
        failures.increment();
        long now = System.nanoTime();
        long last = lastLoggedNanos.get();
        if (now - last >= FAILURE_LOG_INTERVAL_NANOS && lastLoggedNanos.compareAndSet(last, now)) {
            log.error("Scheduled task '{}' failed ({} of {} runs so far); it runs again as scheduled. Further failures "
                    + "are logged at most once a minute", id, failures.sum(), runs.sum(), failure);
        }
        else {
            log.debug("Scheduled task '{}' failed again", id, failure);
        }
    }

    @Override
    public String toString() {
        return "ZmqScheduledTask[" + id + (fixedRate ? ", every " : ", after each run ") + period + "]";
    }
}
