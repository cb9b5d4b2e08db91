package io.zmqstream.autoconfigure;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a stream under {@code zmq.streams} whose name another bean already has (or takes) as the
 * property at fault and how to fix it, instead of a bare bean-overriding failure. Runs before Spring
 * Boot's own analyzer of bean overriding, and passes on every other overriding failure.
 */
public class ZmqStreamNameFailureAnalyzer extends AbstractFailureAnalyzer<BeanDefinitionOverrideException>
        implements Ordered {

    /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
    public ZmqStreamNameFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BeanDefinitionOverrideException cause) {
        BeanDefinition other;
        if (isStream(cause.getBeanDefinition())) {
            other = cause.getExistingDefinition();
        }
        else if (isStream(cause.getExistingDefinition())) {
            other = cause.getBeanDefinition();
        }
        else {
            return null;
        }
        String property = "zmq.streams." + cause.getBeanName();
        String otherOrigin = other.getResourceDescription() != null ? other.getResourceDescription()
                : String.valueOf(other.getBeanClassName());
        String description = "The ZeroMQ property '" + property + "' is invalid: its stream becomes the bean '"
                + cause.getBeanName() + "', but another bean has that name (" + otherOrigin + ")";
        return new FailureAnalysis(description, "Rename the stream under zmq.streams, or the other bean.", cause);
    }

    private static boolean isStream(BeanDefinition definition) {
        String description = definition.getDescription();
        return description != null && description.startsWith(ZmqStreamBeanRegistrar.DESCRIPTION_PREFIX);
    }

    /**
     * First among failure analyzers, ahead of Spring Boot's analyzer of bean overriding.
     *
     * @return the highest precedence
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
