package io.zmqstream.listener;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.zmqstream.Frame;
import io.zmqstream.RoutedMessage;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import org.springframework.core.GenericTypeResolver;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.zeromq.ZFrame;
import org.zeromq.ZMsg;

/**
 * Chooses, once per parameter at start-up, how a {@link ZmqListener} method's argument is made
 * from each message, and refuses parameters that cannot be filled.
 */
final class ArgumentResolverFactory {

    private static final int LAST_FRAME = -1;

    private final ListenerMethod listener;
    private final JsonPayloadCodec json;

    /**
     * @param listener the method and its settings
     * @param json the JSON codec, or {@code null} when the application has no Jackson 3
     */
    ArgumentResolverFactory(ListenerMethod listener, JsonPayloadCodec json) {
        this.listener = listener;
        this.json = json;
    }

    /** One resolver per parameter of the method. */
    ArgumentResolver[] forMethod() {
        int count = listener.method().getParameterCount();
        ArgumentResolver[] resolvers = new ArgumentResolver[count];
        for (int i = 0; i < count; i++) {
            resolvers[i] = forParameter(new MethodParameter(listener.method(), i).withContainingClass(listener.beanClass()));
        }
        return resolvers;
    }

    /**
     * For a batch listener: its one parameter is a {@code List} of elements, each made from one
     * message: {@code byte[]} or {@code String} (its last frame), {@link ZmqListenerMessage} (all
     * of it), or a type read from JSON in its last frame.
     *
     * @return the resolver of one message's element
     */
    ArgumentResolver forBatchElement() {
        MethodParameter parameter = new MethodParameter(listener.method(), 0).withContainingClass(listener.beanClass());
        ResolvableType type = listener.method().getParameterCount() == 1 ? ResolvableType.forMethodParameter(parameter)
                : ResolvableType.NONE;
        if (type.toClass() != List.class || type.getGeneric(0).resolve() == null) {
            throw new ZmqListenerConfigurationException(listener.description(), "it is a batch listener, which takes "
                    + "one List parameter, the batch", "Declare one parameter: List<byte[]>, List<String>, "
                    + "List<ZmqListenerMessage> or a List of a JSON type.");
        }
        Class<?> element = type.getGeneric(0).toClass();
        if (element == ZmqListenerMessage.class) {
            return message -> message;
        }
        if (element == byte[].class) {
            return message -> bodyFrame(message, LAST_FRAME);
        }
        if (element == String.class) {
            return message -> new String(bodyFrame(message, LAST_FRAME), StandardCharsets.UTF_8);
        }
        return jsonResolver(parameter, type.getGeneric(0).getType(), LAST_FRAME);
    }

    private ArgumentResolver forParameter(MethodParameter parameter) {
        ResolvableType type = ResolvableType.forMethodParameter(parameter);
        FrameAt frame = parameter.getParameterAnnotation(FrameAt.class);
        ArgumentResolver whole = wholeMessage(parameter, type);
        if (whole != null) {
            if (frame != null) {
                throw refused(parameter, "@FrameAt picks one frame, but a " + type + " parameter takes the whole message",
                        "Remove @FrameAt, or declare the parameter as byte[], String or a JSON type.");
            }
            return whole;
        }
        int index = frame == null ? LAST_FRAME : frame.value();
        Class<?> raw = type.toClass();
        if (raw == byte[].class) {
            return message -> bodyFrame(message, index);
        }
        if (raw == String.class) {
            return message -> new String(bodyFrame(message, index), StandardCharsets.UTF_8);
        }
        if (raw == Frame.class) {
            requireFrames(parameter);
            return message -> pick(message.bodyFrames(), index);
        }
        return jsonResolver(parameter, GenericTypeResolver.resolveType(parameter.getGenericParameterType(),
                listener.beanClass()), index);
    }

    /** The resolver of a parameter that takes the whole message or its context, or {@code null}. */
    private ArgumentResolver wholeMessage(MethodParameter parameter, ResolvableType type) {
        Class<?> raw = type.toClass();
        Class<?> element = raw == List.class ? type.getGeneric(0).toClass() : null;
        if (raw == ZMQStream.class) {
            return ZmqListenerMessage::getStream;
        }
        if (raw == ZmqListenerMessage.class) {
            return message -> message;
        }
        if (raw == ZmqDeadLetter.class) {
            return message -> ZmqDeadLetter.decode(message.getBody());
        }
        if (raw == RoutingEnvelope.class || raw == RoutedMessage.class) {
            if (!listener.routed()) {
                throw refused(parameter, "a " + raw.getSimpleName() + " parameter needs a ROUTER stream, but stream '"
                        + listener.streamName() + "' is a " + listener.stream().getSocketType(), "Remove the parameter.");
            }
            return raw == RoutingEnvelope.class ? ZmqListenerMessage::getEnvelope : ZmqListenerMessage::getRouted;
        }
        if (raw == ZMsg.class) {
            return message -> toZMsg(message.getBody());
        }
        if (element == byte[].class) {
            return ZmqListenerMessage::getBody;
        }
        if (element == ZFrame.class) {
            return message -> List.copyOf(toZMsg(message.getBody()));
        }
        if (element == Frame.class) {
            requireFrames(parameter);
            return ZmqListenerMessage::bodyFrames;
        }
        return null;
    }

    private ArgumentResolver jsonResolver(MethodParameter parameter, Type type, int index) {
        if (json == null) {
            throw refused(parameter, "a " + type.getTypeName() + " parameter is read from JSON, but the application "
                    + "has no Jackson 3 (tools.jackson.core:jackson-databind)",
                    "Add Jackson 3 to the application, or declare the parameter as byte[] or String.");
        }
        return message -> json.decode(bodyFrame(message, index), type);
    }

    private void requireFrames(MethodParameter parameter) {
        if (listener.copy()) {
            throw refused(parameter, "io.zmqstream.Frame parameters are JeroMQ's message objects, given only "
                    + "without copying", "Set copy = false on the @ZmqListener, or declare the parameter as byte[].");
        }
    }

    private ZmqListenerConfigurationException refused(MethodParameter parameter, String problem, String action) {
        return new ZmqListenerConfigurationException(listener.description(),
                "parameter " + parameter.getParameterIndex() + ": " + problem, action);
    }

    private static byte[] bodyFrame(ZmqListenerMessage message, int index) {
        return pick(message.getBody(), index);
    }

    private static <T> T pick(List<T> body, int index) {
        int position = index < 0 ? body.size() + index : index;
        if (position < 0 || position >= body.size()) {
            throw new IllegalArgumentException("the message's body has " + body.size() + " frames, none at index "
                    + index);
        }
        return body.get(position);
    }

    private static ZMsg toZMsg(List<byte[]> frames) {
        ZMsg msg = new ZMsg();
        for (byte[] frame : frames) {
            msg.add(frame);
        }
        return msg;
    }
}
