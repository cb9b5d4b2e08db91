package io.zmqstream.listener;

import java.lang.reflect.Type;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link JsonPayloadCodec} backed by a Jackson 3 {@link JsonMapper}, the application's own when
 * it has one.
 */
public class JacksonPayloadCodec implements JsonPayloadCodec {

    private final JsonMapper mapper;

    /**
     * Creates a codec that reads and writes with the given mapper.
     *
     * @param mapper the mapper
     */
    public JacksonPayloadCodec(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public Object decode(byte[] json, Type type) {
        return mapper.readValue(json, mapper.constructType(type));
    }

    @Override
    public byte[] encode(Object value) {
        return mapper.writeValueAsBytes(value);
    }
}
