package io.zmqstream.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
    private final List<ZmqIoLoop> otherLoops;

    /**
     * Creates the binder for the shared loop and its streams.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     */
    public ZmqMeterBinder(ZmqIoLoop loop, LoopLagMonitor lag) {
        this(loop, lag, List.of());
    }

    /**
     * Creates the binder for the shared loop, its streams and the streams of other loops, such as
     * the dedicated loops of proxies.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     * @param otherLoops loops whose streams are metered too
     */
    public ZmqMeterBinder(ZmqIoLoop loop, LoopLagMonitor lag, Collection<ZmqIoLoop> otherLoops) {
        this.loop = loop;
        this.lag = lag;
        this.otherLoops = List.copyOf(otherLoops);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ZmqIoLoopMetrics.bind(loop, lag, registry);
        StreamMeters meters = new StreamMeters(registry);
        for (ZmqIoLoop streamLoop : allLoops()) {
            streamLoop.addStreamLifecycleListener(meters);
            streamLoop.getStreams().forEach(meters::bind);
        }
    }

    private List<ZmqIoLoop> allLoops() {
        List<ZmqIoLoop> loops = new ArrayList<>();
        loops.add(loop);
        loops.addAll(otherLoops);
        return loops;
    }
}
