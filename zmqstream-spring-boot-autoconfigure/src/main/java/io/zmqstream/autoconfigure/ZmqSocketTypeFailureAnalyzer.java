package io.zmqstream.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.zeromq.SocketType;

/**
 * Reports a {@code zmq.streams.<name>.type} that is no socket type, such as {@code pul}: the value,
 * the supported type nearest to it ("Did you mean 'pull'?") and the supported ones only, where
 * Spring Boot's own analyzer would list all of JeroMQ's, the draft ones a stream cannot have included.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ZmqSocketTypeFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern STREAM_TYPE = Pattern.compile("zmq\\.streams\\.[^.]+\\.type");

    /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
    public ZmqSocketTypeFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        if (property == null || !STREAM_TYPE.matcher(property.getName().toString()).matches()
                || !SocketType.class.equals(cause.getTarget().getType().resolve())) {
            return null;
        }
        String name = property.getName().toString();
        String written = String.valueOf(property.getValue());
        String description = String.format("The ZeroMQ property '%s' is '%s', which is no socket type%s", name, written,
                property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")");
        String action = StreamSocketTypes.closest(written)
                .map(type -> String.format("Did you mean '%s'? ", type.name().toLowerCase(Locale.ROOT)))
                .orElse("") + String.format("Set %s to one of %s (JeroMQ's draft types have no file descriptor "
                        + "that a loop could poll).", name, StreamSocketTypes.supportedList());
        return new FailureAnalysis(description, action, cause);
    }
}
