package io.zmqstream.zap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.internal.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Decides who may connect to the CURVE and PLAIN servers of one context: answers their ZAP
 * requests (ZeroMQ RFC 27) on a loop, from a ROUTER stream bound to {@value #ENDPOINT}. A server
 * socket's {@code ZMQ_ZAP_DOMAIN} names the {@link ZapPolicy} its clients are checked against; a
 * domain without one lets every client in, as ZeroMQ does while no ZAP handler runs. Then a
 * {@link ZapAuthenticator}, when the application set one, has the last word on CURVE and PLAIN
 * clients. A client let in has a ZAP user id (its Z85 public key, its PLAIN user name, or what the
 * authenticator chose), which JeroMQ puts on its messages as the {@code User-Id} property.
 *
 * <p>Refused clients are counted per domain and logged at WARN, at most one line a second per
 * domain (the rest at DEBUG), with the first {@value #SHOWN_KEY_CHARACTERS} characters of their
 * key or their user name only, never a password. A context has one ZAP handler at most: the constructor fails when another one is bound.
 * Thread-safe.
 */
public final class ZapHandler implements AutoCloseable {

    /** Where the sockets of a context send their ZAP requests. */
    public static final String ENDPOINT = "inproc://zeromq.zap.01";

    /** How much of a refused client's key the log shows. */
    public static final int SHOWN_KEY_CHARACTERS = 8;

    private static final Logger log = LoggerFactory.getLogger(ZapHandler.class);
    private static final byte[] VERSION = "1.0".getBytes(StandardCharsets.US_ASCII);
    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(1);
    /** Routing id, delimiter, version, request id, domain, address, identity, mechanism. */
    private static final int REQUEST_FRAMES = 8;
    private static final int CURVE_KEY_BYTES = 32;

    private final ZMQStream stream;
    private final Map<String, Domain> domains = new ConcurrentHashMap<>();
    private volatile ZapAuthenticator authenticator;
    private volatile Executor authenticatorExecutor;

    /**
     * Binds the ZAP endpoint of {@code context} and answers its requests on {@code loop}.
     *
     * @param context the context whose servers ask
     * @param loop the loop that answers
     * @throws IllegalStateException when the context has a ZAP handler already
     */
    public ZapHandler(ZContext context, ZmqIoLoop loop) {
        ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
        try {
            stream = new ZMQStream(socket, loop);
        }
        catch (RuntimeException ex) {
            socket.close();
            throw ex;
        }
        stream.setName("zap-handler");
        RuntimeException refusal = null;
        try {
            if (stream.bind(ENDPOINT)) {
                stream.onRecv(this::answer);
                return;
            }
        }
        catch (RuntimeException ex) {
            refusal = ex;
        }
        stream.close(0);
        throw new IllegalStateException("Cannot bind " + ENDPOINT + ": the context has a ZAP handler already", refusal);
    }

    /**
     * Sets the policy of a domain, replacing the one it had; clients that are connected already stay.
     *
     * @param domain the {@code ZMQ_ZAP_DOMAIN} of the servers it applies to
     * @param policy who is let in
     */
    public void setPolicy(String domain, ZapPolicy policy) {
        domain(domain).policy = policy;
    }

    /**
     * Asks the application about every CURVE and PLAIN client its domain's policy lets in (or every
     * one, in domains without a policy), from now on.
     *
     * @param authenticator the application's decision, or {@code null} to ask it no more
     * @param executor where it runs, or {@code null} for the handler's loop thread (then it must not block)
     */
    public void setAuthenticator(ZapAuthenticator authenticator, Executor executor) {
        this.authenticatorExecutor = executor;
        this.authenticator = authenticator;
    }

    /**
     * How many clients were let in for a domain.
     *
     * @param domain a ZAP domain
     * @return the count since the handler started
     */
    public long getAllowed(String domain) {
        return domain(domain).allowed.sum();
    }

    /**
     * How many clients were refused for a domain.
     *
     * @param domain a ZAP domain
     * @return the count since the handler started
     */
    public long getDenied(String domain) {
        return domain(domain).denied.sum();
    }

    /** Unbinds the ZAP endpoint: from then on every client is let in again. */
    @Override
    public void close() {
        stream.close(0);
    }

    private Domain domain(String name) {
        return domains.computeIfAbsent(name, Domain::new);
    }

    private void answer(List<byte[]> request) {
        if (request.size() < REQUEST_FRAMES || request.get(1).length != 0 || !Arrays.equals(request.get(2), VERSION)) {
            log.warn("Ignored a malformed ZAP request of {} frames", request.size());
            return;
        }
        ZapRequest client = read(request);
        Domain domain = domain(client.domain());
        ZapPolicy policy = domain.policy;
        String refusal = policy == null ? null : policy.refusal(client);
        ZapAuthenticator asked = authenticator;
        if (refusal != null || asked == null || !isAskedAbout(client)) {
            decide(domain, request, client, refusal == null ? ZapDecision.allow() : ZapDecision.deny(refusal));
            return;
        }
        Executor executor = authenticatorExecutor;
        if (executor == null) {
            decide(domain, request, client, ask(asked, client));
            return;
        }
        try {
            executor.execute(() -> decide(domain, request, client, ask(asked, client)));
        }
        catch (RejectedExecutionException ex) {
            decide(domain, request, client, ZapDecision.deny("the authenticator is not available"));
        }
    }

    private static boolean isAskedAbout(ZapRequest client) {
        return ZapRequest.CURVE.equals(client.mechanism()) || ZapRequest.PLAIN.equals(client.mechanism());
    }

    private static ZapRequest read(List<byte[]> request) {
        String mechanism = text(request.get(7));
        String clientKey = null;
        String username = null;
        String password = null;
        if (ZapRequest.CURVE.equals(mechanism) && request.size() > REQUEST_FRAMES
                && request.get(REQUEST_FRAMES).length == CURVE_KEY_BYTES) {
            clientKey = ZMQ.Curve.z85Encode(request.get(REQUEST_FRAMES));
        }
        else if (ZapRequest.PLAIN.equals(mechanism) && request.size() > REQUEST_FRAMES + 1) {
            username = text(request.get(REQUEST_FRAMES));
            password = text(request.get(REQUEST_FRAMES + 1));
        }
        return new ZapRequest(text(request.get(4)), text(request.get(5)), mechanism, clientKey, username, password);
    }

    private static ZapDecision ask(ZapAuthenticator authenticator, ZapRequest client) {
        try {
            ZapDecision decision = authenticator.authenticate(client);
            return decision == null ? ZapDecision.deny("the authenticator gave no decision") : decision;
        }
        catch (Exception | LinkageError ex) {
            log.warn("The ZAP authenticator failed for a {}: {}; refused", client, ex.toString());
            return ZapDecision.deny("the authenticator failed");
        }
    }

    /** Counts, logs and sends a decision; any thread. */
    private void decide(Domain domain, List<byte[]> request, ZapRequest client, ZapDecision decision) {
        if (decision.allowed()) {
            domain.allowed.increment();
            reply(request, "200", "OK", decision.userId() == null ? client.defaultUserId() : decision.userId());
        }
        else {
            domain.denied.increment();
            domain.logRefusal(client, decision.reason());
            reply(request, "400", decision.reason(), "");
        }
    }

    private void reply(List<byte[]> request, String status, String statusText, String userId) {
        List<byte[]> reply = List.of(request.get(0), new byte[0], VERSION, request.get(3),
                status.getBytes(StandardCharsets.US_ASCII), statusText.getBytes(StandardCharsets.UTF_8),
                userId.getBytes(StandardCharsets.UTF_8), new byte[0]);
        try {
            stream.sendMultipart(reply);
        }
        catch (IllegalStateException ex) {
            if (!stream.isClosed()) {
                throw ex;
            }
            // An authenticator answered after the handler closed: that handshake is over.
        }
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    /** A domain's policy and counts. */
    private static final class Domain {

        final String name;
        final LongAdder allowed = new LongAdder();
        final LongAdder denied = new LongAdder();
        volatile ZapPolicy policy;
        final LogThrottle warnings = new LogThrottle(WARNING_INTERVAL);

        Domain(String name) {
            this.name = name;
        }

        void logRefusal(ZapRequest client, String refusal) {
            if (warnings.pass()) {
                log.warn("ZAP domain '{}' refused a {}: {}; {} refused in all", name, client, refusal, denied.sum());
            }
            else {
                log.debug("ZAP domain '{}' refused a {}: {}", name, client, refusal);
            }
        }
    }
}
