package io.zmqstream.listener;

/**
 * Makes one argument of a {@link ZmqListener} method from a received message.
 */
@FunctionalInterface
interface ArgumentResolver {

    /**
     * Makes the argument.
     *
     * @param message the message
     * @return the argument
     * @throws Exception when the message does not hold what the parameter needs
     */
    Object resolve(ZmqListenerMessage message) throws Exception;
}
