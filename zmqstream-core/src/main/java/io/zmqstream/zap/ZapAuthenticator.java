package io.zmqstream.zap;

/**
 * The application's own say on who may connect: a {@link ZapHandler} asks it about every CURVE
 * and PLAIN client that the client's ZAP domain's {@link ZapPolicy} (if any) has let in, so that a
 * key or a user can be looked up where the application keeps them. Its decision is final, and the
 * user id it gives reaches the client's messages as their {@code User-Id} property.
 *
 * <p>Called on the executor the handler was given, or on the handler's loop thread when it has
 * none; a server's handshake waits for the answer, bounded by its handshake interval. An exception
 * refuses the client.
 */
@FunctionalInterface
public interface ZapAuthenticator {

    /**
     * Decides whether a client is let in.
     *
     * @param request who asks
     * @return the decision
     * @throws Exception when the decision cannot be made; the client is refused
     */
    ZapDecision authenticate(ZapRequest request) throws Exception;
}
