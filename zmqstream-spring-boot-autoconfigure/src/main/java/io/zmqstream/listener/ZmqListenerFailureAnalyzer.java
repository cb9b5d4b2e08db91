package io.zmqstream.listener;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link ZmqListenerConfigurationException} as Spring Boot's "APPLICATION FAILED TO
 * START" description and action: the method, what is wrong with it and how to fix it.
 */
public class ZmqListenerFailureAnalyzer extends AbstractFailureAnalyzer<ZmqListenerConfigurationException> {

    /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
    public ZmqListenerFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ZmqListenerConfigurationException cause) {
        String description = "The " + cause.getAnnotation() + " method " + cause.getListener() + " cannot work: "
                + cause.getProblem();
        return new FailureAnalysis(description, cause.getAction(), cause);
    }
}
