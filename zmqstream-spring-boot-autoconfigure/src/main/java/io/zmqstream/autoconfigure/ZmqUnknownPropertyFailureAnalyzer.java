package io.zmqstream.autoconfigure;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a property under {@code zmq} that no setting has, a typo such as
 * {@code zmq.streams.orders.send-hmw}: where it was written, the closest valid key ("did you mean
 * {@code send-hwm}?") and every key valid there. Spring Boot refuses such a property because
 * {@link ZmqProperties} binds with {@code ignoreUnknownFields = false}; this analyzer runs before
 * Boot's own, which would only list the property.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ZmqUnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
    public ZmqUnknownPropertyFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        List<ConfigurationProperty> unbound = cause.getUnboundProperties().stream()
                .sorted((a, b) -> a.getName().toString().compareTo(b.getName().toString())).toList();
        StringBuilder description = new StringBuilder();
        StringBuilder action = new StringBuilder();
        for (ConfigurationProperty property : unbound) {
            String name = property.getName().toString();
            Optional<ZmqPropertyNames.Suggestion> suggestion = ZmqPropertyNames.suggest(name);
            if (suggestion.isEmpty()) {
                return null;
            }
            description.append(String.format("%nThe ZeroMQ property '%s' is not known%s", name,
                    property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")"));
            suggestion.get().closest().ifPresentOrElse(
                    closest -> action.append(String.format("%nDid you mean '%s'? ", closest)),
                    () -> action.append(String.format("%n")));
            action.append(String.format("Keys valid under %s: %s.", suggestion.get().parent(),
                    String.join(", ", suggestion.get().valid())));
        }
        if (unbound.isEmpty()) {
            return null;
        }
        return new FailureAnalysis(description.toString().strip(), action.toString().strip(), findBindException(rootFailure));
    }

    private static Throwable findBindException(Throwable failure) {
        for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
            if (candidate instanceof BindException) {
                return candidate;
            }
        }
        return failure;
    }
}
