package io.zmqstream.zap;

import java.util.Objects;

/**
 * What a {@link ZapAuthenticator} decided for one client: let in with a user id, which JeroMQ puts
 * on the client's messages as their {@code User-Id} property, or refused with a reason that is
 * logged and sent back in the ZAP reply.
 *
 * @param allowed whether the client is let in
 * @param userId the user id of a client let in, {@code null} for the request's default; {@code null} when refused
 * @param reason why the client was refused; {@code null} when let in
 */
public record ZapDecision(boolean allowed, String userId, String reason) {

    /**
     * Lets the client in with the request's default user id (a CURVE key or a PLAIN user name).
     *
     * @return the decision
     */
    public static ZapDecision allow() {
        return new ZapDecision(true, null, null);
    }

    /**
     * Lets the client in with the given user id.
     *
     * @param userId what the client's messages carry as their {@code User-Id} property
     * @return the decision
     */
    public static ZapDecision allow(String userId) {
        return new ZapDecision(true, Objects.requireNonNull(userId, "userId"), null);
    }

    /**
     * Refuses the client.
     *
     * @param reason why, logged and sent in the ZAP reply; keep secrets out of it
     * @return the decision
     */
    public static ZapDecision deny(String reason) {
        return new ZapDecision(false, null, Objects.requireNonNull(reason, "reason"));
    }
}
