package io.zmqstream.patterns;

import io.zmqstream.PeerSockets;
import io.zmqstream.ZMQStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The patterns application started as a user starts it, with one profile, in this JVM. */
final class PatternApplications {

    private PatternApplications() {
    }

    /** Starts the application with {@code profile} and the given {@code key=value} properties. */
    static ConfigurableApplicationContext start(String profile, String... properties) {
        return new SpringApplicationBuilder(PatternsApplication.class).profiles(profile).properties(properties)
                .web(WebApplicationType.NONE).run();
    }

    /** Where a stream of the application bound, such as the port chosen for {@code *}. */
    static String endpoint(ConfigurableApplicationContext application, String stream) {
        return PeerSockets.boundEndpoint(application.getBean(stream, ZMQStream.class));
    }
}
