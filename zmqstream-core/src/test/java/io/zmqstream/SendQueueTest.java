package io.zmqstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The send queue alone: its order, each overflow policy, and the hand-off to a waiting producer. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SendQueueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ExecutorService producers = Executors.newCachedThreadPool();

    @AfterEach
    void stopProducers() {
        producers.shutdownNow();
    }

    @Test
    void messagesLeaveInTheOrderTheyCameAndTheSizeFollows() throws Exception {
        SendQueue queue = queue(3, OverflowPolicy.FAIL);
        for (String text : List.of("a", "b", "c")) {
            assertThat(queue.offer(message(text), false)).isTrue();
        }
        assertThat(queue.size()).isEqualTo(3);
        assertThat(text(queue.peek())).isEqualTo("a");
        List<String> out = new ArrayList<>();
        for (OutboundMessage next = queue.poll(); next != null; next = queue.poll()) {
            out.add(text(next));
        }
        assertThat(out).containsExactly("a", "b", "c");
        assertThat(queue.isEmpty()).isTrue();
        queue.announceRoom();
        assertThat(queue.size()).isZero();
    }

    @Test
    void theSlotsOfTakenMessagesAreGivenBackOncePerBatch() throws Exception {
        SendQueue queue = queue(2, OverflowPolicy.FAIL);
        offer(queue, "a");
        offer(queue, "b");
        assertThat(text(queue.poll())).isEqualTo("a");
        assertThat(text(queue.poll())).isEqualTo("b");
        // Until the consumer announces room, the slots stay taken: producers see a full queue.
        assertThat(queue.size()).isEqualTo(2);
        assertThatThrownBy(() -> queue.offer(message("c"), false)).isInstanceOf(SendQueueFullException.class);

        queue.announceRoom();
        assertThat(queue.size()).isZero();
        offer(queue, "c");
        offer(queue, "d");
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void aFullQueueDropsFailsOrRefusesToWaitOnTheLoopThreadAsItsPolicySays() throws Exception {
        SendQueue dropping = full(OverflowPolicy.DROP);
        assertThat(dropping.offer(message("over"), true)).isFalse();
        assertThat(dropping.size()).isEqualTo(1);

        SendQueue failing = full(OverflowPolicy.FAIL);
        assertThatThrownBy(() -> failing.offer(message("over"), true)).isInstanceOf(SendQueueFullException.class)
                .hasMessageContaining("policy FAIL");

        SendQueue blocking = full(OverflowPolicy.BLOCK);
        assertThatThrownBy(() -> blocking.offer(message("over"), false)).isInstanceOf(SendQueueFullException.class)
                .hasMessageContaining("cannot wait on the loop thread");
        assertThat(blocking.size()).isEqualTo(1);
    }

    @Test
    void aWaitingProducerTakesTheRoomTheConsumerAnnounces() throws Exception {
        SendQueue queue = full(OverflowPolicy.BLOCK);
        Future<Boolean> waiting = producers.submit(() -> queue.offer(message("second"), true));
        await().atMost(TIMEOUT).until(() -> queue.waitingProducers() == 1);
        assertThat(waiting).isNotDone();

        assertThat(text(queue.poll())).isEqualTo("first");
        queue.announceRoom();

        assertThat(waiting.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(text(queue.poll())).isEqualTo("second");
    }

    @Test
    void aProducerWaitsNoLongerThanTheBlockTimeout() {
        SendQueue queue = new SendQueue(new SendQueueOptions(1, OverflowPolicy.BLOCK, Duration.ofMillis(100)));
        offer(queue, "first");
        long start = System.nanoTime();
        assertThatThrownBy(() -> queue.offer(message("second"), true)).isInstanceOf(SendQueueFullException.class)
                .hasMessageContaining("waited 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(100), TIMEOUT);
    }

    @Test
    void closingRefusesNewMessagesAndReleasesAWaitingProducer() throws Exception {
        SendQueue queue = full(OverflowPolicy.BLOCK);
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        producers.submit(() -> {
            try {
                queue.offer(message("second"), true);
                refusal.complete(null);
            }
            catch (Throwable ex) {
                refusal.complete(ex);
            }
        });
        await().atMost(TIMEOUT).until(() -> queue.waitingProducers() == 1);

        queue.close();

        assertThat(refusal.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(queue.isClosed()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> queue.offer(message("late"), false));
    }

    @Test
    void aMessageCanBeWithdrawnOnceAndFreesItsSlot() throws Exception {
        SendQueue queue = queue(1, OverflowPolicy.FAIL);
        OutboundMessage late = message("late");
        queue.offer(late, false);
        assertThat(queue.withdraw(late)).isTrue();
        assertThat(queue.withdraw(late)).isFalse();
        assertThat(queue.size()).isZero();
        assertThat(queue.offer(message("next"), false)).isTrue();
    }

    private static SendQueue queue(int capacity, OverflowPolicy policy) {
        return new SendQueue(new SendQueueOptions(capacity, policy, TIMEOUT));
    }

    private static SendQueue full(OverflowPolicy policy) {
        SendQueue queue = queue(1, policy);
        offer(queue, "first");
        return queue;
    }

    private static void offer(SendQueue queue, String text) {
        try {
            assertThat(queue.offer(message(text), false)).isTrue();
        }
        catch (InterruptedException ex) {
            throw new AssertionError(ex);
        }
    }

    private static OutboundMessage message(String text) {
        return OutboundMessage.owned(text.getBytes(StandardCharsets.UTF_8), 0, null);
    }

    private static String text(OutboundMessage message) {
        return new String((byte[]) message.frames().get(0), StandardCharsets.UTF_8);
    }
}
