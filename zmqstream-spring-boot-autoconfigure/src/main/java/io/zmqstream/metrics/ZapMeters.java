package io.zmqstream.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.zap.ZapHandler;

/**
 * Counts the clients a {@link ZapHandler} let in and kept out for each CURVE or PLAIN server stream
 * whose clients it checks: {@code zmq.zap.clients}, tagged {@code stream}, {@code domain} (its ZAP
 * domain, whose count streams sharing it share) and {@code outcome} ({@code allowed} or {@code denied}).
 */
public class ZapMeters implements MeterBinder {

    private final Supplier<ZapHandler> zapHandler;
    private final Map<String, String> domains;

    /**
     * Creates the binder.
     *
     * @param zapHandler the ZAP handler, asked for only when there are streams to meter
     * @param domains the ZAP domain of each stream whose clients it checks, by stream name
     */
    public ZapMeters(Supplier<ZapHandler> zapHandler, Map<String, String> domains) {
        this.zapHandler = zapHandler;
        this.domains = new LinkedHashMap<>(domains);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (domains.isEmpty()) {
            return;
        }
        ZapHandler handler = zapHandler.get();
        domains.forEach((stream, domain) -> {
            register(registry, stream, domain, "allowed", handler, zap -> zap.getAllowed(domain));
            register(registry, stream, domain, "denied", handler, zap -> zap.getDenied(domain));
        });
    }

    private static void register(MeterRegistry registry, String stream, String domain, String outcome,
            ZapHandler handler, ToDoubleFunction<ZapHandler> count) {
        FunctionCounter.builder("zmq.zap.clients", handler, count).tags("stream", stream, "domain", domain, "outcome", outcome)
                .description("Clients the ZAP handler let in or kept out").register(registry);
    }
}
