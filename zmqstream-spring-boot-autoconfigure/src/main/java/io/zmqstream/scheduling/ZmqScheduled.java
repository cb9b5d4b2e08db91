package io.zmqstream.scheduling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Runs a bean method periodically on the loop thread, where it may use streams and their sockets'
 * state without locks, as a {@link io.zmqstream.PeriodicCallback} would: a heartbeat, a tick, the
 * expiry of workers that stopped answering. The method takes no parameters; what it returns is
 * ignored. It starts with the application and stops before the streams close. A run that throws
 * is counted and logged at ERROR with its stack trace (at most once a minute per task, the others at
 * DEBUG), and the next run comes as scheduled. A slow method holds up every stream on the loop, like a slow listener.
 *
 * <p>Exactly one of {@link #fixedRate()} and {@link #fixedDelay()}: a duration such as
 * {@code "500ms"}, {@code "1s"} or {@code "PT2S"}, or a {@code ${...}} placeholder of one.
 *
 * <pre>{@code
 * @ZmqScheduled(fixedRate = "${workers.heartbeat:1s}")
 * void heartbeat() {
 *     workers.forEach(worker -> backend.sendTo(worker, List.of(HEARTBEAT)));
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface ZmqScheduled {

    /**
     * Runs at this rate, each run a period after the last one began; runs a late loop missed are
     * skipped, not made up.
     *
     * @return the period, or empty with {@link #fixedDelay()}
     */
    String fixedRate() default "";

    /**
     * Runs this long after the last run ended.
     *
     * @return the delay, or empty with {@link #fixedRate()}
     */
    String fixedDelay() default "";

    /**
     * How long after the application's start the first run comes; one period unless set.
     *
     * @return the initial delay, or empty for one period
     */
    String initialDelay() default "";

    /**
     * The task's id in {@link ZmqScheduledTasks} and its meters; {@code <bean>.<method>} by default.
     *
     * @return the id, or empty for the default
     */
    String id() default "";
}
