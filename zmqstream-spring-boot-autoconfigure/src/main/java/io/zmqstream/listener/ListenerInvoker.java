package io.zmqstream.listener;

import java.lang.reflect.InvocationTargetException;

import org.springframework.util.ReflectionUtils;

/**
 * Calls a {@link ZmqListener} method with the arguments made from a message.
 */
final class ListenerInvoker {

    private final ListenerMethod listener;
    private final ArgumentResolver[] resolvers;

    /**
     * @param listener the method and the bean to call it on
     * @param resolvers one per parameter; none for a batch listener, whose list is made by its handler
     */
    ListenerInvoker(ListenerMethod listener, ArgumentResolver[] resolvers) {
        this.listener = listener;
        this.resolvers = resolvers;
        ReflectionUtils.makeAccessible(listener.method());
    }

    /**
     * Calls the method.
     *
     * @return what it returned
     * @throws ZmqMessageConversionException when an argument cannot be made; the method was not called
     * @throws Exception what the method threw
     */
    Object invoke(ZmqListenerMessage message) throws Exception {
        Object[] arguments = new Object[resolvers.length];
        for (int i = 0; i < arguments.length; i++) {
            try {
                arguments[i] = resolvers[i].resolve(message);
            }
            catch (Exception ex) {
                throw new ZmqMessageConversionException(listener.id(), listener.streamName(),
                        "cannot make argument " + i + " of " + listener.description() + ": " + ex.getMessage(), ex);
            }
        }
        return call(arguments);
    }

    /**
     * Calls the method with arguments already made: a batch listener's list.
     *
     * @return what it returned
     * @throws Exception what the method threw
     */
    Object call(Object... arguments) throws Exception {
        try {
            return listener.method().invoke(listener.bean(), arguments);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause() instanceof Exception cause ? cause : ex;
        }
    }
}
