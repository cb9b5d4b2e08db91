package io.zmqstream.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.listener.ListenerInvocationObserver;
import io.zmqstream.metrics.ListenerObservations;
import io.zmqstream.metrics.ListenerTimers;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * In an AOT-processed application, refuses to start when {@code zmq.listener.observation-enabled}
 * asks at run time for what AOT processing decided against at build time, or the other way round:
 * the condition that reads it was evaluated then, and the run-time value would be ignored without a
 * word. On the JVM without AOT it does nothing, since the condition is evaluated at start-up.
 */
public class ObservationSettingAotCheck implements SmartInitializingSingleton {

    static final String PROPERTY = "zmq.listener.observation-enabled";

    private final Environment environment;
    private final ObjectProvider<ListenerInvocationObserver> observers;
    private final ObjectProvider<ObservationRegistry> registry;

    /**
     * Creates the check.
     *
     * @param environment the run-time properties
     * @param observers how listener calls are observed, as the build decided
     * @param registry the observation registry, without which the property means nothing in any mode
     */
    public ObservationSettingAotCheck(Environment environment, ObjectProvider<ListenerInvocationObserver> observers,
            ObjectProvider<ObservationRegistry> registry) {
        this.environment = environment;
        this.observers = observers;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (AotDetector.useGeneratedArtifacts()) {
            check(environment.getProperty(PROPERTY, Boolean.class, false));
        }
    }

    /** Fails when the run-time value would have chosen another observer than the build did. */
    void check(boolean wanted) {
        boolean observing = observers.stream().anyMatch(ListenerObservations.class::isInstance);
        boolean ownObserver = observers.stream()
                .anyMatch(observer -> !(observer instanceof ListenerObservations) && !(observer instanceof ListenerTimers));
        boolean couldObserve = registry.getIfAvailable() != null && !ownObserver;
        if (wanted != observing && (couldObserve || observing)) {
            throw new ZmqConfigurationException(PROPERTY, "is " + wanted + " at run time, but the application was "
                    + "AOT-processed with it " + observing + ", and AOT processing decided then whether listener calls "
                    + "are observed", "Set " + PROPERTY + "=" + wanted + " where spring-boot:process-aot reads it "
                    + "(application.yml) and build again, or run with " + PROPERTY + "=" + observing + ".");
        }
    }
}
