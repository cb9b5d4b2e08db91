package io.zmqstream;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZEvent;
import org.zeromq.ZMonitor;

/**
 * A stream's view of its connections, kept from its socket's monitor events: per endpoint, the
 * peers connected and handshaken, the last event and counts; the healing of connections that
 * JeroMQ leaves stalled in their handshake ({@link HandshakeHealer}); and the peers JeroMQ drops
 * for a message over the size limit ({@link OversizePeers}).
 *
 * <p>JeroMQ calls the event hook on its own I/O threads (and on the thread that binds); the hook
 * only queues the event for the stream's loop, never blocking and never taking the loop's sockets.
 * Everything else runs on the loop thread, without a thread or socket of its own; the state is
 * read by other threads under this object's lock.
 */
final class ConnectionMonitor implements ZEvent.ZEventConsummer {

    private static final Logger log = LoggerFactory.getLogger(ConnectionMonitor.class);
    /** Pokes per stalled connection; after that it waits for JeroMQ's handshake interval. */
    private static final int MAX_HEALS_PER_CONNECTION = 3;
    /** Past JeroMQ's handshake interval, time for the disconnect of a connection it dropped to arrive. */
    private static final Duration HANDSHAKE_INTERVAL_MARGIN = Duration.ofSeconds(1);

    private final ZMQStream stream;
    private final ZmqIoLoop loop;
    private final StreamStatistics statistics;
    private volatile long healAfterNanos;
    private final OversizePeers oversizePeers;
    private final Map<String, EndpointState> endpoints = new LinkedHashMap<>();
    /** Connections poked while stalled, so that their handshake counts as healed. */
    private final Set<SelectableChannel> healing = Collections.newSetFromMap(new IdentityHashMap<>());
    // Owned by the loop thread; read under the lock.
    private int peers;
    private int handshakenPeers;
    private long withoutHandshakenPeerSinceNanos = System.nanoTime();
    private boolean stopped;

    /** A monitor that heals after {@link ZMQStream#DEFAULT_HANDSHAKE_HEAL_AFTER} until told otherwise. */
    ConnectionMonitor(ZMQStream stream, StreamStatistics statistics) {
        this.stream = stream;
        this.loop = stream.getIoLoop();
        this.statistics = statistics;
        this.healAfterNanos = ZMQStream.DEFAULT_HANDSHAKE_HEAL_AFTER.toNanos();
        this.oversizePeers = new OversizePeers(stream, statistics);
    }

    /** From now on, connections this stream makes are healed after {@code healAfter}; zero never. */
    void healAfter(Duration healAfter) {
        healAfterNanos = healAfter.toNanos();
    }

    /** Called by JeroMQ on the thread where the event happened. */
    @Override
    public void consume(ZEvent event) {
        Instant time = Instant.now();
        if (event.getEvent() == ZMonitor.Event.DISCONNECTED && OversizePeers.causedDisconnect(stream.getSocket())) {
            String peer = OversizePeers.peerOf(channelOf(event));
            loop.queueLoopTask(() -> oversizePeers.disconnected(peer));
        }
        loop.queueLoopTask(() -> handle(event, time));
    }

    /** Stops taking events in; the socket's hook is removed by the stream. */
    synchronized void stop() {
        stopped = true;
    }

    synchronized StreamConnections snapshot() {
        List<EndpointConnections> views = new ArrayList<>(endpoints.size());
        for (EndpointState state : endpoints.values()) {
            views.add(state.view());
        }
        List<String> unobserved = unobservedEndpoints();
        Duration without = handshakenPeers > 0 || !unobserved.isEmpty() ? Duration.ZERO
                : Duration.ofNanos(System.nanoTime() - withoutHandshakenPeerSinceNanos);
        return new StreamConnections(true, peers, handshakenPeers, without, List.copyOf(views), unobserved);
    }

    /** The stream's endpoints on a transport that reports no connections: inproc, whose peers attach directly. */
    private List<String> unobservedEndpoints() {
        List<String> unobserved = new ArrayList<>();
        for (List<String> endpoints : List.of(stream.getBoundEndpoints(), stream.getConnectedEndpoints())) {
            for (String endpoint : endpoints) {
                if (endpoint.startsWith("inproc://")) {
                    unobserved.add(endpoint);
                }
            }
        }
        return List.copyOf(unobserved);
    }

    private void handle(ZEvent event, Instant time) {
        ZMonitor.Event type = event.getEvent();
        String endpoint = event.getAddress();
        synchronized (this) {
            if (stopped || type == null || type == ZMonitor.Event.MONITOR_STOPPED) {
                return;
            }
            EndpointState state = endpoints.computeIfAbsent(endpoint, EndpointState::new);
            state.take(type, time, channelOf(event));
            recount();
            statistics.recordConnectionEvent(type, handshakenPeers);
        }
        notifyCallback(new ConnectionEvent(type, endpoint, time));
    }

    private static SelectableChannel channelOf(ZEvent event) {
        return event.getValue() instanceof SelectableChannel channel ? channel : null;
    }

    private void notifyCallback(ConnectionEvent event) {
        ConnectionEventCallback target = stream.connectionEventCallback();
        if (target == null) {
            return;
        }
        try {
            target.onConnectionEvent(stream, event);
        }
        catch (Throwable ex) {
            statistics.recordCallbackError();
            log.error("The connection event callback of {} failed; the stream goes on", stream, ex);
        }
    }

    /** Sums the endpoints' connections after a change, noting when the last handshaken peer went. */
    private void recount() {
        int allPeers = 0;
        int handshaken = 0;
        for (EndpointState state : endpoints.values()) {
            allPeers += state.peers();
            handshaken += state.handshakenPeers();
        }
        if (handshakenPeers > 0 && handshaken == 0) {
            withoutHandshakenPeerSinceNanos = System.nanoTime();
        }
        peers = allPeers;
        handshakenPeers = handshaken;
    }

    private void watchHandshake(EndpointState state, SelectableChannel channel, int heals) {
        long after = healAfterNanos;
        if (after <= 0 || channel == null) {
            return;
        }
        loop.callLater(Duration.ofNanos(after), () -> healIfStalled(state, channel, heals));
    }

    /** A connection still waiting for its handshake: poke JeroMQ's I/O threads, and look again later. */
    private void healIfStalled(EndpointState state, SelectableChannel channel, int heals) {
        synchronized (this) {
            if (stopped || !state.mayAwaitHandshake(channel)) {
                return;
            }
            if (heals == MAX_HEALS_PER_CONNECTION) {
                healing.remove(channel);
                log.info("{}: the connection to {} has not finished its handshake after {} healing attempts; JeroMQ's "
                        + "handshake interval will drop and retry it", stream, state.endpoint, heals);
                return;
            }
            healing.add(channel);
        }
        if (HandshakeHealer.heal(stream.getSocket())) {
            watchHandshake(state, channel, heals + 1);
        }
    }

    /**
     * Looks again at a connection once JeroMQ's handshake interval has passed: JeroMQ drops every
     * connection whose greeting has not arrived by then, so one still open has handshaken.
     */
    private void confirmAfterHandshakeInterval(EndpointState state, SelectableChannel channel) {
        int interval = stream.getSocket().getHandshakeIvl();
        if (interval <= 0 || channel == null) {
            return;
        }
        loop.callLater(Duration.ofMillis(interval).plus(HANDSHAKE_INTERVAL_MARGIN), () -> {
            synchronized (this) {
                if (!stopped && state.outlivedHandshakeInterval(channel)) {
                    recount();
                    statistics.recordHandshakenPeers(handshakenPeers);
                }
            }
        });
    }

    /**
     * One endpoint's connections; changed under the monitor's lock on the loop thread.
     *
     * <p>JeroMQ's handshake event names no connection, so while several connections of an endpoint
     * wait, a handshake cannot be told to be one's: it is counted for the endpoint, unattributed, and
     * given to connections once the counts leave no doubt (as many handshakes as waiting connections),
     * or once a connection outlives JeroMQ's handshake interval. A waiting connection that closes while
     * there is doubt is taken for one that never handshook, as a tcp probe or a silent stranger that
     * comes and goes; should it have been a peer, the count is one too high until the interval has
     * dropped the silent ones. So a silent connection never hides a live peer.
     */
    private final class EndpointState {

        final String endpoint;
        /** Open connections not known to have handshaken. */
        final Set<SelectableChannel> unconfirmed = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<SelectableChannel> handshaken = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Handshakes of connections among {@link #unconfirmed}, not known to be whose. */
        int unattributedHandshakes;
        EndpointConnections.Side side;
        ZMonitor.Event lastEvent;
        Instant lastEventTime;
        long connects;
        long disconnects;
        long retries;
        long handshakeFailures;
        long handshakesHealed;

        EndpointState(String endpoint) {
            this.endpoint = endpoint;
        }

        int peers() {
            return unconfirmed.size() + handshaken.size();
        }

        int handshakenPeers() {
            return handshaken.size() + unattributedHandshakes;
        }

        /** Whether the connection may still wait for its handshake: open, and not every handshake accounted for. */
        boolean mayAwaitHandshake(SelectableChannel channel) {
            return unconfirmed.contains(channel) && unattributedHandshakes < unconfirmed.size();
        }

        void take(ZMonitor.Event type, Instant time, SelectableChannel channel) {
            lastEvent = type;
            lastEventTime = time;
            switch (type) {
                case CONNECTED -> {
                    side = EndpointConnections.Side.CONNECT;
                    opened(channel);
                    watchHandshake(this, channel, 0);
                }
                case ACCEPTED -> {
                    side = EndpointConnections.Side.BIND;
                    opened(channel);
                }
                case LISTENING, BIND_FAILED, ACCEPT_FAILED -> side = EndpointConnections.Side.BIND;
                case CONNECT_RETRIED, CONNECT_DELAYED -> {
                    side = EndpointConnections.Side.CONNECT;
                    retries += type == ZMonitor.Event.CONNECT_RETRIED ? 1 : 0;
                }
                case HANDSHAKE_PROTOCOL -> handshakeDone();
                case HANDSHAKE_FAILED_NO_DETAIL, HANDSHAKE_FAILED_PROTOCOL, HANDSHAKE_FAILED_AUTH -> handshakeFailures++;
                case DISCONNECTED -> closed(channel);
                default -> {
                    // CLOSED, CLOSE_FAILED and the like change no connection count.
                }
            }
        }

        private void opened(SelectableChannel channel) {
            connects++;
            if (channel != null && unconfirmed.add(channel)) {
                confirmAfterHandshakeInterval(this, channel);
            }
        }

        private void handshakeDone() {
            if (unattributedHandshakes < unconfirmed.size()) {
                unattributedHandshakes++;
                attributeWhenCertain();
            }
        }

        private void closed(SelectableChannel channel) {
            disconnects++;
            healing.remove(channel);
            if (handshaken.remove(channel) || !unconfirmed.remove(channel)) {
                return;
            }
            // More handshakes than connections left: the one that closed was among them.
            unattributedHandshakes = Math.min(unattributedHandshakes, unconfirmed.size());
            attributeWhenCertain();
        }

        /** A connection open for longer than the handshake interval has handshaken, whatever was counted. */
        boolean outlivedHandshakeInterval(SelectableChannel channel) {
            if (!unconfirmed.remove(channel)) {
                return false;
            }
            unattributedHandshakes = Math.max(0, unattributedHandshakes - 1);
            confirm(channel);
            attributeWhenCertain();
            return true;
        }

        /** As many handshakes as waiting connections: every one of them has handshaken. */
        private void attributeWhenCertain() {
            if (unattributedHandshakes == 0 || unattributedHandshakes < unconfirmed.size()) {
                return;
            }
            unconfirmed.forEach(this::confirm);
            unconfirmed.clear();
            unattributedHandshakes = 0;
        }

        private void confirm(SelectableChannel channel) {
            handshaken.add(channel);
            if (healing.remove(channel)) {
                handshakesHealed++;
                statistics.recordHandshakeHealed();
            }
        }

        EndpointConnections view() {
            return new EndpointConnections(endpoint, side, peers(), handshakenPeers(), lastEvent, lastEventTime,
                    connects, disconnects, retries, handshakeFailures, handshakesHealed);
        }
    }
}
