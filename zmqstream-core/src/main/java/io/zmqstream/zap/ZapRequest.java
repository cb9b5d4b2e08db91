package io.zmqstream.zap;

/**
 * One client asking to be let in, as the server's ZAP request (ZeroMQ RFC 27) describes it.
 * {@link #toString()} never shows the password.
 *
 * @param domain the {@code ZMQ_ZAP_DOMAIN} of the server the client connects to
 * @param address the client's IP address, as ZeroMQ reports it
 * @param mechanism {@code "NULL"}, {@code "PLAIN"} or {@code "CURVE"}
 * @param clientKey the Z85 public key of a CURVE client, otherwise {@code null}
 * @param username the user name of a PLAIN client, otherwise {@code null}
 * @param password the password of a PLAIN client, otherwise {@code null}
 */
public record ZapRequest(String domain, String address, String mechanism, String clientKey, String username,
        String password) {

    /** The CURVE mechanism's name in ZAP requests. */
    public static final String CURVE = "CURVE";

    /** The PLAIN mechanism's name in ZAP requests. */
    public static final String PLAIN = "PLAIN";

    /**
     * The user id a client let in gets when no one chooses another: a CURVE client's key, a PLAIN
     * client's user name, otherwise none.
     *
     * @return the user id, empty for none
     */
    public String defaultUserId() {
        if (clientKey != null) {
            return clientKey;
        }
        return username == null ? "" : username;
    }

    /**
     * Who asks, for logs: the mechanism, the address and the first characters of a key or the user
     * name; never the password.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        String who = clientKey != null ? "key " + clientKey.substring(0, Math.min(ZapHandler.SHOWN_KEY_CHARACTERS,
                clientKey.length())) + "..." : username != null ? "user '" + username + "'" : "no credentials";
        return mechanism + " client at " + address + " (" + who + ")";
    }
}
