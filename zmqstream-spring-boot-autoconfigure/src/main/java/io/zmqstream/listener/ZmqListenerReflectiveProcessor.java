package io.zmqstream.listener;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.ReflectiveProcessor;

/**
 * The hints a {@code @ZmqListener} method needs ahead of time and in a native image: the method is
 * invoked by reflection, and the types of its parameters and return value that are read from or
 * written as JSON are bound by Jackson, records and generic element types included. Frames,
 * text, envelopes and the ZeroMQ types are the starter's own and need nothing.
 */
public class ZmqListenerReflectiveProcessor implements ReflectiveProcessor {

    /** The packages of the types a listener gets from the starter and JeroMQ, not from JSON. */
    private static final Set<String> OWN_PACKAGES = Set.of("io.zmqstream", "io.zmqstream.listener", "org.zeromq", "zmq");

    private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

    /** Creates the processor; Spring's AOT processing does this for each {@code @ZmqListener} method. */
    public ZmqListenerReflectiveProcessor() {
    }

    @Override
    public void registerReflectionHints(ReflectionHints hints, AnnotatedElement element) {
        if (!(element instanceof Method method)) {
            return;
        }
        hints.registerMethod(method, ExecutableMode.INVOKE);
        List<Type> json = new ArrayList<>();
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (readFromJson(parameters[i])) {
                json.add(method.getGenericParameterTypes()[i]);
            }
        }
        if (readFromJson(method.getReturnType())) {
            json.add(method.getGenericReturnType());
        }
        bindings.registerReflectionHints(hints, json.toArray(Type[]::new));
    }

    /** Whether a parameter or return type may be JSON: anything but bytes, text, void and the starter's own types. */
    private static boolean readFromJson(Class<?> type) {
        if (type.isPrimitive() || type == byte[].class || type == String.class || type == Void.class) {
            return false;
        }
        return !OWN_PACKAGES.contains(type.getPackageName());
    }
}
