package io.zmqstream.autoconfigure;

/**
 * A {@code zmq.*} property that cannot work, with the property's name, what is wrong and how to
 * fix it. {@link ZmqConfigurationFailureAnalyzer} turns it into Spring Boot's start-up failure report.
 * Messages never contain key material.
 */
public class ZmqConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String problem;
    private final String action;

    /**
     * Creates the exception.
     *
     * @param property the full property name, such as {@code zmq.streams.orders.bind[0]}
     * @param problem what is wrong with it
     * @param action how to fix it
     */
    public ZmqConfigurationException(String property, String problem, String action) {
        this(property, problem, action, null);
    }

    /**
     * Creates the exception for a problem that ZeroMQ or a file read reported.
     *
     * @param property the full property name, such as {@code zmq.streams.orders.bind[0]}
     * @param problem what is wrong with it
     * @param action how to fix it
     * @param cause what reported the problem, or {@code null}
     */
    public ZmqConfigurationException(String property, String problem, String action, Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    /**
     * The property at fault.
     *
     * @return the full property name
     */
    public String getProperty() {
        return property;
    }

    /**
     * What is wrong with the property.
     *
     * @return the problem
     */
    public String getProblem() {
        return problem;
    }

    /**
     * How to fix the property.
     *
     * @return the action
     */
    public String getAction() {
        return action;
    }
}
