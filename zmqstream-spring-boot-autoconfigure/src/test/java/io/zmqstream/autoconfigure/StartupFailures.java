package io.zmqstream.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.annotation.Configuration;

import static io.zmqstream.autoconfigure.TestPeers.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** Start-ups that fail: what one failure analyzer says of them, or Boot's whole report from a real run. */
final class StartupFailures {

    private StartupFailures() {
    }

    /** What {@code analyzer} says of the failure of a context with these properties; the context must fail. */
    static FailureAnalysis analysis(FailureAnalyzer analyzer, String... properties) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner().withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = analyzer.analyze(context.getStartupFailure());
        });
        return analysis[0];
    }

    /** Runs an application with the auto-configuration and {@code sources}, which Boot's report follows if it fails. */
    static void start(Class<?>[] sources, String... args) {
        Class<?>[] all = new Class<?>[sources.length + 1];
        all[0] = App.class;
        System.arraycopy(sources, 0, all, 1, sources.length);
        SpringApplication application = new SpringApplication(all);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args).close();
    }

    /** Like {@link #start(Class[], String...)} with the auto-configuration alone. */
    static void start(String... args) {
        start(new Class<?>[0], args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
