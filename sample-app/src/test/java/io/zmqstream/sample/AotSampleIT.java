package io.zmqstream.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample, AOT-processed by the build, started as users start it with
 * {@code java -Dspring.aot.enabled=true -jar}: every pattern carries traffic, the actuator shows it,
 * {@code POST /orders} is priced, and SIGTERM stops it; a run-time property that contradicts a decision
 * AOT processing made at build time stops it at start-up, naming the property.
 */
class AotSampleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A frame of a printed stack trace, or the exception line that heads one. */
    private static final Pattern STACK_TRACE_LINE = Pattern.compile("^\\s+at [\\w$.]+\\(|^([a-z]\\w*\\.)+\\w*(Exception|Error)\\b");

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process sample;

    @AfterEach
    void stop() throws InterruptedException {
        if (sample != null && sample.isAlive()) {
            sample.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theAotProcessedJarServesEveryPatternAndStopsOnSigterm() throws Exception {
        int http = TestSocketUtils.findAvailableTcpPort();
        start("--server.port=" + http, "--sample.request-period=50ms", "--sample.tick-period=20ms",
                "--sample.order-period=100ms");

        await().atMost(TIMEOUT).until(() -> output.stream().anyMatch(line -> line.contains("Sample ready")));
        assertThat(output).anyMatch(line -> line.contains("Starting AOT-processed SampleApplication"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode streams = get(http, "/actuator/zmq").get("streams");
            assertThat(streams.get("echo").get("messagesReceived").asLong()).isPositive();
            assertThat(streams.get("client").get("messagesReceived").asLong()).isPositive();
            assertThat(streams.get("prices").get("messagesReceived").asLong()).isPositive();
            assertThat(streams.get("receipts").get("messagesReceived").asLong()).isPositive();
        });
        HttpResponse<String> receipt = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + http + "/orders")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\",\"quantity\":3,\"unitPrice\":1.50}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(receipt.body()).get("pricedOn").asString()).isEqualTo("sample-ioloop");
        assertThat(get(http, "/actuator/health").get("components").get("zmq").get("status").asString()).isEqualTo("UP");
        assertThat(get(http, "/actuator/metrics/zmq.messages.received?tag=stream:receipts").get("measurements").get(0)
                .get("value").asDouble()).isPositive();

        sample.destroy();
        assertThat(sample.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        assertThat(output).noneMatch(line -> line.contains(" ERROR "));
        // JeroMQ's own threads print stack traces to stderr unless their context's handlers are set.
        assertThat(output).as("stack traces in the output").noneMatch(line -> STACK_TRACE_LINE.matcher(line).find());
    }

    @Test
    void aRunTimePropertyThatTheBuildDecidedOtherwiseFailsStartUpNamingIt() throws Exception {
        // application.yml turns listener observations on (the traced pipeline needs them); the build decided so.
        start("--server.port=" + TestSocketUtils.findAvailableTcpPort(), "--zmq.listener.observation-enabled=false");

        assertThat(sample.waitFor(60, TimeUnit.SECONDS)).as("refused to start").isTrue();
        assertThat(sample.exitValue()).isNotZero();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(String.join("\n", output))
                .contains("zmq.listener.observation-enabled", "is false at run time, but the application was AOT-processed")
                .doesNotContain("Sample ready"));
    }

    /** Starts the jar AOT-processed on free ports, with the given arguments, its output collected. */
    private void start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dspring.aot.enabled=true", "-jar", System.getProperty("sample.jar")));
        command.addAll(List.of(arguments));
        for (String stream : SamplePorts.NAMES) {
            command.add("--sample.ports." + stream + "=" + TestSocketUtils.findAvailableTcpPort());
        }
        sample = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::collectOutput, "aot-sample-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(sample.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        }
        catch (IOException ex) {
            output.add("output ended: " + ex);
        }
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
