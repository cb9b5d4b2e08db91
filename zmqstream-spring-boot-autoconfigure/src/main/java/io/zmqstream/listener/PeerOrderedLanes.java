package io.zmqstream.listener;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.RoutingEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's {@code concurrency}: its work in a fixed number of lanes on its executor, each lane
 * running one message at a time, in the order they came, while the lanes run in parallel. On a
 * ROUTER stream a peer's messages (by routing id) always take the same lane, so that they never
 * overlap and keep their order while other peers are served meanwhile; messages without a routing
 * envelope take the lanes in turn.
 */
final class PeerOrderedLanes implements ListenerDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PeerOrderedLanes.class);

    private final Executor executor;
    private final Lane[] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();

    /**
     * @param executor where the lanes run
     * @param concurrency the number of lanes, at least 1
     */
    PeerOrderedLanes(Executor executor, int concurrency) {
        this.executor = executor;
        this.lanes = new Lane[concurrency];
        for (int i = 0; i < concurrency; i++) {
            lanes[i] = new Lane();
        }
    }

    @Override
    public void dispatch(ZmqListenerMessage message, Runnable work) {
        RoutingEnvelope envelope = message.getEnvelope();
        int index = envelope != null ? Math.floorMod(Arrays.hashCode(envelope.identity()), lanes.length)
                : Math.floorMod(nextLane.getAndIncrement(), lanes.length);
        lanes[index].add(work);
    }

    /** One lane: its work in order, at most one on the executor at a time. */
    private final class Lane implements Runnable {

        private final Queue<Runnable> queued = new ArrayDeque<>();
        private boolean scheduled;

        void add(Runnable work) {
            synchronized (this) {
                queued.add(work);
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            schedule();
        }

        private void schedule() {
            try {
                executor.execute(this);
            }
            catch (RejectedExecutionException ex) {
                synchronized (this) {
                    queued.clear();
                    scheduled = false;
                }
                throw ex;
            }
        }

        @Override
        public void run() {
            Runnable work;
            while (true) {
                synchronized (this) {
                    work = queued.poll();
                    if (work == null) {
                        scheduled = false;
                        return;
                    }
                }
                try {
                    work.run();
                }
                catch (RuntimeException ex) {
                    log.error("A listener's work failed in its lane; the lane goes on", ex);
                }
            }
        }
    }
}
