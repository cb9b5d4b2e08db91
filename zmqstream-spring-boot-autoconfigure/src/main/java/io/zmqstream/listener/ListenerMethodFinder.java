package io.zmqstream.listener;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link ZmqListener} methods of a class, as Spring's own {@code @EventListener} does:
 * annotations on the class's methods, on the interfaces and superclasses they implement or
 * override, and behind bridge methods all count.
 */
final class ListenerMethodFinder {

    private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

    /** The annotated methods of {@code type}, each with its annotations; empty when it has none. */
    Map<Method, Set<ZmqListener>> of(Class<?> type) {
        if (classesWithoutListeners.contains(type)) {
            return Map.of();
        }
        Map<Method, Set<ZmqListener>> annotated = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<Set<ZmqListener>>) method -> {
                    Set<ZmqListener> listeners = AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
                            ZmqListener.class, ZmqListeners.class);
                    return listeners.isEmpty() ? null : listeners;
                });
        if (annotated.isEmpty()) {
            classesWithoutListeners.add(type);
        }
        return annotated;
    }
}
