package com.example.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's "Spring Boot in three steps", pasted into a new application: this package holds
 * exactly its snippets (the test checks they are still the README's), and the application they make
 * starts, receives an order as JSON and sends its audit record.
 */
@SpringBootTest(classes = ShopApplication.class)
class ReadmeApplicationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src", "test");

    @Autowired
    private ZContext context;

    @Test
    void theSnippetsAreTheReadmesOwn() throws IOException {
        String steps = section(Files.readString(README), "## Spring Boot in three steps");
        assertThat(snippet(steps, "yaml")).isEqualTo(Files.readString(SOURCES.resolve("resources/application.yml")));
        String listener = Files.readString(SOURCES.resolve("java/com/example/shop/OrderListener.java"));
        assertThat(snippet(steps, "java")).isEqualTo(listener.substring(listener.indexOf("import ")));
    }

    @Test
    void theApplicationReceivesAnOrderAndSendsItsAudit() {
        try (ZMQ.Socket orders = context.createSocket(SocketType.PUSH);
                ZMQ.Socket audit = context.createSocket(SocketType.SUB)) {
            audit.subscribe(new byte[0]);
            audit.setReceiveTimeOut(200);
            audit.connect("tcp://127.0.0.1:5556");
            orders.connect("tcp://127.0.0.1:5555");
            // A subscriber misses what is published before its subscription arrives: order again until it hears.
            String[] heard = new String[1];
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                orders.send("{\"id\":\"42\"}");
                heard[0] = audit.recvStr();
                return heard[0] != null;
            });
            assertThat(heard[0]).isEqualTo("{\"orderId\":\"42\"}");
        }
    }

    /** The README from a heading to the next heading of its level. */
    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        assertThat(start).as("README heading %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The first fenced block of a language in a numbered step, its three-space indent taken off. */
    private static String snippet(String section, String language) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)\n *```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("a %s snippet", language).isTrue();
        return block.group(1).replaceAll("(?m)^   ", "") + "\n";
    }
}
