package io.zmqstream.autoconfigure;

import java.util.concurrent.ForkJoinPool;

import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.JsonPayloadCodec;
import io.zmqstream.template.ZmqRequesterCustomizer;
import io.zmqstream.template.ZmqTemplate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ZmqTemplate}: sends and requests by stream name, for the configured streams and the
 * application's own {@code ZMQStream} beans, with each configured stream's
 * {@code zmq.streams.<name>.requests} settings (checked at start-up) and the application's JSON
 * codec; each request an Observation with {@code zmq.template.observation-enabled}. Request futures
 * complete on the common fork-join pool, never on the loop thread.
 */
@Configuration(proxyBeanMethods = false)
class ZmqTemplateConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZmqTemplate zmqTemplate(ZmqStreamRegistry streams, ZmqProperties properties, BeanFactory beans,
            ObjectProvider<JsonPayloadCodec> json, ObjectProvider<ZmqRequesterCustomizer> customizers,
            ObjectProvider<ObservationRegistry> observations) {
        StreamRequestOptions requestOptions = new StreamRequestOptions(properties);
        ZmqTemplate template = new ZmqTemplate(name -> stream(streams, beans, name), requestOptions::of,
                json.getIfAvailable(), ForkJoinPool.commonPool(), customizers.orderedStream().toList());
        if (properties.getTemplate().isObservationEnabled()) {
            observations.ifAvailable(template::setObservationRegistry);
        }
        return template;
    }

    private static ZMQStream stream(ZmqStreamRegistry streams, BeanFactory beans, String name) {
        if (streams.getStreamNames().contains(name)) {
            return streams.getStream(name);
        }
        try {
            return beans.getBean(name, ZMQStream.class);
        }
        catch (NoSuchBeanDefinitionException ex) {
            throw new IllegalArgumentException("No stream named '" + name + "': configure zmq.streams." + name
                    + ", or name a ZMQStream bean; the configured streams are " + streams.getStreamNames(), ex);
        }
    }
}
