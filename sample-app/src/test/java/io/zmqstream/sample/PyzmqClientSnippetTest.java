package io.zmqstream.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pyzmq client of {@code sample-app/README.md}, read from that file and run as it stands (its
 * port swapped for this run's), talks to the sample's echo service. Skipped, saying why, where
 * {@code /usr/bin/python3} has no pyzmq, except under {@code CI=true}, where that fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PyzmqClientSnippetTest {

    private static final Pattern SNIPPET = Pattern.compile("```bash\\n(python3 -c '.*?')\\n```", Pattern.DOTALL);

    /** The port the echo stream is bound to, as the starter publishes it for tests. */
    @Value("${local.zmq.streams.echo.port}")
    private int echoPort;

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        SamplePorts.register(registry);
    }

    @BeforeAll
    static void pyzmqInstalled() throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import zmq").redirectErrorStream(true).start();
        boolean installed = python.waitFor(30, TimeUnit.SECONDS) && python.exitValue() == 0;
        String why = "/usr/bin/python3 cannot import zmq; install it with: apt-get install -y python3-zmq";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as(why + " (CI=true requires it)").isTrue();
        }
        Assumptions.assumeTrue(installed, why);
    }

    @Test
    void theReadmesPyzmqClientGetsItsEchoBack(CapturedOutput output) throws Exception {
        Matcher snippet = SNIPPET.matcher(Files.readString(Path.of("README.md")));
        assertThat(snippet.find()).as("a python3 -c block in sample-app/README.md").isTrue();
        String command = snippet.group(1).replace("tcp://127.0.0.1:5555", "tcp://127.0.0.1:" + echoPort);

        ProcessBuilder snippetRun = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        // The snippet's python3 is the one checked above, whatever else the PATH holds.
        snippetRun.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        Process python = snippetRun.start();

        assertThat(python.waitFor(20, TimeUnit.SECONDS)).as("the snippet finished").isTrue();
        assertThat(new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("hello from pyzmq\n");
        await().until(() -> output.toString().contains("router <- hello from pyzmq (from "));
    }
}
