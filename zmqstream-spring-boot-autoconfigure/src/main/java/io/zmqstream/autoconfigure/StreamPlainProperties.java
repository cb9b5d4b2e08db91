package io.zmqstream.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PLAIN security of one stream's socket, bound to {@code zmq.streams.<name>.plain}: user names and
 * passwords in clear text, checked by the context's ZAP handler, for networks that are trusted yet
 * want a gate. Passwords are never logged and are masked by the env and configprops endpoints.
 */
public class StreamPlainProperties {

    /**
     * Whether this socket is a PLAIN server, which lets in the users below or those a
     * ZapAuthenticator bean lets in; it needs one of the two.
     */
    private boolean server;

    /**
     * The users a PLAIN server lets in: their passwords by user name, at most 127 bytes each
     * (JeroMQ's limit). Servers only.
     */
    private Map<String, String> users = new LinkedHashMap<>();

    /**
     * The user name this PLAIN client presents; clients only.
     */
    private String username;

    /**
     * The password this PLAIN client presents; clients only. Never logged nor shown by any endpoint.
     */
    private String password;

    public boolean isServer() {
        return this.server;
    }

    public void setServer(boolean server) {
        this.server = server;
    }

    public Map<String, String> getUsers() {
        return this.users;
    }

    public void setUsers(Map<String, String> users) {
        this.users = users;
    }

    public String getUsername() {
        return this.username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return this.password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
