package io.zmqstream.interop;

import io.zmqstream.autoconfigure.ZmqAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Java side of an interop test: the starter's auto-configuration and Jackson's, with streams
 * read from a YAML file under {@code src/test/resources/interop}, as an application reads its
 * {@code application.yml}. Each file holds one document per Spring profile; the test picks one
 * and supplies what only the run knows (a pyzmq peer's port) as properties the YAML refers to.
 */
final class InteropApplication {

    private InteropApplication() {
    }

    /**
     * A runner for the application {@code yaml}'s document for {@code profile} describes.
     *
     * @param properties {@code key=value} pairs the YAML's placeholders refer to
     */
    static ApplicationContextRunner of(String yaml, String profile, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.config.location=classpath:interop/" + yaml, "spring.profiles.active=" + profile)
                .withPropertyValues(properties);
    }
}
