package io.zmqstream;

/**
 * Turns an object into UTF-8 JSON bytes for {@link ZMQStream#sendJson(Object)}.
 */
@FunctionalInterface
public interface JsonEncoder {

    /**
     * Encodes a value.
     *
     * @param value the object to encode
     * @return its JSON text as UTF-8 bytes
     * @throws Exception when the value cannot be encoded
     */
    byte[] encode(Object value) throws Exception;

    /**
     * The encoder streams use unless given another: Jackson 3's shared {@code JsonMapper}.
     *
     * @return an encoder backed by Jackson 3
     * @throws IllegalStateException when Jackson 3 ({@code tools.jackson.core:jackson-databind}) is not on the classpath
     */
    static JsonEncoder jackson() {
        try {
            Class.forName("tools.jackson.databind.json.JsonMapper", false, JsonEncoder.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("sendJson needs Jackson 3 (tools.jackson.core:jackson-databind) on the "
                    + "classpath, or a JsonEncoder given to ZMQStream.setJsonEncoder", ex);
        }
        return JacksonJsonEncoder.SHARED;
    }
}
