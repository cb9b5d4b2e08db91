package io.zmqstream.listener;

import java.lang.annotation.Annotation;

/**
 * A {@link ZmqListener} that cannot work, found at start-up: which method, what is wrong and how
 * to fix it; or a method with another of the starter's annotations ({@code @ZmqScheduled}).
 * {@link ZmqListenerFailureAnalyzer} turns it into Spring Boot's start-up failure report.
 */
public class ZmqListenerConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String annotation;
    private final String listener;
    private final String problem;
    private final String action;

    /**
     * Creates the exception.
     *
     * @param listener the method, such as {@code OrderHandler.handle}
     * @param problem what is wrong with it
     * @param action how to fix it
     */
    public ZmqListenerConfigurationException(String listener, String problem, String action) {
        this(ZmqListener.class, listener, problem, action);
    }

    /**
     * Creates the exception for a method with one of the starter's annotations.
     *
     * @param annotation the annotation, such as {@code ZmqScheduled}
     * @param method the method, such as {@code Heartbeats.beat}
     * @param problem what is wrong with it
     * @param action how to fix it
     */
    public ZmqListenerConfigurationException(Class<? extends Annotation> annotation, String method, String problem,
            String action) {
        super("@" + annotation.getSimpleName() + " " + method + ": " + problem);
        this.annotation = "@" + annotation.getSimpleName();
        this.listener = method;
        this.problem = problem;
        this.action = action;
    }

    /**
     * The annotation on the method at fault.
     *
     * @return the annotation, such as {@code @ZmqListener}
     */
    public String getAnnotation() {
        return annotation;
    }

    /**
     * The method at fault.
     *
     * @return the method, as {@code Class.method}
     */
    public String getListener() {
        return listener;
    }

    /**
     * What is wrong with the listener.
     *
     * @return the problem
     */
    public String getProblem() {
        return problem;
    }

    /**
     * How to fix the listener.
     *
     * @return the action
     */
    public String getAction() {
        return action;
    }
}
