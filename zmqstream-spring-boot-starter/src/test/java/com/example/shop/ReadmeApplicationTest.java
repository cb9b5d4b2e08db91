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
 * README's; {@code OrderListenerTest}, the second, runs the application the first makes.
 */
class ReadmeApplicationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src", "test");

    @Test
    void theSnippetsAreTheReadmesOwn() throws IOException {
        String steps = section(Files.readString(README), "## Spring Boot in three steps");
        assertThat(snippet(steps, "yaml")).isEqualTo(Files.readString(SOURCES.resolve("resources/application.yml")));
        String listener = Files.readString(SOURCES.resolve("java/com/example/shop/OrderListener.java"));
        assertThat(snippet(steps, "java")).isEqualTo(listener.substring(listener.indexOf("import ")));
    }

    @Test
    void theTestIsTheReadmesOwn() throws IOException {
        String testing = section(Files.readString(README), "## Testing your listeners");
        String test = Files.readString(SOURCES.resolve("java/com/example/shop/OrderListenerTest.java"));
        assertThat(snippet(testing, "java")).isEqualTo(test.substring(test.indexOf("import ")));
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
