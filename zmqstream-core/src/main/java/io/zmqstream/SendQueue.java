package io.zmqstream;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded multi-producer, single-consumer queue of outgoing messages.
 *
 * <p>Producers reserve a slot with a compare-and-set on the size, then enqueue lock-free, so
 * messages from one thread keep their order. The consumer gives the slots of what it took back once
 * per batch ({@link #announceRoom()}), not per message: the size is the one field every producer
 * and the consumer write, and each write by the consumer takes its cache line away from the producers.
 * A lock is taken only on the slow path: by a producer waiting for room, and by the consumer waking
 * such producers once per batch.
 */
final class SendQueue {

    private final Queue<OutboundMessage> messages = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final SendQueueOptions options;
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition roomAvailable = roomLock.newCondition();
    private volatile int waitingProducers;
    private volatile boolean closed;
    /** Messages the consumer took whose slots it has not given back yet; the consumer's own. */
    private int takenSinceAnnounced;

    SendQueue(SendQueueOptions options) {
        this.options = options;
    }

    SendQueueOptions options() {
        return options;
    }

    /**
     * Enqueues a message, applying the overflow policy when the queue is full.
     *
     * @param mayBlock whether the caller may wait for room (not on the loop thread)
     * @return {@code true} when queued, {@code false} when {@link OverflowPolicy#DROP} dropped it
     * @throws SendQueueFullException when the policy refuses the message
     * @throws IllegalStateException when the queue closed
     */
    boolean offer(OutboundMessage message, boolean mayBlock) throws InterruptedException {
        if (!tryReserve()) {
            switch (options.overflowPolicy()) {
                case DROP:
                    return false;
                case FAIL:
                    throw full("policy FAIL");
                case BLOCK:
                    if (!mayBlock) {
                        throw full("policy BLOCK cannot wait on the loop thread");
                    }
                    awaitRoom();
                    break;
                default:
                    throw new IllegalStateException("Unknown policy " + options.overflowPolicy());
            }
        }
        messages.add(message);
        return true;
    }

    private boolean tryReserve() {
        ensureOpen();
        for (int current = size.get(); current < options.capacity(); current = size.get()) {
            if (size.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    private void awaitRoom() throws InterruptedException {
        long remaining = options.blockTimeout().toNanos();
        roomLock.lock();
        try {
            waitingProducers++;
            // The consumer reads waitingProducers after freeing a slot, so one of us sees the other.
            while (!tryReserve()) {
                if (remaining <= 0) {
                    throw full("waited " + options.blockTimeout().toMillis() + " ms");
                }
                remaining = roomAvailable.awaitNanos(remaining);
            }
        }
        finally {
            waitingProducers--;
            roomLock.unlock();
        }
    }

    private SendQueueFullException full(String why) {
        return new SendQueueFullException("Send queue full (" + options.capacity() + " messages): " + why);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The stream is closed");
        }
    }

    /** The oldest message, left in place. */
    OutboundMessage peek() {
        return messages.peek();
    }

    /**
     * Removes the oldest message. Its slot is free for producers from the next {@link #announceRoom()}:
     * once per batch, since freeing and waking per message costs a contended write, a lock and an unpark.
     */
    OutboundMessage poll() {
        OutboundMessage message = messages.poll();
        if (message != null) {
            takenSinceAnnounced++;
        }
        return message;
    }

    /**
     * Gives the slots of the messages taken back to producers and wakes those waiting for room, if
     * any; the consumer calls it after taking messages.
     */
    void announceRoom() {
        int taken = takenSinceAnnounced;
        if (taken == 0) {
            return;
        }
        takenSinceAnnounced = 0;
        size.addAndGet(-taken);
        // Read after the slots were freed: a producer that missed them counted itself first.
        if (waitingProducers > 0) {
            signalRoom();
        }
    }

    /** Withdraws a message that was queued after the consumer stopped for good. */
    boolean withdraw(OutboundMessage message) {
        if (messages.remove(message)) {
            size.decrementAndGet();
            return true;
        }
        return false;
    }

    private void signalRoom() {
        roomLock.lock();
        try {
            roomAvailable.signalAll();
        }
        finally {
            roomLock.unlock();
        }
    }

    /** Refuses further messages and fails producers waiting for room. */
    void close() {
        closed = true;
        signalRoom();
    }

    boolean isClosed() {
        return closed;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The slots taken: by queued messages, and by those taken out since the last {@link #announceRoom()}. */
    int size() {
        return size.get();
    }

    /** How many producers wait for room now. */
    int waitingProducers() {
        return waitingProducers;
    }
}
