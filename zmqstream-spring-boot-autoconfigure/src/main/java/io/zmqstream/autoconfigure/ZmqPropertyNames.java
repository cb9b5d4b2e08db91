package io.zmqstream.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;

/**
 * The names {@link ZmqProperties} knows, read from its classes: for an unknown property such as
 * {@code zmq.streams.orders.send-hmw}, the keys valid where it stands and the closest of them.
 */
final class ZmqPropertyNames {

    private static final String ROOT = "zmq";
    private static final String OUR_PACKAGES = "io.zmqstream.";

    private ZmqPropertyNames() {
    }

    /**
     * What an unknown property could have been.
     *
     * @param parent the known part of its name, such as {@code zmq.streams.orders}
     * @param valid the keys valid under {@code parent}
     * @param closest the full name of the valid key nearest to it in spelling, if one is near enough
     */
    record Suggestion(String parent, List<String> valid, Optional<String> closest) {
    }

    /**
     * Finds the first segment of {@code property} that {@link ZmqProperties} does not know.
     *
     * @param property a name under {@code zmq}, such as {@code zmq.streams.orders.send-hmw}
     * @return what is valid at that segment; empty when the name is known or not under {@code zmq}
     */
    static Optional<Suggestion> suggest(String property) {
        String[] segments = property.split("\\.");
        if (segments.length < 2 || !ROOT.equals(segments[0])) {
            return Optional.empty();
        }
        ResolvableType type = ResolvableType.forClass(ZmqProperties.class);
        StringBuilder known = new StringBuilder(ROOT);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i].replaceAll("\\[.*", "");
            if (Map.class.isAssignableFrom(type.toClass())) {
                // A map's key is the user's name (of a stream, of a proxy): any name goes.
                known.append('.').append(segments[i]);
                type = type.asMap().getGeneric(1);
                continue;
            }
            List<String> names = propertyNames(type.toClass());
            Optional<PropertyDescriptor> next = descriptor(type.toClass(), segment);
            if (next.isEmpty()) {
                String prefix = known + ".";
                Optional<String> closest = names.stream()
                        .filter(name -> distance(name, segment) <= Math.max(2, segment.length() / 3))
                        .min(Comparator.comparingInt(name -> distance(name, segment)))
                        .map(name -> prefix + name);
                return Optional.of(new Suggestion(known.toString(), names, closest));
            }
            known.append('.').append(segments[i]);
            type = ResolvableType.forMethodReturnType(next.get().getReadMethod());
            if (!isGroup(type.toClass())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the property's type has properties of its own: a map, or a class of ours that is not an
     * enum (every group of settings bound under {@code zmq} is one; its values are enums and the types
     * of Java, Spring and JeroMQ).
     */
    private static boolean isGroup(Class<?> type) {
        return Map.class.isAssignableFrom(type) || (type.getName().startsWith(OUR_PACKAGES) && !type.isEnum());
    }

    private static Optional<PropertyDescriptor> descriptor(Class<?> type, String kebabName) {
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() != null && !"class".equals(descriptor.getName())
                    && kebab(descriptor.getName()).equals(kebabName)) {
                return Optional.of(descriptor);
            }
        }
        return Optional.empty();
    }

    private static List<String> propertyNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() != null && !"class".equals(descriptor.getName())) {
                names.add(kebab(descriptor.getName()));
            }
        }
        return names;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein's edit distance: the fewest inserted, removed or replaced characters. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
