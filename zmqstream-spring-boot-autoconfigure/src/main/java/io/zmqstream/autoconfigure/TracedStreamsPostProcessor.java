package io.zmqstream.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.metrics.TracingSendDecorator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives each stream that carries trace context ({@code zmq.streams.<name>.tracing}) the decorator
 * that observes its sends and writes their trace context frame, before anything is sent on it.
 */
final class TracedStreamsPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<ObservationRegistry> registry;

    TracedStreamsPostProcessor(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ZMQStream stream && stream.tracing().carriesTraceContext()) {
            stream.tracing().setSendDecorator(new TracingSendDecorator(registry.getObject()));
        }
        return bean;
    }
}
