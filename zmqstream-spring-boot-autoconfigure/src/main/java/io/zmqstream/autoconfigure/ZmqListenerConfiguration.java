package io.zmqstream.autoconfigure;

import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.JacksonPayloadCodec;
import io.zmqstream.listener.JsonPayloadCodec;
import io.zmqstream.listener.StreamListenerProperties;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerAnnotationBeanPostProcessor;
import io.zmqstream.listener.ZmqListenerDefaults;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.listener.ZmqListenerLazyInitializationExcludeFilter;
import io.zmqstream.scheduling.ZmqScheduledAnnotationBeanPostProcessor;
import io.zmqstream.scheduling.ZmqScheduledLazyInitializationExcludeFilter;
import io.zmqstream.scheduling.ZmqScheduledTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers every {@link ZmqListener} method without an {@code @Enable...} annotation: the
 * post-processor that finds them, the registry that runs them, and, with Jackson 3, the codec of
 * their JSON parameters and replies, built on the application's {@code JsonMapper}, and each stream's
 * settings for failed listeners ({@code zmq.streams.<name>.listener}), and, with
 * {@code spring.threads.virtual.enabled=true} on Java 21 or later, the virtual-thread executor of
 * listeners that ask for one; and the {@code @ZmqScheduled} methods, which run on the loop. Listener
 * beans start with the application even under {@code spring.main.lazy-initialization}.
 */
@Configuration(proxyBeanMethods = false)
class ZmqListenerConfiguration {

    @Bean
    static ZmqListenerAnnotationBeanPostProcessor zmqListenerAnnotationBeanPostProcessor() {
        return new ZmqListenerAnnotationBeanPostProcessor();
    }

    @Bean
    static ZmqScheduledAnnotationBeanPostProcessor zmqScheduledAnnotationBeanPostProcessor() {
        return new ZmqScheduledAnnotationBeanPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    ZmqScheduledTasks zmqScheduledTasks(ZmqIoLoop loop) {
        return new ZmqScheduledTasks(loop);
    }

    @Bean
    static ZmqListenerLazyInitializationExcludeFilter zmqListenerLazyInitializationExcludeFilter() {
        return new ZmqListenerLazyInitializationExcludeFilter();
    }

    @Bean
    static ZmqScheduledLazyInitializationExcludeFilter zmqScheduledLazyInitializationExcludeFilter() {
        return new ZmqScheduledLazyInitializationExcludeFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    ZmqListenerEndpointRegistry zmqListenerEndpointRegistry() {
        return new ZmqListenerEndpointRegistry();
    }

    /** Each stream's zmq.streams.<name>.listener settings: retries and dead letters, unless a listener says otherwise. */
    @Bean
    @ConditionalOnMissingBean
    ZmqListenerDefaults zmqListenerDefaults(ZmqProperties properties) {
        return streamName -> {
            ZmqProperties.Stream stream = properties.getStreams().get(streamName);
            return stream != null ? stream.getListener() : new StreamListenerProperties();
        };
    }

    /** The executor of listeners with virtualThreads = true: a virtual thread per message, on Java 21 and later. */
    @Bean(ZmqListener.VIRTUAL_THREAD_EXECUTOR)
    @ConditionalOnThreading(Threading.VIRTUAL)
    VirtualThreadTaskExecutor zmqListenerVirtualThreadExecutor() {
        return new VirtualThreadTaskExecutor("zmq-listener-");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapper.class)
    static class JacksonCodecConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JsonPayloadCodec zmqJsonPayloadCodec(ObjectProvider<JsonMapper> mapper) {
            return new JacksonPayloadCodec(mapper.getIfAvailable(JsonMapper::shared));
        }
    }
}
