package io.zmqstream.autoconfigure;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The hints the starter itself needs in a native image, beyond those Spring derives: the core looks
 * Jackson 3's {@code JsonMapper} up by name to learn whether JSON is available. {@code @ZmqListener}
 * methods and their JSON types get theirs from {@link io.zmqstream.listener.ZmqListenerReflectiveProcessor},
 * the properties from Spring Boot's binding hints.
 */
public class ZmqRuntimeHints implements RuntimeHintsRegistrar {

    /** The class the core looks up by name. */
    static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

    /** Creates the registrar; Spring's AOT processing does this. */
    public ZmqRuntimeHints() {
    }

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.reflection().registerType(TypeReference.of(JSON_MAPPER));
    }
}
