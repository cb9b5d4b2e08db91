package io.zmqstream.test;

import java.lang.reflect.Type;

/**
 * How a {@link ZmqTestPeer} writes and reads JSON frames: in a Spring test the application's own
 * codec, the one its listeners use; otherwise Jackson 3's shared mapper.
 */
public interface PeerJson {

    /**
     * Encodes a value.
     *
     * @param value the value
     * @return its UTF-8 JSON text
     * @throws Exception when it cannot be encoded
     */
    byte[] encode(Object value) throws Exception;

    /**
     * Decodes a frame.
     *
     * @param json the UTF-8 JSON text
     * @param type the type to read
     * @return the value
     * @throws Exception when the text is not JSON of that type
     */
    Object decode(byte[] json, Type type) throws Exception;

    /**
     * Jackson 3's shared {@code JsonMapper}.
     *
     * @return a codec backed by Jackson 3
     * @throws IllegalStateException when Jackson 3 ({@code tools.jackson.core:jackson-databind}) is not on the classpath
     */
    static PeerJson jackson() {
        try {
            Class.forName("tools.jackson.databind.json.JsonMapper", false, PeerJson.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("A test peer reads and writes JSON with Jackson 3 "
                    + "(tools.jackson.core:jackson-databind), which is not on the classpath; add it to the tests' "
                    + "dependencies, or give ZmqTestPeers a PeerJson of your own", ex);
        }
        return JacksonPeerJson.SHARED;
    }
}
