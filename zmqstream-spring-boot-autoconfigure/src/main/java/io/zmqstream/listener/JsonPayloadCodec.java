package io.zmqstream.listener;

import java.lang.reflect.Type;

import io.zmqstream.JsonEncoder;

/**
 * Reads {@link ZmqListener} parameters from JSON frames and writes replies as JSON.
 */
public interface JsonPayloadCodec extends JsonEncoder {

    /**
     * Reads a value.
     *
     * @param json the UTF-8 JSON text
     * @param type the parameter's declared type, generics included
     * @return the value
     * @throws Exception when the text is not JSON of that type
     */
    Object decode(byte[] json, Type type) throws Exception;
}
