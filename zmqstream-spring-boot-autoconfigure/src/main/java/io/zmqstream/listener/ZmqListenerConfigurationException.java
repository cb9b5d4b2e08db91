package io.zmqstream.listener;

/**
 * A {@link ZmqListener} that cannot work, found at start-up: which method, what is wrong and how
 * to fix it. {@link ZmqListenerFailureAnalyzer} turns it into Spring Boot's start-up failure report.
 */
public class ZmqListenerConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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
        super("@ZmqListener " + listener + ": " + problem);
        this.listener = listener;
        this.problem = problem;
        this.action = action;
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
