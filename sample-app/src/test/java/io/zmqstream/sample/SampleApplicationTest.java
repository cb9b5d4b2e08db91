package io.zmqstream.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zmqstream.sample.echo.EchoClient;
import io.zmqstream.sample.orders.OrderDesk;
import io.zmqstream.sample.orders.OrderFeed;
import io.zmqstream.sample.orders.Receipt;
import io.zmqstream.sample.ticker.PriceTicker;
import io.zmqstream.sample.ticker.PriceWatcher;
import io.zmqstream.test.context.ListenerInvocation;
import io.zmqstream.test.context.ZmqListenerInvocations;
import io.zmqstream.test.context.ZmqTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample end to end, on random ports: every pattern carries traffic, as the listeners' captured
 * calls show, {@code POST /orders} goes through the pipeline, and the actuator's counts are the
 * traffic the application saw. The last test stops the traffic, so it runs last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sample.request-period=50ms", "sample.tick-period=20ms", "sample.order-period=100ms"})
@ZmqTest(captureInvocations = true)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private EchoClient client;

    @Autowired
    private PriceTicker ticker;

    @Autowired
    private PriceWatcher watcher;

    @Autowired
    private OrderDesk desk;

    @Autowired
    private OrderFeed feed;

    @Autowired
    private ZmqListenerInvocations invocations;

    @LocalServerPort
    private int httpPort;

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        SamplePorts.register(registry);
    }

    @Test
    @Order(1)
    void theRouterEchoesEveryRequestBackToTheDealer(CapturedOutput output) throws InterruptedException {
        ListenerInvocation echo = invocations.awaitInvocations("echoServer.echo", 1).get(0);

        assertThat(echo.result()).isEqualTo(echo.argument(1));
        await().atMost(TIMEOUT).until(() -> invocations.getInvocations("echoClient.onReply").stream()
                .anyMatch(reply -> reply.argument(0).equals(echo.result())));
        assertThat(output).contains("router <- " + echo.result() + " (from sample-client)", "dealer <- " + echo.result());
    }

    @Test
    @Order(1)
    void theSubscriberGetsThePricesAndNoneOfTheNews() throws InterruptedException {
        List<ListenerInvocation> prices = invocations.awaitInvocations("priceWatcher.onPrice", 20);

        // The ticker publishes a price and a headline per tick; the subscriber gets the prices only.
        assertThat(prices).extracting(price -> (String) price.argument(0)).allMatch(price -> price.startsWith("price.EURUSD "));
        assertThat(watcher.getPrices()).isLessThanOrEqualTo(ticker.getTicks());
    }

    @Test
    @Order(1)
    void theTimerOnTheLoopFeedsThePipelineAndLogsEachReceipt(CapturedOutput output) throws InterruptedException {
        List<ListenerInvocation> receipts = invocations.awaitInvocations("orderDesk.onReceipt", 3);

        assertThat(receipts).extracting(receipt -> ((Receipt) receipt.argument(0)).pricedOn()).containsOnly("sample-ioloop");
        Receipt third = (Receipt) receipts.get(2).argument(0);
        await().atMost(TIMEOUT).until(() -> output.toString().contains("pull   <- receipt #" + third.id() + ": "));
        assertThat(output).containsPattern("pull   <- receipt #\\d+: \\d+ x \\w+ = [0-9.]+ \\(priced on sample-ioloop\\)");
    }

    @Test
    @Order(1)
    void anOrderPostedOverHttpComesBackPricedByTheWorkerOnTheLoop() throws Exception {
        HttpResponse<String> response = post("/orders", "{\"item\":\"tea\",\"quantity\":3,\"unitPrice\":1.50}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode receipt = JsonMapper.shared().readTree(response.body());
        assertThat(receipt.get("item").asString()).isEqualTo("tea");
        assertThat(receipt.get("quantity").asInt()).isEqualTo(3);
        assertThat(receipt.get("total").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(receipt.get("pricedOn").asString()).isEqualTo("sample-ioloop");
        assertThat(receipt.get("id").asLong()).isPositive();
    }

    @Test
    @Order(1)
    void aQuotePostedOverHttpIsTheReplyOfThePricingServiceThroughTheTemplate(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/quotes", "{\"item\":\"cake\",\"quantity\":2}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode quote = JsonMapper.shared().readTree(response.body());
        assertThat(quote.get("item").asString()).isEqualTo("cake");
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(output).contains("rep    <- quote for 2 x cake");
    }

    @Test
    @Order(1)
    void anOrderPostedOverHttpItsWorkerAndItsReceiptAreOneTraceWhoseIdEachLogLineShows(CapturedOutput output)
            throws Exception {
        HttpResponse<String> response = post("/orders", "{\"item\":\"cake\",\"quantity\":1,\"unitPrice\":3.00}");

        long id = JsonMapper.shared().readTree(response.body()).get("id").asLong();
        await().atMost(TIMEOUT).until(() -> output.toString().contains("desk   <- receipt #" + id + "\n"));
        String placed = traceIdOfLine(output, "desk   -> order #" + id + ":");
        String received = traceIdOfLine(output, "desk   <- receipt #" + id + "\n");
        assertThat(placed).matches("[0-9a-f]{32}").isEqualTo(received);
    }

    /** The 32-hex-digit trace id of the log line that holds {@code text}. */
    private static String traceIdOfLine(CapturedOutput output, String text) {
        String log = output.toString();
        int at = log.indexOf(text);
        assertThat(at).as("a log line with %s", text).isNotNegative();
        String line = log.substring(log.lastIndexOf('\n', at) + 1, at);
        Matcher traceId = Pattern.compile("\\b([0-9a-f]{32})\\b").matcher(line);
        assertThat(traceId.find()).as("a trace id on the line %s", line).isTrue();
        return traceId.group(1);
    }

    @Test
    @Order(1)
    void anOrderWithoutQuantityIsRefusedBeforeItEntersThePipeline() throws Exception {
        long placed = desk.getPlaced();

        HttpResponse<String> response = post("/orders", "{\"item\":\"tea\",\"quantity\":0,\"unitPrice\":1.50}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(desk.getPlaced()).as("orders placed by the feed meanwhile only").isGreaterThanOrEqualTo(placed);
    }

    @Test
    @Order(1)
    void everyFifthOrderFailsOnceAndIsPricedOnItsRetry(CapturedOutput output) throws Exception {
        long id;
        HttpResponse<String> response;
        do {
            response = post("/orders", "{\"item\":\"tea\",\"quantity\":1,\"unitPrice\":1.50}");
            assertThat(response.statusCode()).isEqualTo(200);
            id = JsonMapper.shared().readTree(response.body()).get("id").asLong();
        }
        while (id % 5 != 0);

        assertThat(JsonMapper.shared().readTree(response.body()).get("total").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(output).contains("worker !! order #" + id + ": the price list is being refreshed");
        assertThat(get("/actuator/metrics/zmq.listener.retries?tag=listener.id:orderWorker.price").get("measurements")
                .get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(1)
    void aBulkOrderIsRefusedForGoodAndItsDeadLetterAnswersTheRequestAtOnce(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/orders", "{\"item\":\"croissant\",\"quantity\":500,\"unitPrice\":1.25}");

        assertThat(response.statusCode()).isEqualTo(422);
        Matcher refused = Pattern.compile("order #(\\d+) was refused: 500 x croissant is a bulk order, more than 100")
                .matcher(response.body());
        assertThat(refused.find()).as(response.body()).isTrue();
        assertThat(output).contains("dead   <- order #" + refused.group(1) + " after 1 attempt(s): 500 x croissant is a "
                + "bulk order, more than 100 (io.zmqstream.sample.orders.BulkOrderException)");
    }

    @Test
    @Order(1)
    void theZmqHealthIsUpAndPrometheusShowsEveryZmqMeter() throws Exception {
        await().atMost(TIMEOUT).until(() -> client.getReplies() >= 1 && desk.getPlaced() >= 1);

        assertThat(get("/actuator/health").get("components").get("zmq").get("status").asString()).isEqualTo("UP");
        String prometheus = getText("/actuator/prometheus");
        JsonNode names = get("/actuator/metrics").get("names");
        int zmqMeters = 0;
        for (JsonNode name : names) {
            if (name.asString().startsWith("zmq.")) {
                zmqMeters++;
                assertThat(prometheus).as(name.asString()).contains(name.asString().replace('.', '_'));
            }
        }
        assertThat(zmqMeters).isGreaterThanOrEqualTo(8);
        assertThat(prometheus).contains("zmq_messages_received_total{", "zmq_received_bytes_total{",
                "stream=\"order-intake\"");
        // No Prometheus name repeats a word, as zmq_messages_received_messages_total did.
        prometheus.lines().filter(line -> line.startsWith("zmq_")).map(line -> line.split("[{ ]")[0]).distinct()
                .forEach(name -> assertThat(Arrays.stream(name.split("_")).distinct().count())
                        .as(name).isEqualTo(name.split("_").length));
    }

    @Test
    @Order(2)
    void onceTheTrafficStopsTheActuatorCountsAreExactlyTheTrafficTheApplicationSaw() throws Exception {
        client.stop();
        ticker.stop();
        feed.stop();
        // What was sent before the stop arrives; then every count settles.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode streams = get("/actuator/zmq").get("streams");
            assertThat(sent(streams, "client")).isEqualTo(client.getRequests());
            assertThat(received(streams, "echo")).isEqualTo(client.getRequests());
            assertThat(sent(streams, "echo")).isEqualTo(client.getRequests());
            assertThat(received(streams, "client")).isEqualTo(client.getReplies()).isEqualTo(client.getRequests());

            assertThat(sent(streams, "ticker")).isEqualTo(2 * ticker.getTicks());
            assertThat(received(streams, "prices")).isEqualTo(watcher.getPrices());

            assertThat(sent(streams, "orders")).isEqualTo(desk.getPlaced());
            assertThat(received(streams, "order-intake")).isEqualTo(desk.getPlaced());
            // The one bulk order went to the dead letters; every other order has its receipt.
            assertThat(sent(streams, "dead-letters")).isEqualTo(1);
            assertThat(received(streams, "dead-letter-intake")).isEqualTo(1);
            assertThat(sent(streams, "order-results")).isEqualTo(desk.getPlaced() - 1);
            assertThat(received(streams, "receipts")).isEqualTo(desk.getPlaced() - 1);
        });
        JsonNode zmq = get("/actuator/zmq");
        assertThat(zmq.get("loop").get("thread").asString()).isEqualTo("sample-ioloop");
        assertThat(zmq.get("streams").get("echo").get("type").asString()).isEqualTo("ROUTER");
        assertThat(zmq.get("streams").get("receipts").get("listeners").get(0).get("id").asString())
                .isEqualTo("orderDesk.onReceipt");
        JsonNode metered = get("/actuator/metrics/zmq.messages.received?tag=stream:receipts");
        assertThat(metered.get("measurements").get(0).get("value").asLong()).isEqualTo(desk.getPlaced() - 1);
    }

    private static long sent(JsonNode streams, String stream) {
        return streams.get(stream).get("messagesSent").asLong();
    }

    private static long received(JsonNode streams, String stream) {
        return streams.get(stream).get("messagesReceived").asLong();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JsonMapper.shared().readTree(getText(path));
    }

    private String getText(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
