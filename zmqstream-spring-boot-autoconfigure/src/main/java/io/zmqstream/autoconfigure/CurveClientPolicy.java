package io.zmqstream.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zmqstream.zap.ZapPolicy;
import org.springframework.core.io.FileSystemResource;

/**
 * The clients a CURVE server stream lets in, read from {@code zmq.streams.<name>.curve.allowed-clients},
 * {@code .allowed-addresses} and {@code .denied-addresses} and checked: keys given inline or in
 * certificate files, and addresses that are IP literals.
 */
final class CurveClientPolicy {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private CurveClientPolicy() {
    }

    /**
     * Reads a stream's policy.
     *
     * @param prefix the CURVE settings' property prefix, such as {@code zmq.streams.orders.curve}
     * @param curve the settings
     * @return the policy, or {@code null} when none of its settings is set
     * @throws ZmqConfigurationException when a setting cannot work
     */
    static ZapPolicy resolve(String prefix, ZmqProperties.Stream.Curve curve) {
        if (!isSet(curve)) {
            return null;
        }
        if (!curve.isServer()) {
            String property = prefix + (curve.getAllowedClients().isEmpty() ? ".allowed-addresses" : ".allowed-clients");
            throw new ZmqConfigurationException(property, "only a CURVE server decides which clients to let in",
                    "Set " + prefix + ".server to true with the server's keys, or remove the allowed and denied clients.");
        }
        return new ZapPolicy(clientKeys(prefix + ".allowed-clients", curve.getAllowedClients()),
                addresses(prefix + ".allowed-addresses", curve.getAllowedAddresses()),
                addresses(prefix + ".denied-addresses", curve.getDeniedAddresses()));
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

    private static Set<String> clientKeys(String property, List<String> entries) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            String indexed = property + "[" + i + "]";
            if (CurveKeys.isKey(entry)) {
                keys.add(entry);
            }
            else {
                certificateFiles(indexed, location(indexed, entry))
                        .forEach(file -> keys.add(CurveKeys.publicKeyIn(indexed, new FileSystemResource(file))));
            }
        }
        return keys;
    }

    private static Path location(String property, String entry) {
        try {
            return entry.startsWith("file:") ? Path.of(URI.create(entry)) : Path.of(entry);
        }
        catch (RuntimeException ex) {
            throw notKeyNorCertificates(property, ex);
        }
    }

    private static List<Path> certificateFiles(String property, Path location) {
        if (Files.isRegularFile(location)) {
            return List.of(location);
        }
        if (!Files.isDirectory(location)) {
            throw notKeyNorCertificates(property, null);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(location)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException | UncheckedIOException ex) {
            throw new ZmqConfigurationException(property, "cannot list the directory " + location + ": " + ex.getMessage(),
                    "Make " + location + " readable.", ex);
        }
        if (files.isEmpty()) {
            throw new ZmqConfigurationException(property, "the directory " + location + " holds no certificate",
                    "Put the clients' certificates (as ZCert.savePublic writes them) into " + location + ".");
        }
        return files;
    }

    /** The value is not shown: it may be a mistyped key. */
    private static ZmqConfigurationException notKeyNorCertificates(String property, Exception cause) {
        return new ZmqConfigurationException(property, "is neither a Z85 public key nor an existing directory or file "
                + "of certificates (the value is not shown)", "Set " + property + " to a client's Z85 public key "
                + "(40 characters) or to a directory of ZeroMQ certificates.", cause);
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
