package io.zmqstream;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
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
        Duration without = handshakenPeers > 0 ? Duration.ZERO
                : Duration.ofNanos(System.nanoTime() - withoutHandshakenPeerSinceNanos);
        return new StreamConnections(true, peers, handshakenPeers, without, List.copyOf(views));
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

    private void peersChanged(int peerDelta, int handshakenDelta) {
        peers += peerDelta;
        int before = handshakenPeers;
        handshakenPeers += handshakenDelta;
        if (before > 0 && handshakenPeers == 0) {
            withoutHandshakenPeerSinceNanos = System.nanoTime();
        }
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
            if (stopped || !state.awaitingHandshake.contains(channel)) {
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

    /** One endpoint's connections; changed under the monitor's lock on the loop thread. */
    private final class EndpointState {

        final String endpoint;
        /** Connections open and not yet handshaken, oldest first: JeroMQ's handshake event names no connection. */
        final Set<SelectableChannel> awaitingHandshake = Collections.newSetFromMap(new LinkedHashMap<>());
        final Set<SelectableChannel> handshaken = Collections.newSetFromMap(new IdentityHashMap<>());
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
            if (channel != null && awaitingHandshake.add(channel)) {
                peersChanged(1, 0);
            }
        }

        private void handshakeDone() {
            Iterator<SelectableChannel> oldest = awaitingHandshake.iterator();
            if (!oldest.hasNext()) {
                return;
            }
            SelectableChannel channel = oldest.next();
            oldest.remove();
            handshaken.add(channel);
            peersChanged(0, 1);
            if (healing.remove(channel)) {
                handshakesHealed++;
                statistics.recordHandshakeHealed();
            }
        }

        private void closed(SelectableChannel channel) {
            disconnects++;
            healing.remove(channel);
            if (handshaken.remove(channel)) {
                peersChanged(-1, -1);
            }
            else if (awaitingHandshake.remove(channel)) {
                peersChanged(-1, 0);
            }
        }

        EndpointConnections view() {
            return new EndpointConnections(endpoint, side, awaitingHandshake.size() + handshaken.size(),
                    handshaken.size(), lastEvent, lastEventTime, connects, disconnects, retries, handshakeFailures,
                    handshakesHealed);
        }
    }
}
