package io.zmqstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.zeromq.ZMQ;

/**
 * The PLAIN settings of one stream, read from {@code zmq.streams.<name>.plain} and checked: a
 * server lets in its users (or those the application's ZapAuthenticator lets in), a client has a
 * user name and a password. Neither messages nor {@link #toString()} ever show a password.
 */
final class PlainCredentials {

    /** JeroMQ's PLAIN server reads each length as a signed byte. */
    private static final int SERVER_MAX_BYTES = 127;
    /** The PLAIN wire format's one-byte lengths. */
    private static final int CLIENT_MAX_BYTES = 255;

    private final boolean server;
    private final Map<String, String> users;
    private final String username;
    private final String password;

    private PlainCredentials(boolean server, Map<String, String> users, String username, String password) {
        this.server = server;
        this.users = users;
        this.username = username;
        this.password = password;
    }

    /**
     * Reads and checks a stream's PLAIN settings.
     *
     * @param prefix the settings' property prefix, such as {@code zmq.streams.orders.plain}
     * @param plain the settings
     * @param authenticatorPresent whether the application has a ZapAuthenticator
     * @return the credentials, or {@code null} when PLAIN is off (not a server and no user name set)
     * @throws ZmqConfigurationException when a setting cannot work
     */
    static PlainCredentials resolve(String prefix, StreamPlainProperties plain, boolean authenticatorPresent) {
        if (plain.isServer()) {
            if (plain.getUsername() != null || plain.getPassword() != null) {
                String property = prefix + (plain.getUsername() != null ? ".username" : ".password");
                throw new ZmqConfigurationException(property, "only PLAIN clients present a user name and password",
                        "Remove " + property + ", or set " + prefix + ".server to false for a client.");
            }
            if (plain.getUsers().isEmpty() && !authenticatorPresent) {
                throw new ZmqConfigurationException(prefix + ".users", "a PLAIN server needs users, or a "
                        + "ZapAuthenticator bean that decides", "Set " + prefix + ".users.<name> to each user's password, "
                        + "or declare a ZapAuthenticator bean.");
            }
            plain.getUsers().forEach((user, secret) -> {
                checkLength(prefix + ".users", "user name", user, SERVER_MAX_BYTES);
                checkLength(prefix + ".users." + user, "password", secret, SERVER_MAX_BYTES);
            });
            return new PlainCredentials(true, Map.copyOf(plain.getUsers()), null, null);
        }
        if (!plain.getUsers().isEmpty()) {
            throw new ZmqConfigurationException(prefix + ".users", "only a PLAIN server lets users in",
                    "Set " + prefix + ".server to true, or remove " + prefix + ".users.");
        }
        if (plain.getUsername() == null && plain.getPassword() == null) {
            return null;
        }
        if (plain.getUsername() == null || plain.getPassword() == null) {
            String missing = plain.getUsername() == null ? ".username" : ".password";
            throw new ZmqConfigurationException(prefix + missing, "a PLAIN client needs both a user name and a password",
                    "Set both " + prefix + ".username and " + prefix + ".password.");
        }
        checkLength(prefix + ".username", "user name", plain.getUsername(), CLIENT_MAX_BYTES);
        checkLength(prefix + ".password", "password", plain.getPassword(), CLIENT_MAX_BYTES);
        return new PlainCredentials(false, Map.of(), plain.getUsername(), plain.getPassword());
    }

    /** The value is never shown: it may be a password. */
    private static void checkLength(String property, String what, String value, int maxBytes) {
        int bytes = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > maxBytes) {
            throw new ZmqConfigurationException(property, "a PLAIN " + what + " has 1 to " + maxBytes + " bytes (UTF-8), "
                    + "this one " + bytes + " (the value is not shown)", "Set a " + what + " of at most " + maxBytes
                    + " bytes.");
        }
    }

    /**
     * Whether the socket is the PLAIN server.
     *
     * @return {@code true} for a server
     */
    boolean isServer() {
        return server;
    }

    /**
     * The users a server lets in.
     *
     * @return their passwords by user name; empty for a client, or for a server that leaves it to the authenticator
     */
    Map<String, String> users() {
        return users;
    }

    /**
     * Sets PLAIN on a socket; call before it binds or connects, and before its stream is made (whose
     * guard then checks the server's HELLO commands).
     *
     * @param socket the socket
     */
    void applyTo(ZMQ.Socket socket) {
        if (server) {
            socket.setPlainServer(true);
        }
        else {
            socket.setPlainUsername(username);
            socket.setPlainPassword(password);
        }
    }

    @Override
    public String toString() {
        return server ? "PLAIN server" : "PLAIN client";
    }
}
