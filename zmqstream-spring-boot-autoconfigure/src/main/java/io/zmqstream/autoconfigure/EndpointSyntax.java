package io.zmqstream.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a configured endpoint is one JeroMQ can bind or connect, before the socket sees it,
 * so that a typo fails start-up with the property's name instead of a bare ZeroMQ error code.
 */
final class EndpointSyntax {

    private static final Pattern ENDPOINT = Pattern.compile("([a-z]+)://(.+)");
    /** host:port, the host a name, an IPv4 address, a bracketed IPv6 address or *; a source address may precede ';'. */
    private static final Pattern TCP_ADDRESS = Pattern.compile("(?:[^;]+;)?(\\*|\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\*|\\d{1,5})");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final String EXAMPLES = "for example tcp://127.0.0.1:5555, tcp://*:5555 (bind only), "
            + "ipc:///tmp/orders or inproc://orders";

    private EndpointSyntax() {
    }

    /**
     * Fails unless the endpoint is {@code tcp://host:port}, {@code ipc://path} or {@code inproc://name}.
     *
     * @param property the property that holds the endpoint
     * @param endpoint the endpoint
     * @param bind whether the socket binds it (wildcard hosts and ports are for binding only)
     */
    static void check(String property, String endpoint, boolean bind) {
        Matcher matcher = ENDPOINT.matcher(endpoint == null ? "" : endpoint.trim());
        if (!matcher.matches()) {
            throw invalid(property, endpoint, "is not a ZeroMQ endpoint (transport://address)");
        }
        String transport = matcher.group(1);
        String address = matcher.group(2);
        switch (transport) {
            case "tcp" -> checkTcp(property, endpoint, address, bind);
            case "ipc", "inproc" -> {
                // any non-empty name or path will do
            }
            default -> throw invalid(property, endpoint, "uses transport '" + transport
                    + "', which JeroMQ does not support (tcp, ipc and inproc are)");
        }
    }

    /**
     * Whether a well-formed endpoint can only be reached from this host: {@code ipc} and
     * {@code inproc}, and {@code tcp} on a loopback address.
     *
     * @param endpoint a checked endpoint
     * @return {@code false} for a wildcard, another address or a host name other than localhost
     */
    static boolean isLocal(String endpoint) {
        Matcher matcher = ENDPOINT.matcher(endpoint.trim());
        if (!matcher.matches() || !"tcp".equals(matcher.group(1))) {
            return matcher.matches();
        }
        Matcher address = TCP_ADDRESS.matcher(matcher.group(2));
        if (!address.matches()) {
            return false;
        }
        String host = address.group(1);
        return host.equals("localhost") || LOOPBACK_IPV4.matcher(host).matches() || host.equals("[::1]");
    }

    private static void checkTcp(String property, String endpoint, String address, boolean bind) {
        Matcher matcher = TCP_ADDRESS.matcher(address);
        if (!matcher.matches()) {
            throw invalid(property, endpoint, "is not a tcp endpoint: the address must be host:port");
        }
        String host = matcher.group(1);
        String port = matcher.group(2);
        if (!bind && ("*".equals(host) || "*".equals(port))) {
            throw invalid(property, endpoint, "has a wildcard, which only a bind can use");
        }
        if (!"*".equals(port) && Integer.parseInt(port) > 65_535) {
            throw invalid(property, endpoint, "has port " + port + ", above 65535");
        }
    }

    private static ZmqConfigurationException invalid(String property, String endpoint, String problem) {
        return new ZmqConfigurationException(property, "'" + endpoint + "' " + problem,
                "Set " + property + " to a valid endpoint, " + EXAMPLES + ".");
    }
}
