package io.zmqstream.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.JeroMqFailures;

/**
 * Publishes {@code zmq.jeromq.failures}: the exceptions the shared context's JeroMQ threads threw
 * while the application ran, read from {@link JeroMqFailures}.
 */
public final class JeroMqFailureMeters implements MeterBinder {

    private final JeroMqFailures failures;

    /**
     * Creates the binder.
     *
     * @param failures the handlers of the context's thread exceptions
     */
    public JeroMqFailureMeters(JeroMqFailures failures) {
        this.failures = failures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("zmq.jeromq.failures", failures, JeroMqFailures::getCount)
                .description("Exceptions of JeroMQ's own threads while the application ran").register(registry);
    }
}
