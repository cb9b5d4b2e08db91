package io.zmqstream.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.JeroMqFailures;
import io.zmqstream.LoopLagMonitor;
import io.zmqstream.zap.ZapAuthenticator;
import io.zmqstream.zap.ZapHandler;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.ListenerInvocationObserver;
import io.zmqstream.metrics.JeroMqFailureMeters;
import io.zmqstream.metrics.ListenerObservations;
import io.zmqstream.metrics.ListenerTimers;
import io.zmqstream.metrics.ProxyMeters;
import io.zmqstream.metrics.RequestMeters;
import io.zmqstream.metrics.ScheduledTaskMeters;
import io.zmqstream.metrics.ZapMeters;
import io.zmqstream.metrics.ZmqMeterBinder;
import io.zmqstream.scheduling.ZmqScheduledTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.zeromq.ZContext;

/**
 * Micrometer for ZeroMQ streams, when the application has a {@code MeterRegistry}: meters of the
 * core's own counters for the loop and every named stream on it, and a {@code zmq.listener} timer per
 * {@code @ZmqListener} invocation, or, with {@code zmq.listener.observation-enabled=true} and an
 * {@code ObservationRegistry}, an Observation per invocation instead.
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(ZContext.class)
public class ZmqMetricsAutoConfiguration {

    private static final String OBSERVATION_ENABLED = "zmq.listener.observation-enabled";

    /** Creates the auto-configuration; Spring Boot does this. */
    public ZmqMetricsAutoConfiguration() {
    }

    /** Meters, when there is a meter registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({ MeterRegistry.class, ZmqIoLoop.class, LoopLagMonitor.class })
    static class MeterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ZmqMeterBinder zmqMeterBinder(ZmqIoLoop loop, LoopLagMonitor lag, ObjectProvider<ProxyLoops> proxyLoops) {
            ProxyLoops dedicated = proxyLoops.getIfAvailable();
            return new ZmqMeterBinder(loop, lag, dedicated == null ? List.of() : dedicated.getLoops());
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(JeroMqFailures.class)
        JeroMqFailureMeters zmqJeroMqFailureMeters(JeroMqFailures failures) {
            return new JeroMqFailureMeters(failures);
        }

        @Bean
        @ConditionalOnMissingBean
        ZapMeters zmqZapMeters(ObjectProvider<ZapHandler> zapHandler, ObjectProvider<ZapAuthenticator> authenticator,
                ZmqProperties properties) {
            boolean authenticatorPresent = authenticator.getIfAvailable() != null;
            Map<String, String> checked = new LinkedHashMap<>();
            properties.getStreams().forEach((name, stream) -> {
                String domain = StreamZapAccess.domainOf(name, stream, authenticatorPresent);
                if (domain != null) {
                    checked.put(name, domain);
                }
            });
            return new ZapMeters(zapHandler::getObject, checked);
        }

        /**
         * The proxies' meters.
         *
         * @param proxies the proxies of {@code zmq.proxies}
         * @return the binder
         */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(ZmqProxyRegistry.class)
        ProxyMeters zmqProxyMeters(ZmqProxyRegistry proxies) {
            return new ProxyMeters(proxies);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(ZmqScheduledTasks.class)
        ScheduledTaskMeters zmqScheduledTaskMeters(ZmqScheduledTasks tasks) {
            return new ScheduledTaskMeters(tasks);
        }

        @Bean
        @ConditionalOnMissingBean
        RequestMeters zmqRequestMeters(MeterRegistry registry) {
            return new RequestMeters(registry);
        }

        @Bean
        @ConditionalOnMissingBean(ListenerInvocationObserver.class)
        @ConditionalOnBooleanProperty(name = OBSERVATION_ENABLED, havingValue = false, matchIfMissing = true)
        ListenerTimers zmqListenerTimers(MeterRegistry registry) {
            return new ListenerTimers(registry);
        }
    }

    /** Observations of listener invocations, when asked for and there is an observation registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnBean(ObservationRegistry.class)
    @ConditionalOnBooleanProperty(OBSERVATION_ENABLED)
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean(ListenerInvocationObserver.class)
        ListenerObservations zmqListenerObservations(ObservationRegistry registry, ObjectProvider<MeterRegistry> meters) {
            return new ListenerObservations(registry, meters.getIfAvailable());
        }
    }

    /** Observed sends with their trace context frame on the streams that carry one, when there is an observation registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnBean(ObservationRegistry.class)
    static class TracingConfiguration {

        @Bean
        static TracedStreamsPostProcessor zmqTracedStreamsPostProcessor(ObjectProvider<ObservationRegistry> registry) {
            return new TracedStreamsPostProcessor(registry);
        }
    }

    /** Refuses a run-time zmq.listener.observation-enabled that AOT processing decided otherwise. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class AotCheckConfiguration {

        @Bean
        ObservationSettingAotCheck zmqObservationSettingAotCheck(Environment environment,
                ObjectProvider<ListenerInvocationObserver> observers, ObjectProvider<ObservationRegistry> registry) {
            return new ObservationSettingAotCheck(environment, observers, registry);
        }
    }
}
