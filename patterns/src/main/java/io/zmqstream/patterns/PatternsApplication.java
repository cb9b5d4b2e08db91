package io.zmqstream.patterns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ZeroMQ Guide's reliable patterns, one Spring profile each: {@code lbbroker} (the
 * load-balancing broker), {@code ppqueue} (the Paranoid Pirate queue) and {@code ppworker} (its
 * worker), {@code mdbroker} (the Majordomo broker) and {@code mdworker} (a Majordomo worker). Run one with {@code ./mvnw -pl patterns -am spring-boot:run
 * -Dspring-boot.run.profiles=ppqueue}; the Guide's own Python clients and workers talk to them
 * unchanged.
 */
@SpringBootApplication
public class PatternsApplication {

    /**
     * Starts the patterns of the active profiles.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(PatternsApplication.class, args);
    }
}
