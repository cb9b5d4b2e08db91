package io.zmqstream.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;

/**
 * Binds the meters of the shared loop and of every named {@link ZMQStream} on it to each registry
 * that Spring Boot binds meter binders to. A stream is metered from when it opens (or gets its name)
 * until it closes, when its meters are removed; binding creates no bean and no socket. Streams on
 * other loops can be metered with {@link ZmqStreamMetrics#bind}.
 */
public class ZmqMeterBinder implements MeterBinder {

    private final ZmqIoLoop loop;
    private final LoopLagMonitor lag;

    /**
     * Creates the binder.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     */
    public ZmqMeterBinder(ZmqIoLoop loop, LoopLagMonitor lag) {
        this.loop = loop;
        this.lag = lag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ZmqIoLoopMetrics.bind(loop, lag, registry);
        StreamMeters meters = new StreamMeters(registry);
        loop.addStreamLifecycleListener(meters);
        loop.getStreams().forEach(meters::bind);
    }
}
