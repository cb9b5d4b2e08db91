package io.zmqstream.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.zmqstream.zap.ZapPolicy;

/**
 * The clients a CURVE server stream lets in, read from {@code zmq.streams.<name>.curve.allowed-clients},
 * {@code .allowed-addresses} and {@code .denied-addresses} and checked: keys given inline or in
 * certificate files, and addresses that are IP literals.
 *
 * @param policy the rules for the stream's ZAP domain
 * @param certificates the allowed clients' keys, with the certificate files to read again
 */
record CurveClientPolicy(ZapPolicy policy, ClientCertificates certificates) {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    /**
     * Reads a stream's policy.
     *
     * @param prefix the CURVE settings' property prefix, such as {@code zmq.streams.orders.curve}
     * @param curve the settings
     * @return the policy, or {@code null} when none of its settings is set
     * @throws ZmqConfigurationException when a setting cannot work
     */
    static CurveClientPolicy resolve(String prefix, ZmqProperties.Stream.Curve curve) {
        if (!isSet(curve)) {
            return null;
        }
        if (!curve.isServer()) {
            String property = prefix + (curve.getAllowedClients().isEmpty() ? ".allowed-addresses" : ".allowed-clients");
            throw new ZmqConfigurationException(property, "only a CURVE server decides which clients to let in",
                    "Set " + prefix + ".server to true with the server's keys, or remove the allowed and denied clients.");
        }
        ClientCertificates certificates = ClientCertificates.resolve(prefix + ".allowed-clients", curve.getAllowedClients());
        Set<String> keys = curve.getAllowedClients().isEmpty() ? Set.of() : certificates.keys();
        return new CurveClientPolicy(new ZapPolicy(keys, addresses(prefix + ".allowed-addresses", curve.getAllowedAddresses()),
                addresses(prefix + ".denied-addresses", curve.getDeniedAddresses())), certificates);
    }

    /**
     * Whether any of a stream's allowed or denied clients or addresses is set.
     *
     * @param curve the stream's CURVE settings
     * @return {@code true} when the stream has a policy
     */
    static boolean isSet(ZmqProperties.Stream.Curve curve) {
        return !curve.getAllowedClients().isEmpty() || !curve.getAllowedAddresses().isEmpty()
                || !curve.getDeniedAddresses().isEmpty();
    }

    private static Set<String> addresses(String property, List<String> entries) {
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            addresses.add(address(property + "[" + i + "]", entries.get(i).trim()));
        }
        return addresses;
    }

    /** The address as ZeroMQ reports a peer's: an IP literal in Java's canonical form. */
    private static String address(String property, String entry) {
        boolean ipv4 = IPV4.matcher(entry).matches();
        if (ipv4 || entry.contains(":")) {
            try {
                // Never looked up: a valid IPv4 literal is parsed, and in brackets an IPv6 one must be.
                return InetAddress.getByName(ipv4 ? entry : "[" + entry + "]").getHostAddress();
            }
            catch (UnknownHostException ex) {
                // falls through to the error below
            }
        }
        throw new ZmqConfigurationException(property, "'" + entry + "' is not an IP address",
                "Set " + property + " to an IPv4 or IPv6 address, such as 10.0.0.7; host names are not looked up.");
    }
}
