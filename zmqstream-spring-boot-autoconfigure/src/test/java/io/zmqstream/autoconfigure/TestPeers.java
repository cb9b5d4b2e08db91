package io.zmqstream.autoconfigure;

import io.zmqstream.PeerSockets;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The core's real peer sockets, and the context runner every auto-configuration test starts from.
 */
public final class TestPeers extends PeerSockets {

    public static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class));
    }

    /** {@link #runner()} with the starter's meters on a real, simple {@code MeterRegistry}. */
    public static ApplicationContextRunner meteredRunner() {
        return runner().withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class,
                MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
    }
}
