package io.zmqstream.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = "sample.request-period=50ms")
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {

    @Autowired
    private EchoClient client;

    @DynamicPropertySource
    static void freePort(DynamicPropertyRegistry registry) {
        int port = TestSocketUtils.findAvailableTcpPort();
        registry.add("sample.port", () -> port);
    }

    @Test
    void theRouterEchoesEveryRequestBackToTheDealer(CapturedOutput output) {
        await().atMost(Duration.ofSeconds(10)).until(() -> client.getReplies() >= 3);

        assertThat(output).contains("router <- hello 1 (from sample-client)", "dealer <- hello 1", "dealer <- hello 3");
    }
}
