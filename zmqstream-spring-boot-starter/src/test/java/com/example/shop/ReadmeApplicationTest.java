package com.example.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Spring Boot in three steps" and "Testing your listeners", pasted into a new
 * application: this package holds exactly their snippets, and this test checks they are still the
 * README's; {@code OrderListenerTest}, the second, runs the application the first makes. The
 * template's example is the sample's {@code QuoteController}, which the sample's tests run.
 */
class ReadmeApplicationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src", "test");
    /** The sample's {@code POST /quotes}, which the README shows as the template's example. */
    private static final Path QUOTE_CONTROLLER = Path.of("..", "sample-app", "src", "main", "java", "io", "zmqstream",
            "sample", "quotes", "QuoteController.java");
    /** How far a numbered step's blocks are indented. */
    private static final String STEP_INDENT = "   ";

    @Test
    void theSnippetsAreTheReadmesOwn() throws IOException {
        String steps = section(Files.readString(README), "## Spring Boot in three steps");
        assertThat(snippet(steps, "yaml", STEP_INDENT)).isEqualTo(Files.readString(SOURCES.resolve("resources/application.yml")));
        String listener = Files.readString(SOURCES.resolve("java/com/example/shop/OrderListener.java"));
        assertThat(snippet(steps, "java", STEP_INDENT)).isEqualTo(listener.substring(listener.indexOf("import ")));
    }

    @Test
    void theTestIsTheReadmesOwn() throws IOException {
        String testing = section(Files.readString(README), "## Testing your listeners");
        String test = Files.readString(SOURCES.resolve("java/com/example/shop/OrderListenerTest.java"));
        assertThat(snippet(testing, "java", STEP_INDENT)).isEqualTo(test.substring(test.indexOf("import ")));
    }

    @Test
    void theTemplatesExampleIsTheSamplesQuoteController() throws IOException {
        String requests = section(Files.readString(README), "## Request/reply from application code");
        String controller = Files.readString(QUOTE_CONTROLLER);
        assertThat(snippet(requests, "java", "")).isEqualTo(controller.substring(controller.indexOf("import ")));
    }

    /** The README from a heading to the next heading of its level. */
    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        assertThat(start).as("README heading %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The first fenced block of a language, the indent of its place (a numbered step's) taken off. */
    private static String snippet(String section, String language, String indent) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)\n *```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("a %s snippet", language).isTrue();
        return (indent.isEmpty() ? block.group(1) : block.group(1).replaceAll("(?m)^" + indent, "")) + "\n";
    }
}
