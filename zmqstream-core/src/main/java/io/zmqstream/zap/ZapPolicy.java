package io.zmqstream.zap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * Which clients a {@link ZapHandler} lets in for one ZAP domain: czmq's {@code zauth} rules. When
 * {@code allowedAddresses} is not empty only those addresses get in, otherwise every address but
 * the {@code deniedAddresses}; then, when {@code clientKeys} is not empty, only CURVE clients with
 * one of those public keys, and when {@code plainUsers} is not empty, only PLAIN clients with one
 * of those user names and its password. Addresses are IP literals, as ZeroMQ reports a peer's
 * address. {@link #toString()} never shows a password.
 *
 * @param clientKeys the Z85 public keys of the CURVE clients let in; empty lets in any key
 * @param allowedAddresses the only addresses let in; empty lets in any address not denied
 * @param deniedAddresses the addresses kept out when {@code allowedAddresses} is empty
 * @param plainUsers the passwords of the PLAIN users let in, by user name; empty lets in any user
 */
public record ZapPolicy(Set<String> clientKeys, Set<String> allowedAddresses, Set<String> deniedAddresses,
        Map<String, String> plainUsers) {

    /**
     * Copies the sets and the users.
     *
     * @param clientKeys the Z85 public keys of the CURVE clients let in; empty lets in any key
     * @param allowedAddresses the only addresses let in; empty lets in any address not denied
     * @param deniedAddresses the addresses kept out when {@code allowedAddresses} is empty
     * @param plainUsers the passwords of the PLAIN users let in, by user name; empty lets in any user
     */
    public ZapPolicy {
        clientKeys = Set.copyOf(clientKeys);
        allowedAddresses = Set.copyOf(allowedAddresses);
        deniedAddresses = Set.copyOf(deniedAddresses);
        plainUsers = Map.copyOf(plainUsers);
    }

    /**
     * A policy of addresses and CURVE keys, with no PLAIN users.
     *
     * @param clientKeys the Z85 public keys of the CURVE clients let in; empty lets in any key
     * @param allowedAddresses the only addresses let in; empty lets in any address not denied
     * @param deniedAddresses the addresses kept out when {@code allowedAddresses} is empty
     */
    public ZapPolicy(Set<String> clientKeys, Set<String> allowedAddresses, Set<String> deniedAddresses) {
        this(clientKeys, allowedAddresses, deniedAddresses, Map.of());
    }

    /**
     * The same policy with other CURVE client keys, as when a watched directory of certificates changed.
     *
     * @param keys the Z85 public keys of the CURVE clients let in
     * @return the new policy
     */
    public ZapPolicy withClientKeys(Set<String> keys) {
        return new ZapPolicy(keys, allowedAddresses, deniedAddresses, plainUsers);
    }

    /**
     * Why a client is kept out, or {@code null} when it is let in.
     *
     * @param request who asks
     * @return the reason for the refusal, or {@code null}
     */
    public String refusal(ZapRequest request) {
        String address = request.address();
        if (allowedAddresses.isEmpty() ? deniedAddresses.contains(address) : !allowedAddresses.contains(address)) {
            return "address " + address + " is not allowed";
        }
        if (ZapRequest.CURVE.equals(request.mechanism()) && !clientKeys.isEmpty()
                && (request.clientKey() == null || !clientKeys.contains(request.clientKey()))) {
            return "its key is not among the allowed clients";
        }
        if (ZapRequest.PLAIN.equals(request.mechanism()) && !plainUsers.isEmpty()
                && !passwordMatches(plainUsers.get(request.username()), request.password())) {
            // One reason for an unknown user and a wrong password: the reply tells a stranger nothing.
            return "unknown user or wrong password";
        }
        return null;
    }

    /** Compares in time that does not depend on where the two differ. */
    private static boolean passwordMatches(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ZapPolicy[clientKeys=" + clientKeys.size() + ", allowedAddresses=" + allowedAddresses
                + ", deniedAddresses=" + deniedAddresses + ", plainUsers=" + plainUsers.keySet() + "]";
    }
}
