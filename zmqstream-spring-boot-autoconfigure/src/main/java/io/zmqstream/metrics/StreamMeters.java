package io.zmqstream.metrics;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zmqstream.StreamLifecycleListener;
import io.zmqstream.ZMQStream;

/**
 * Keeps one registry's stream meters in step with a loop's streams: a named stream is metered from
 * when it opens (or gets its name) until it closes, when its meters are removed from the registry.
 */
final class StreamMeters implements StreamLifecycleListener {

    private final MeterRegistry registry;
    private final Map<ZMQStream, List<Meter>> metered = new IdentityHashMap<>();

    StreamMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void streamOpened(ZMQStream stream) {
        bind(stream);
    }

    @Override
    public void streamRenamed(ZMQStream stream, String previousName) {
        unbind(stream);
        bind(stream);
    }

    @Override
    public void streamClosed(ZMQStream stream) {
        unbind(stream);
    }

    /** Meters a named stream that is not closing; once more, in case it closed while being metered. */
    synchronized void bind(ZMQStream stream) {
        if (stream.getName() == null || stream.isClosed() || metered.containsKey(stream)) {
            return;
        }
        metered.put(stream, ZmqStreamMetrics.bind(stream, registry));
        if (stream.isClosed()) {
            unbind(stream);
        }
    }

    private synchronized void unbind(ZMQStream stream) {
        List<Meter> meters = metered.remove(stream);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }
}
