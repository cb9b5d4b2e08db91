package io.zmqstream.sample;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/** Free tcp ports for the sample's streams, so that its tests run beside a sample that already runs. */
final class SamplePorts {

    private SamplePorts() {
    }

    /** The names under {@code sample.ports}: one tcp port each. */
    static final List<String> NAMES = List.of("echo", "ticker", "orders", "receipts", "pricing", "dead-letters");

    /** Gives each of {@code sample.ports.*} a free port. */
    static void register(DynamicPropertyRegistry registry) {
        for (String stream : NAMES) {
            int port = TestSocketUtils.findAvailableTcpPort();
            registry.add("sample.ports." + stream, () -> port);
        }
    }
}
