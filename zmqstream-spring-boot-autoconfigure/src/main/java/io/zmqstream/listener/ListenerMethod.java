package io.zmqstream.listener;

import java.lang.reflect.Method;

import io.zmqstream.ZMQStream;
import org.zeromq.SocketType;

/**
 * A {@link ZmqListener} method with its annotation's values resolved: what the endpoint and its
 * argument resolvers are built from.
 *
 * @param bean the bean to call the method on
 * @param method the method, callable on the bean
 * @param id the listener's id
 * @param streamName the stream's name
 * @param stream the stream
 * @param copy the annotation's {@code copy}
 */
record ListenerMethod(Object bean, Method method, String id, String streamName, ZMQStream stream, boolean copy) {

    /** Whether the stream is a ROUTER, whose messages start with a routing envelope. */
    boolean routed() {
        return stream.getSocketType() == SocketType.ROUTER;
    }

    /** The method as start-up failures name it: {@code OrderHandler.handle}. */
    String description() {
        return describe(method);
    }

    /** A method as start-up failures name it: {@code OrderHandler.handle}. */
    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
