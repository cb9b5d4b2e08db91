package io.zmqstream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.ZError;

/**
 * What the loop thread does for one stream: it turns the socket's events into turns of the
 * stream's inbox and outbox, flushes, keeps what the loop watches in line with what the stream
 * wants, and runs the close sequence (the linger, then the socket's close and the close callback).
 *
 * <p>Everything but {@link #requestInterestUpdate()}, {@link #outputWanted()} (a sender's, through the
 * outbox), {@link #closeAsync(int)} and {@link #awaitClosed(BooleanSupplier)} runs on the socket's
 * owner: the loop thread, or the caller while the loop is not running.
 */
final class StreamDriver {

    private static final Logger log = LoggerFactory.getLogger(ZMQStream.class);

    private final ZMQStream stream;
    /** Replaced only by {@link #replaceSocket}, on the socket's owner. */
    private ZMQ.Socket socket;
    private final ZmqIoLoop loop;
    private final StreamSocketGuard guard;
    private final StreamOutbox outbox;
    private final StreamInbox inbox;
    private final AtomicBoolean interestUpdateScheduled = new AtomicBoolean();
    private final LoopTask scheduledInterestUpdate = this::runScheduledInterestUpdate;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Runnable closeCallback;
    /**
     * Whether the loop watches the socket for room because messages are queued: while it does, a
     * sender need not ask it to. Cleared only when the loop finds the queue empty, so that a burst of
     * sends costs its senders no task and no wake-up of the loop (see {@link #wantsOutput()}).
     */
    private volatile boolean watchingOutput;

    // Owned by the socket's owner.
    private int registeredEvents;
    private boolean closeBegun;

    StreamDriver(ZMQStream stream, ZMQ.Socket socket, SendQueue queue, StreamStatistics statistics,
            StreamSocketGuard guard) {
        this.stream = stream;
        this.socket = socket;
        this.loop = stream.getIoLoop();
        this.guard = guard;
        this.outbox = new StreamOutbox(stream, socket, queue, statistics, this::outputWanted);
        this.inbox = new StreamInbox(stream, socket, statistics, this::requestInterestUpdate);
    }

    /**
     * Claims the socket and adds it to the loop.
     *
     * @throws IllegalStateException when another stream owns the socket or the loop refuses it; the
     *         socket is then left as it was
     */
    void register() {
        guard.claim();
        try {
            loop.addSocketHandler(socket, this::handleEvents, 0, true);
        }
        catch (RuntimeException | Error ex) {
            guard.release(ex);
            throw ex;
        }
        loop.attach(stream);
    }

    /**
     * Drives a new socket in place of the current one, which closes at once (linger 0): the queue,
     * the callbacks and the counts stay; on the socket's owner.
     *
     * @throws IllegalStateException when the stream is closing or closed, or another stream owns
     *         {@code fresh}; the current socket is then kept
     */
    void replaceSocket(ZMQ.Socket fresh) {
        if (closeBegun || outbox.isReleased()) {
            throw new IllegalStateException(stream + " is closed");
        }
        ZMQ.Socket old = socket;
        loop.removeHandler(old);
        try {
            guard.replace(fresh);
        }
        catch (RuntimeException | Error ex) {
            loop.addSocketHandler(old, this::handleEvents, registeredEvents, true);
            throw ex;
        }
        socket = fresh;
        outbox.replaceSocket(fresh);
        inbox.replaceSocket(fresh);
        registeredEvents = 0;
        loop.addSocketHandler(fresh, this::handleEvents, 0, true);
        updateInterest();
    }

    StreamOutbox outbox() {
        return outbox;
    }

    StreamInbox inbox() {
        return inbox;
    }

    void setCloseCallback(Runnable callback) {
        this.closeCallback = callback;
    }

    /** The loop's handler of the stream's socket. */
    void handleEvents(ZMQ.Socket ignored, int events) {
        if ((events & ZMQ.Poller.POLLERR) != 0) {
            contextTerminated();
            return;
        }
        try {
            int budget = loop.getBatchBudget();
            if ((events & ZMQ.Poller.POLLIN) != 0) {
                inbox.receiveTurn(budget, closeBegun);
            }
            if ((events & ZMQ.Poller.POLLOUT) != 0) {
                outbox.sendQueued(budget);
            }
            afterTurn();
        }
        catch (ZMQException ex) {
            endIfTerminated(ex);
        }
    }

    /** Handles up to {@code limit} pending messages of the given directions now, bypassing the loop's turns. */
    int flush(int flag, int limit) {
        boolean in = (flag & ZMQ.Poller.POLLIN) != 0;
        boolean out = (flag & ZMQ.Poller.POLLOUT) != 0;
        int count = 0;
        try {
            boolean progress = true;
            while (progress && count < limit) {
                progress = false;
                if (in && inbox.receiveForFlush()) {
                    count++;
                    progress = true;
                }
                if (out && count < limit && outbox.sendOne()) {
                    count++;
                    progress = true;
                }
            }
            outbox.announceRoom();
            afterTurn();
        }
        catch (ZMQException ex) {
            endIfTerminated(ex);
        }
        return count;
    }

    /** Ends the stream when the socket failed because its context was terminated; rethrows any other error. */
    private void endIfTerminated(ZMQException ex) {
        if (ex.getErrorCode() != ZError.ETERM) {
            throw ex;
        }
        contextTerminated();
    }

    private void afterTurn() {
        if (closeBegun && outbox.isEmpty()) {
            finishClose();
        }
        else {
            updateInterest();
        }
    }

    /** A message was queued: the loop must watch for room, unless it does already; from any thread. */
    private void outputWanted() {
        if (!watchingOutput || loop.ownsSockets()) {
            requestInterestUpdate();
        }
    }

    /** Makes the loop reconcile the stream's interest soon, at most one pending request at a time; from any thread. */
    void requestInterestUpdate() {
        if (loop.ownsSockets()) {
            updateInterest();
        }
        else if (!interestUpdateScheduled.get() && interestUpdateScheduled.compareAndSet(false, true)) {
            loop.runOnLoop(scheduledInterestUpdate);
        }
    }

    private void runScheduledInterestUpdate() {
        interestUpdateScheduled.set(false);
        updateInterest();
    }

    /** The one place that reconciles what the loop watches with what the stream wants. */
    private void updateInterest() {
        if (outbox.isReleased()) {
            return;
        }
        int events = 0;
        if (inbox.wantsInput(closeBegun)) {
            events |= ZMQ.Poller.POLLIN;
        }
        if (wantsOutput()) {
            events |= ZMQ.Poller.POLLOUT;
        }
        if (events != registeredEvents) {
            registeredEvents = events;
            loop.updateHandler(socket, events);
        }
    }

    /**
     * Whether messages are queued, keeping {@link #watchingOutput} in step. A sender queues, then reads
     * the flag; the loop clears the flag, then looks at the queue again: one of the two sees the other,
     * so no message is left queued unwatched.
     */
    private boolean wantsOutput() {
        boolean queued = !outbox.isEmpty();
        if (queued != watchingOutput) {
            watchingOutput = queued;
            if (!queued && !outbox.isEmpty()) {
                watchingOutput = true;
                queued = true;
            }
        }
        return queued;
    }

    // ---- closing ----

    /** Refuses further sends and has the loop close the stream; from any thread. */
    CompletableFuture<Void> closeAsync(int lingerMillis) {
        if (!outbox.isClosed()) {
            outbox.close();
            loop.runOnLoop(() -> beginClose(lingerMillis));
        }
        return closed;
    }

    /**
     * Waits until the socket is closed, or {@code giveUp} says to stop waiting; if the loop thread
     * stops before closing it, closes it on the calling thread, reporting what was not sent.
     */
    void awaitClosed(BooleanSupplier giveUp) {
        loop.awaitLoop(closed, this::finishClose, giveUp);
    }

    private void beginClose(int lingerMillis) {
        if (closeBegun || outbox.isReleased()) {
            return;
        }
        closeBegun = true;
        try {
            int linger = lingerMillis >= 0 ? lingerMillis : socket.getLinger();
            if (outbox.drainForClose(linger, this::finishClose)) {
                updateInterest();
            }
            else {
                finishClose();
            }
        }
        catch (ZMQException ex) {
            endIfTerminated(ex);
        }
        catch (RuntimeException ex) {
            // Whatever the socket threw, the close ends: what is queued is reported as not sent.
            log.warn("{} failed while closing; closing it now", stream, ex);
            finishClose();
        }
    }

    private void finishClose() {
        if (outbox.isReleased()) {
            return;
        }
        int unsent = failQueuedAndLeaveLoop();
        if (unsent > 0) {
            log.warn("{} closed with {} message(s) not sent within the linger time; each was reported to its "
                    + "send callbacks and counted", stream, unsent);
        }
        socket.setLinger(outbox.remainingLingerMillis());
        closeSocketAndNotify();
    }

    /**
     * The socket's context was terminated: the socket is useless from now on. Closes the stream as
     * if its linger had run out, in one log line.
     */
    private void contextTerminated() {
        if (outbox.isReleased()) {
            return;
        }
        outbox.close();
        closeBegun = true;
        int unsent = failQueuedAndLeaveLoop();
        log.warn("{} closed: its ZeroMQ context was terminated; {} queued message(s) reported as not sent",
                stream, unsent);
        closeSocketAndNotify();
    }

    /** Stops the send path for good, reporting what is still queued, and leaves the loop. */
    private int failQueuedAndLeaveLoop() {
        int unsent = outbox.release();
        loop.removeHandler(socket);
        return unsent;
    }

    private void closeSocketAndNotify() {
        guard.closeSocket();
        log.debug("{} closed its socket", stream);
        loop.detach(stream);
        Runnable callback = closeCallback;
        if (callback != null) {
            loop.runGuarded(callback, "close callback of " + stream);
        }
        closed.complete(null);
    }
}
