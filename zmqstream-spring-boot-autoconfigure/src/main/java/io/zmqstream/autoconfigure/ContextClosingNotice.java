package io.zmqstream.autoconfigure;

import io.zmqstream.JeroMqFailures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Tells the {@link JeroMqFailures} of the shared context that the application context is closing,
 * before the loop and the context close: what JeroMQ's threads throw from then on is termination
 * noise, not a failure.
 */
public class ContextClosingNotice implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

    private final ObjectProvider<JeroMqFailures> failures;
    private ApplicationContext applicationContext;

    /**
     * Creates the notice.
     *
     * @param failures the handlers to tell, when there are any
     */
    public ContextClosingNotice(ObjectProvider<JeroMqFailures> failures) {
        this.failures = failures;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    /**
     * Tells the handlers, when it is this application's context that closes.
     *
     * @param event the event
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == applicationContext) {
            failures.ifAvailable(JeroMqFailures::closing);
        }
    }
}
