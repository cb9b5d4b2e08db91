package io.zmqstream.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link ZmqConfigurationException} as Spring Boot's "APPLICATION FAILED TO START"
 * description and action: the property, what is wrong with it and how to fix it.
 */
public class ZmqConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ZmqConfigurationException> {

    /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
    public ZmqConfigurationFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ZmqConfigurationException cause) {
        String description = "The ZeroMQ property '" + cause.getProperty() + "' is invalid: " + cause.getProblem();
        return new FailureAnalysis(description, cause.getAction(), cause);
    }
}
