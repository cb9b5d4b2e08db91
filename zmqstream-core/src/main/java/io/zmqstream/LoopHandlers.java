package io.zmqstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The handlers a loop calls: each socket and channel registered with the loop's selector, its
 * interest, and the ready list of sockets to give a turn. Loop thread only (or the caller that owns
 * the sockets while the loop is stopped), but for {@link #wakeup()}.
 *
 * <p>JeroMQ signals a socket's descriptor edge-triggered: the selector only says that something
 * changed, and {@code ZMQ_EVENTS} says what. So a socket selected, or given interest, goes on the
 * ready list, and stays on it after its turn for as long as it has events of interest.
 */
final class LoopHandlers {

    private static final Logger log = LoggerFactory.getLogger(LoopHandlers.class);
    /**
     * How long deferred output waits at most for its socket's descriptor. Reading a socket's events
     * consumes the signal that its pipe has room again, so the signal can pass unseen.
     */
    private static final long DEFERRED_OUTPUT_RETRY_NANOS = 10_000_000;

    private final CallbackWatch callbacks;
    private final String threadName;
    private final TimerQueue timers;
    private final Selector selector;
    private final Map<Object, Registration> registrations = new IdentityHashMap<>();
    private final ArrayDeque<Registration> ready = new ArrayDeque<>();
    private final Consumer<SelectionKey> onSelected = this::onSelected;
    /** Set when every socket should get a turn: a terminated context takes all its sockets at once. */
    private boolean lookAtEverySocket;

    /**
     * @param threadName the loop thread's name, for logs
     * @param timers the loop's timers, for deferred output
     * @param callbacks where a handler's call is noted, for a close to see a stuck thread
     */
    LoopHandlers(String threadName, TimerQueue timers, CallbackWatch callbacks) {
        this.threadName = threadName;
        this.timers = timers;
        this.callbacks = callbacks;
        try {
            this.selector = Selector.open();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot open a selector for the loop", ex);
        }
    }

    /** Registers a socket's handler. */
    void addSocket(ZMQ.Socket socket, SocketHandler handler, int events, boolean reportsOwnErrors) {
        register(new Registration(socket, null, handler, null, reportsOwnErrors), socket.getFD(), events);
    }

    /** Registers a channel's handler. */
    void addChannel(SelectableChannel channel, ChannelHandler handler, int events) {
        register(new Registration(null, channel, null, handler, false), channel, events);
    }

    private void register(Registration registration, SelectableChannel channel, int events) {
        Object target = registration.target();
        if (registrations.containsKey(target)) {
            throw new IllegalStateException(target + " already has a handler on loop " + threadName);
        }
        try {
            channel.configureBlocking(false);
            registration.key = registerChannel(channel, registration);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot register " + target + " with loop " + threadName, ex);
        }
        registrations.put(target, registration);
        setInterest(registration, events);
    }

    private SelectionKey registerChannel(SelectableChannel channel, Registration registration) throws IOException {
        try {
            return channel.register(selector, 0, registration);
        }
        catch (CancelledKeyException ex) {
            // The channel's previous handler was removed: its cancelled key stays registered until the
            // next select, and NIO refuses a new one until then.
            selector.selectNow(onSelected);
            return channel.register(selector, 0, registration);
        }
    }

    /** Changes the events a registered socket's or channel's handler is called for. */
    void changeInterest(Object target, int events) {
        Registration registration = registrations.get(target);
        if (registration == null) {
            throw new IllegalStateException(target + " has no handler on loop " + threadName);
        }
        setInterest(registration, events);
    }

    private void setInterest(Registration registration, int events) {
        registration.interest = events;
        registration.key.interestOps(registration.selectionOps(events));
        if (registration.socket != null && events != 0) {
            // The edge may already have passed: look at the socket's events on the next turn.
            markReady(registration);
        }
    }

    /** Stops calling a socket's or channel's handler; nothing is closed. */
    void unregister(Object target) {
        Registration registration = registrations.remove(target);
        if (registration != null) {
            registration.removed = true;
            registration.key.cancel();
            if (registration.outputRetry != null) {
                registration.outputRetry.cancel();
            }
        }
    }

    /**
     * Leaves {@code POLLOUT} out of a socket's ready events until its descriptor signals a change of
     * state, or a few milliseconds have passed (see {@link ZmqIoLoop}'s {@code deferOutput}).
     */
    void deferOutput(ZMQ.Socket socket) {
        Registration registration = registrations.get(socket);
        if (registration != null && registration.outputRetry == null) {
            registration.outputRetry = timers.newTimeout(System.nanoTime() + DEFERRED_OUTPUT_RETRY_NANOS,
                    () -> resumeOutput(registration));
            timers.add(registration.outputRetry);
        }
    }

    private void resumeOutput(Registration registration) {
        if (registration.outputRetry != null) {
            registration.outputRetry.cancel();
            registration.outputRetry = null;
            markReady(registration);
        }
    }

    /**
     * Gives every ready socket one turn.
     *
     * @return whether any handler ran
     */
    boolean runReadyHandlers() {
        boolean dispatched = false;
        for (int turns = ready.size(); turns > 0; turns--) {
            Registration registration = ready.poll();
            registration.queued = false;
            int events = pendingEvents(registration);
            if (events != 0) {
                registration.dispatch(events);
                dispatched = true;
                if (pendingEvents(registration) != 0) {
                    markReady(registration);
                }
            }
        }
        if (lookAtEverySocket) {
            lookAtEverySocket = false;
            registrations.values().forEach(registration -> {
                if (registration.socket != null) {
                    markReady(registration);
                }
            });
        }
        return dispatched;
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    /**
     * The socket's events of interest. Reading {@code ZMQ_EVENTS} also consumes the descriptor's
     * signal, so it is read even when nothing is of interest; otherwise the descriptor would stay
     * readable and the selector would never block.
     */
    private int pendingEvents(Registration registration) {
        if (registration.removed) {
            return 0;
        }
        int events;
        try {
            events = registration.socket.getEvents();
        }
        catch (ZMQException ex) {
            events = -1;
        }
        catch (RuntimeException ex) {
            // ZContext.close() closes every socket of its context from the caller's thread before it
            // terminates the context; a socket torn down under the loop that way can throw from inside
            // JeroMQ (a NullPointerException in Ctx.sendCommand) instead of answering ETERM.
            log.debug("Socket {} on loop {} failed while its events were read", registration.socket, threadName, ex);
            events = -1;
        }
        if (events < 0) {
            socketUnusable(registration);
            return 0;
        }
        return events & (registration.outputRetry == null ? registration.interest : registration.interest & ~ZMQ.Poller.POLLOUT);
    }

    /**
     * A socket whose events cannot be read (its context was terminated, or it was closed behind the
     * loop's back) would look ready forever: remove it and tell its handler once.
     */
    private void socketUnusable(Registration registration) {
        unregister(registration.socket);
        if (!registration.reportsOwnErrors) {
            log.warn("Socket {} on loop {} can no longer be polled (error {}); its handler is removed",
                    registration.socket, threadName, registration.socket.errno());
        }
        registration.dispatch(ZMQ.Poller.POLLERR);
        // A terminated context takes all its sockets at once, idle ones too: look at every socket.
        lookAtEverySocket = true;
    }

    /** Selects without blocking, marking what is ready. */
    void selectNow() throws IOException {
        selector.selectNow(onSelected);
        dropClosedChannels();
    }

    /** Selects until something is ready, woken or {@code timeoutMillis} passed; 0 for no time limit. */
    void select(long timeoutMillis) throws IOException {
        selector.select(onSelected, timeoutMillis);
        dropClosedChannels();
    }

    /** Wakes a blocked {@link #select(long)}; any thread. */
    void wakeup() {
        selector.wakeup();
    }

    boolean isOpen() {
        return selector.isOpen();
    }

    void close() throws IOException {
        selector.close();
    }

    /**
     * A channel closed behind the loop's back (JeroMQ's reaper closes the descriptor of a socket
     * whose context was terminated) loses its selection key without an event; after the next select
     * the selector holds fewer keys than there are registrations. Finds those and drops them.
     */
    private void dropClosedChannels() {
        if (selector.keys().size() >= registrations.size()) {
            return;
        }
        for (Registration registration : List.copyOf(registrations.values())) {
            if (registration.key.isValid()) {
                continue;
            }
            if (registration.socket != null) {
                socketUnusable(registration);
            }
            else {
                unregister(registration.channel);
                log.warn("Channel {} on loop {} was closed; its handler is removed", registration.channel, threadName);
            }
        }
    }

    private void onSelected(SelectionKey key) {
        Registration registration = (Registration) key.attachment();
        if (!key.isValid() || registration.removed) {
            return;
        }
        if (registration.socket != null) {
            // Edge-triggered: the descriptor only says "something changed"; ZMQ_EVENTS says what.
            resumeOutput(registration);
            markReady(registration);
        }
        else {
            registration.dispatch(PollEvents.fromSelectionOps(key.readyOps()));
        }
    }

    private void markReady(Registration registration) {
        if (!registration.queued) {
            registration.queued = true;
            ready.add(registration);
        }
    }

    /** A socket or channel with its handler and interest. */
    private final class Registration {

        final ZMQ.Socket socket;
        final SelectableChannel channel;
        final SocketHandler socketHandler;
        final ChannelHandler channelHandler;
        final boolean reportsOwnErrors;
        SelectionKey key;
        int interest;
        /** Set while {@code POLLOUT} is {@linkplain #deferOutput deferred}: the retry that ends it. */
        Timeout outputRetry;
        boolean queued;
        boolean removed;

        Registration(ZMQ.Socket socket, SelectableChannel channel, SocketHandler socketHandler,
                ChannelHandler channelHandler, boolean reportsOwnErrors) {
            this.socket = socket;
            this.channel = channel;
            this.socketHandler = socketHandler;
            this.channelHandler = channelHandler;
            this.reportsOwnErrors = reportsOwnErrors;
        }

        Object target() {
            return socket != null ? socket : channel;
        }

        int selectionOps(int events) {
            if (socket != null) {
                // A socket's descriptor signals any change of state, input or output alike. It stays
                // armed when nothing is of interest: toggling it would cost a system call per change.
                return SelectionKey.OP_READ;
            }
            return PollEvents.toSelectionOps(events, channel.validOps());
        }

        void dispatch(int events) {
            callbacks.enter();
            try {
                if (socket != null) {
                    socketHandler.handle(socket, events);
                }
                else {
                    channelHandler.handle(channel, events);
                }
            }
            catch (Throwable ex) {
                log.error("The handler of {} failed on loop {}; the loop goes on", target(), threadName, ex);
            }
            finally {
                callbacks.leave();
            }
        }
    }
}
