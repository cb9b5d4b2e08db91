package io.zmqstream.metrics;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.zap.ZapHandler;

/**
 * Counts the clients a {@link ZapHandler} let in and kept out for each CURVE server stream that
 * names its allowed clients: {@code zmq.zap.clients}, tagged {@code stream} and {@code outcome}
 * ({@code allowed} or {@code denied}).
 */
public class ZapMeters implements MeterBinder {

    private final Supplier<ZapHandler> zapHandler;
    private final List<String> streams;

    /**
     * Creates the binder.
     *
     * @param zapHandler the ZAP handler, asked for only when there are streams to meter
     * @param streams the names of the streams whose clients it checks, their ZAP domains
     */
    public ZapMeters(Supplier<ZapHandler> zapHandler, List<String> streams) {
        this.zapHandler = zapHandler;
        this.streams = List.copyOf(streams);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (streams.isEmpty()) {
            return;
        }
        ZapHandler handler = zapHandler.get();
        for (String stream : streams) {
            register(registry, stream, "allowed", handler, zap -> zap.getAllowed(stream));
            register(registry, stream, "denied", handler, zap -> zap.getDenied(stream));
        }
    }

    private static void register(MeterRegistry registry, String stream, String outcome, ZapHandler handler,
            ToDoubleFunction<ZapHandler> count) {
        FunctionCounter.builder("zmq.zap.clients", handler, count).tags("stream", stream, "outcome", outcome)
                .description("Clients the ZAP handler let in or kept out").register(registry);
    }
}
