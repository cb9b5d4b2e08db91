package io.zmqstream.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A whole Spring Boot application whose PULL and PUSH streams come from application-pushpull.yml. */
@SpringBootTest
@ActiveProfiles("pushpull")
class ZmqStreamsSpringBootTest {

    private static final int MESSAGES = 1_000;

    @Autowired
    @Qualifier("work-in")
    private ZMQStream workIn;

    @Autowired
    @Qualifier("work-out")
    private ZMQStream workOut;

    @Autowired
    private ZmqIoLoop loop;

    @DynamicPropertySource
    static void freePort(DynamicPropertyRegistry registry) {
        // Chosen once: the supplier runs each time the property is read, by bind and connect alike.
        int port = TestSocketUtils.findAvailableTcpPort();
        registry.add("pushpull.port", () -> port);
    }

    @Test
    void aThousandMessagesSentOnThePushStreamAllArriveOnThePullStreamInOrder() {
        List<String> received = new CopyOnWriteArrayList<>();
        workIn.onRecv(frames -> received.add(text(frames.get(0))));

        for (int i = 0; i < MESSAGES; i++) {
            workOut.sendString("job " + i);
        }

        await().atMost(TIMEOUT).until(() -> received.size() == MESSAGES);
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(i -> "job " + i).toList());
        assertThat(workIn.getStatistics().getMessagesReceived()).isEqualTo(MESSAGES);
        assertThat(workOut.getStatistics().getMessagesSent()).isEqualTo(MESSAGES);
    }

    @Test
    void theYamlSettingsShapedTheSharedLoopAndBothStreams() {
        assertThat(loop.getThreadName()).isEqualTo("pushpull-loop");
        assertThat(workIn.getIoLoop()).isSameAs(loop);
        assertThat(workOut.getIoLoop()).isSameAs(loop);
        assertThat(workOut.getSendQueueOptions().capacity()).isEqualTo(2_000);
        assertThat(workIn.getName()).isEqualTo("work-in");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PushPullApplication {
    }
}
