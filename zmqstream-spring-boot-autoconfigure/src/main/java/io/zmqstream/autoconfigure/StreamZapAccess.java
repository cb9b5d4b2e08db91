package io.zmqstream.autoconfigure;

import java.util.Map;
import java.util.Set;

import io.zmqstream.zap.ZapPolicy;

/**
 * How the context's ZAP handler checks the clients of one server stream: the ZAP domain
 * ({@code zmq.streams.<name>.zap-domain}, the stream's name by default), the rules that
 * {@code .curve} and {@code .plain} set for it, and the certificates to read again.
 *
 * @param domain the ZAP domain the server's socket gets
 * @param policy the domain's rules, or {@code null} when the stream sets none
 * @param curveClients the CURVE rules with their certificates, or {@code null}
 */
record StreamZapAccess(String domain, ZapPolicy policy, CurveClientPolicy curveClients) {

    /**
     * The ZAP domain of a stream whose clients the ZAP handler checks: a PLAIN server, and a CURVE
     * server with allowed clients or addresses or, when the application has a ZapAuthenticator, any
     * CURVE server.
     *
     * @param name the stream's name
     * @param settings its settings
     * @param authenticatorPresent whether the application has a ZapAuthenticator
     * @return the domain, or {@code null} when the handler does not check the stream's clients
     */
    static String domainOf(String name, ZmqProperties.Stream settings, boolean authenticatorPresent) {
        boolean curveChecked = settings.getCurve().isServer()
                && (authenticatorPresent || CurveClientPolicy.isSet(settings.getCurve()));
        if (!curveChecked && !settings.getPlain().isServer()) {
            return null;
        }
        return settings.getZapDomain() == null ? name : settings.getZapDomain();
    }

    /**
     * Reads a stream's ZAP settings.
     *
     * @param name the stream's name
     * @param settings its settings
     * @param plain its checked PLAIN settings, or {@code null}
     * @param authenticatorPresent whether the application has a ZapAuthenticator
     * @return the access, or {@code null} when the handler does not check the stream's clients
     * @throws ZmqConfigurationException when a setting cannot work
     */
    static StreamZapAccess resolve(String name, ZmqProperties.Stream settings, PlainCredentials plain,
            boolean authenticatorPresent) {
        String prefix = "zmq.streams." + name;
        CurveClientPolicy curveClients = CurveClientPolicy.resolve(prefix + ".curve", settings.getCurve());
        String domain = domainOf(name, settings, authenticatorPresent);
        if (domain == null) {
            if (settings.getZapDomain() != null) {
                throw new ZmqConfigurationException(prefix + ".zap-domain", "only CURVE and PLAIN servers whose clients "
                        + "the ZAP handler checks have a ZAP domain", "Remove " + prefix + ".zap-domain, or make the stream "
                        + "a PLAIN server or a CURVE server with allowed clients.");
            }
            return null;
        }
        if (domain.isBlank()) {
            throw new ZmqConfigurationException(prefix + ".zap-domain", "is blank", "Name the domain, or remove "
                    + prefix + ".zap-domain for the stream's name.");
        }
        ZapPolicy policy = curveClients == null ? null : curveClients.policy();
        if (plain != null && !plain.users().isEmpty()) {
            policy = new ZapPolicy(Set.of(), Set.of(), Set.of(), plain.users());
        }
        return new StreamZapAccess(domain, policy, curveClients);
    }
}
