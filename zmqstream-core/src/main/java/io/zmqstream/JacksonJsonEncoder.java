package io.zmqstream;

import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link JsonEncoder} backed by a Jackson 3 {@link JsonMapper}.
 */
public final class JacksonJsonEncoder implements JsonEncoder {

    static final JacksonJsonEncoder SHARED = new JacksonJsonEncoder(JsonMapper.shared());

    private final JsonMapper mapper;

    /**
     * Creates an encoder that writes with the given mapper (e.g. the application's own).
     *
     * @param mapper the mapper to write with
     */
    public JacksonJsonEncoder(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public byte[] encode(Object value) {
        return mapper.writeValueAsBytes(value);
    }
}
