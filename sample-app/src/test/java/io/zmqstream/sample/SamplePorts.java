package io.zmqstream.sample;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/** Free tcp ports for the sample's streams, so that its tests run beside a sample that already runs. */
final class SamplePorts {

    private SamplePorts() {
    }

    /** Gives each of {@code sample.ports.*} a free port. */
    static void register(DynamicPropertyRegistry registry) {
        for (String stream : new String[] {"echo", "ticker", "orders", "receipts", "pricing"}) {
            int port = TestSocketUtils.findAvailableTcpPort();
            registry.add("sample.ports." + stream, () -> port);
        }
    }
}
