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

    /**
     * Starts the application with {@code profile} and the given {@code key=value} properties, which
     * are command-line arguments: they win over the application's YAML, as an operator's would.
     */
    static ConfigurableApplicationContext start(String profile, String... properties) {
        String[] arguments = new String[properties.length];
        for (int i = 0; i < properties.length; i++) {
            arguments[i] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(PatternsApplication.class).profiles(profile).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off").run(arguments);
    }

    /** Where a stream of the application bound, such as the port chosen for {@code *}. */
    static String endpoint(ConfigurableApplicationContext application, String stream) {
        return PeerSockets.boundEndpoint(application.getBean(stream, ZMQStream.class));
    }
}
