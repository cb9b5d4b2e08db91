package io.zmqstream.listener;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.zmqstream.ZMQStream;
import org.springframework.core.ResolvableType;
import org.zeromq.SocketType;
import org.zeromq.ZFrame;

/**
 * A {@link ZmqListener} method with its annotation's values resolved: what the endpoint and its
 * argument resolvers are built from.
 *
 * @param bean the bean to call the method on
 * @param beanClass the bean's own class (behind any proxy), which binds the method's generic types
 * @param method the method, callable on the bean
 * @param id the listener's id
 * @param streamName the stream's name
 * @param stream the stream
 * @param copy the annotation's {@code copy}
 */
record ListenerMethod(Object bean, Class<?> beanClass, Method method, String id, String streamName, ZMQStream stream,
        boolean copy) {

    /** Whether the stream is a ROUTER, whose messages start with a routing envelope. */
    boolean routed() {
        return stream.getSocketType() == SocketType.ROUTER;
    }

    /**
     * The type of the value the method replies with: its return type, with generics bound by the
     * bean's class, unwrapped from a {@code CompletionStage} and an {@code Optional}.
     */
    ResolvableType replyType() {
        ResolvableType type = ResolvableType.forMethodReturnType(method, beanClass);
        if (CompletionStage.class.isAssignableFrom(type.toClass())) {
            type = type.as(CompletionStage.class).getGeneric(0);
        }
        if (type.toClass() == Optional.class) {
            type = type.getGeneric(0);
        }
        return type;
    }

    /** Whether the method may produce a value to send: anything but void, Void and a stage of Void. */
    boolean returnsValue() {
        Class<?> value = replyType().resolve();
        return value != void.class && value != Void.class;
    }

    /** Whether the method declares its reply as frames: a {@code List} of {@code byte[]} or {@code ZFrame}. */
    boolean repliesWithFrames() {
        return isFrames(replyType());
    }

    /** For a batch listener, whose reply is a list of replies: whether each is declared as frames. */
    boolean batchRepliesWithFrames() {
        ResolvableType type = replyType();
        return type.toClass() == List.class && isFrames(type.getGeneric(0));
    }

    private static boolean isFrames(ResolvableType type) {
        Class<?> element = type.toClass() == List.class ? type.getGeneric(0).toClass() : null;
        return element == byte[].class || element == ZFrame.class;
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
