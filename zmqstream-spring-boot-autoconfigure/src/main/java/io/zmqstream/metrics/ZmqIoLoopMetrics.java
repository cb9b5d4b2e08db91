package io.zmqstream.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZmqIoLoop;

/**
 * Publishes a loop's lag and pending tasks as Micrometer gauges, tagged {@code loop} with the
 * loop thread's name.
 */
public final class ZmqIoLoopMetrics {

    private ZmqIoLoopMetrics() {
    }

    /**
     * Registers {@code zmq.ioloop.lag} (how late the loop runs its timers) and
     * {@code zmq.ioloop.tasks.pending}.
     *
     * @param loop the loop
     * @param lag the loop's lag monitor
     * @param registry the registry
     */
    public static void bind(ZmqIoLoop loop, LoopLagMonitor lag, MeterRegistry registry) {
        Tags tags = Tags.of("loop", loop.getThreadName());
        TimeGauge.builder("zmq.ioloop.lag", lag, TimeUnit.NANOSECONDS, monitor -> monitor.getLag().toNanos())
                .tags(tags).description("How late the loop runs its timers").register(registry);
        Gauge.builder("zmq.ioloop.tasks.pending", loop, ZmqIoLoop::getPendingTasks).tags(tags)
                .description("Tasks queued for the loop thread and not yet run").register(registry);
    }
}
