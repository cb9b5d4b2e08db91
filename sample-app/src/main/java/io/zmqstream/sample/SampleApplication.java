package io.zmqstream.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The first thing to run: every pattern the starter serves, each declared in {@code application.yml}
 * and driven by the shared loop. A ROUTER echo service and its DEALER client; a PUB ticker on a timer
 * and a SUB listener to one of its two topics; a PUSH/PULL pipeline that prices JSON orders, fed by a
 * timer and by {@code POST /orders}; the actuator on loopback. {@code sample-app/README.md} says what
 * each part shows.
 *
 * <p>Run with {@code ./mvnw -pl sample-app -am spring-boot:run}; stop with Ctrl-C, or pass
 * {@code -Dspring-boot.run.arguments=--sample.round-trips=3} to stop after three echo replies.
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
