package io.zmqstream.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.autoconfigure.ZmqMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applications with a real tracer: Brave through Boot's tracing auto-configuration, every trace
 * sampled, listener and template observations on, and the spans each finished kept for the test.
 */
public final class TracedApplications {

    private TracedApplications() {
    }

    /** The runner of such an application, streams to be added. */
    public static ApplicationContextRunner runner() {
        return TestPeers.runner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ObservationAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class,
                        ZmqMetricsAutoConfiguration.class))
                .withUserConfiguration(CollectedSpans.class)
                .withPropertyValues("management.tracing.sampling.probability=1.0",
                        "zmq.listener.observation-enabled=true", "zmq.template.observation-enabled=true");
    }

    /** The spans the application's tracer finished so far. */
    public static List<MutableSpan> spans(ApplicationContext context) {
        return context.getBean(CollectedSpans.class).spans;
    }

    /** Keeps every span the application's tracer finishes. */
    @Configuration(proxyBeanMethods = false)
    static class CollectedSpans {

        final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

        @Bean
        SpanHandler collectingSpanHandler() {
            return new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    spans.add(span);
                    return true;
                }
            };
        }
    }
}
