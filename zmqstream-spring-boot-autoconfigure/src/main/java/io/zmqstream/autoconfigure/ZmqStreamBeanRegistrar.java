package io.zmqstream.autoconfigure;

import java.util.Map;

import io.zmqstream.ZMQStream;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link ZMQStream} bean per key under {@code zmq.streams}, named by the key so that
 * {@code @Qualifier("<name>")} injects it. Only the keys are read here; each bean's supplier asks
 * {@link ZmqStreamRegistry} for the stream, which reads the bound {@link ZmqProperties}.
 */
class ZmqStreamBeanRegistrar implements BeanRegistrar {

    /** How each stream bean's definition describes itself, the stream's name following. */
    static final String DESCRIPTION_PREFIX = "ZeroMQ stream zmq.streams.";

    private static final Bindable<Map<String, Object>> STREAM_KEYS = Bindable.mapOf(String.class, Object.class);

    @Override
    public void register(BeanRegistry registry, Environment env) {
        Map<String, Object> streams = Binder.get(env).bind("zmq.streams", STREAM_KEYS).orElse(Map.of());
        for (String name : streams.keySet()) {
            registry.registerBean(name, ZMQStream.class, spec -> spec
                    .description(DESCRIPTION_PREFIX + name)
                    .supplier(context -> context.bean(ZmqStreamRegistry.class).create(name)));
        }
    }
}
