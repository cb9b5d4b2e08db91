package io.zmqstream.zap;

import java.util.Set;

/**
 * Which clients a {@link ZapHandler} lets in for one ZAP domain: czmq's {@code zauth} rules. When
 * {@code allowedAddresses} is not empty only those addresses get in, otherwise every address but
 * the {@code deniedAddresses}; then, when {@code clientKeys} is not empty, only CURVE clients with
 * one of those public keys. Addresses are IP literals, as ZeroMQ reports a peer's address.
 *
 * @param clientKeys the Z85 public keys of the clients let in; empty lets in any key
 * @param allowedAddresses the only addresses let in; empty lets in any address not denied
 * @param deniedAddresses the addresses kept out when {@code allowedAddresses} is empty
 */
public record ZapPolicy(Set<String> clientKeys, Set<String> allowedAddresses, Set<String> deniedAddresses) {

    /**
     * Copies the sets.
     *
     * @param clientKeys the Z85 public keys of the clients let in; empty lets in any key
     * @param allowedAddresses the only addresses let in; empty lets in any address not denied
     * @param deniedAddresses the addresses kept out when {@code allowedAddresses} is empty
     */
    public ZapPolicy {
        clientKeys = Set.copyOf(clientKeys);
        allowedAddresses = Set.copyOf(allowedAddresses);
        deniedAddresses = Set.copyOf(deniedAddresses);
    }

    /**
     * Why a client is kept out, or {@code null} when it is let in.
     *
     * @param address the client's IP address
     * @param clientKey the Z85 public key of a CURVE client, or {@code null} for another mechanism
     * @return the reason for the refusal, or {@code null}
     */
    public String refusal(String address, String clientKey) {
        if (allowedAddresses.isEmpty() ? deniedAddresses.contains(address) : !allowedAddresses.contains(address)) {
            return "address " + address + " is not allowed";
        }
        if (!clientKeys.isEmpty() && (clientKey == null || !clientKeys.contains(clientKey))) {
            return "its key is not among the allowed clients";
        }
        return null;
    }
}
