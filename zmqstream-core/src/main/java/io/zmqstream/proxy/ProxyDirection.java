package io.zmqstream.proxy;

import java.nio.charset.StandardCharsets;

/** Which way a {@link ZmqProxy} forwards a message. */
public enum ProxyDirection {

    /** From the frontend, where clients or publishers connect, to the backend: requests, publications, work. */
    FRONTEND_TO_BACKEND("frontend-to-backend"),

    /** From the backend to the frontend: replies, and subscriptions on their way upstream. */
    BACKEND_TO_FRONTEND("backend-to-frontend");

    private final String tag;
    private final byte[] tagBytes;

    ProxyDirection(String tag) {
        this.tag = tag;
        this.tagBytes = tag.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The direction as metrics and the actuator name it.
     *
     * @return {@code frontend-to-backend} or {@code backend-to-frontend}
     */
    public String tag() {
        return tag;
    }

    /** The tag's ASCII bytes, the frame in front of a captured copy; shared, not to be changed. */
    byte[] tagBytes() {
        return tagBytes;
    }
}
