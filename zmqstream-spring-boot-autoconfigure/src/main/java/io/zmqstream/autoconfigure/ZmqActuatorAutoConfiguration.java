package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.JeroMqFailures;
import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.actuate.SecretKeySanitizer;
import io.zmqstream.actuate.ProxyDescriptions;
import io.zmqstream.actuate.StreamDescriptions;
import io.zmqstream.actuate.ZmqEndpoint;
import io.zmqstream.actuate.ZmqEndpointWebExtension;
import io.zmqstream.actuate.ZmqHealthIndicator;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.template.ZmqTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

/**
 * The actuator side of ZeroMQ streams, each part when the application has it: the {@code zmq}
 * endpoint (spring-boot-actuator), the {@code zmq} health indicator (spring-boot-health), and the
 * masking of secret keys in the {@code env} and {@code configprops} endpoints.
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class)
@ConditionalOnClass(ZContext.class)
@ConditionalOnBean({ ZmqIoLoop.class, LoopLagMonitor.class })
public class ZmqActuatorAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does this. */
    public ZmqActuatorAutoConfiguration() {
    }

    /**
     * What the endpoint and the health indicator show.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     * @param listeners the listener registry
     * @param proxyLoops the dedicated loops of proxies, whose streams are shown too
     * @param template the template, whose requests are shown with their streams
     * @return the descriptions
     */
    @Bean
    @ConditionalOnMissingBean
    public StreamDescriptions zmqStreamDescriptions(ZmqIoLoop loop, LoopLagMonitor lag,
            ObjectProvider<ZmqListenerEndpointRegistry> listeners, ObjectProvider<ProxyLoops> proxyLoops,
            ObjectProvider<ZmqTemplate> template) {
        ProxyLoops dedicated = proxyLoops.getIfAvailable();
        return new StreamDescriptions(loop, lag, listeners, dedicated == null ? List.of() : dedicated.getLoops(),
                () -> {
                    ZmqTemplate requests = template.getIfAvailable();
                    return requests == null ? Map.of() : requests.getRequesters();
                });
    }

    /** The {@code zmq} endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(ZmqEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ZmqEndpoint zmqEndpoint(StreamDescriptions descriptions, ObjectProvider<ZmqProxyRegistry> proxies) {
            ZmqProxyRegistry registry = proxies.getIfAvailable();
            return new ZmqEndpoint(descriptions, registry == null ? null : new ProxyDescriptions(registry));
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(ZmqEndpoint.class)
        ZmqEndpointWebExtension zmqEndpointWebExtension(ZmqEndpoint endpoint) {
            return new ZmqEndpointWebExtension(endpoint);
        }
    }

    /** The {@code zmq} health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("zmq")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "zmqHealthIndicator")
        ZmqHealthIndicator zmqHealthIndicator(StreamDescriptions descriptions, ZmqProperties properties,
                ObjectProvider<JeroMqFailures> failures) {
            return new ZmqHealthIndicator(descriptions, SharedLoopFactory.maxLag(properties.getIoLoop()),
                    maxTimeWithoutPeer(properties), failures.getIfAvailable());
        }

        private static Map<String, Duration> maxTimeWithoutPeer(ZmqProperties properties) {
            Map<String, Duration> limits = new LinkedHashMap<>();
            properties.getStreams().forEach((name, stream) -> {
                if (stream.getMaxTimeWithoutPeer() != null) {
                    limits.put(name, stream.getMaxTimeWithoutPeer());
                }
            });
            return limits;
        }
    }

    /** Secret keys masked in the {@code env} and {@code configprops} endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SanitizingConfiguration {

        @Bean
        SecretKeySanitizer zmqSecretKeySanitizer() {
            return new SecretKeySanitizer();
        }
    }
}
