package io.zmqstream.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The first thing to run: a ROUTER stream that echoes every request and a DEALER stream that sends
 * one every half second, both declared in {@code application.yml} and driven by the shared loop.
 *
 * <p>Run with {@code ./mvnw -pl sample-app -am spring-boot:run}; stop with Ctrl-C, or pass
 * {@code -Dspring-boot.run.arguments=--sample.round-trips=3} to stop after three replies.
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the sample.
     *
     * @param args Spring Boot arguments, such as {@code --sample.round-trips=3}
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
