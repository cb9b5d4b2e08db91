package io.zmqstream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A send that a socket type cannot make is refused where it is made, and nothing a caller waits for
 * on the loop outlives an interrupt: before, a PULL or SUB stream took the message, JeroMQ's send
 * threw {@code UnsupportedOperationException} on the loop, and every close waited for ever.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReceiveOnlyStreamsTest extends LoopTestSupport {

    @Test
    void aPullOrSubStreamRefusesASendAtOnceAndClosesWithinItsLinger() {
        ZMQStream pull = bound(SocketType.PULL, inproc());
        ZMQStream sub = bound(SocketType.SUB, inproc());

        assertThatThrownBy(() -> pull.send(bytes("job")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("a PULL socket only receives");
        assertThatThrownBy(() -> sub.sendString("hello"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("a SUB socket only receives");
        assertThat(pull.isSending()).isFalse();

        CompletableFuture<Void> closed = CompletableFuture.allOf(pull.closeAsync(-1), sub.closeAsync(-1));
        assertThat(closed).succeedsWithin(TIMEOUT);
    }

    @Test
    void aCloseWaitingForABusyLoopReturnsWhenItsThreadIsInterrupted() throws Exception {
        ZMQStream push = bound(SocketType.PUSH, inproc());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch loopBusy = new CountDownLatch(1);
        loop.execute(() -> {
            loopBusy.countDown();
            awaitQuietly(release);
        });
        try {
            assertThat(loopBusy.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            CompletableFuture<Boolean> interruptedAfterClose = new CompletableFuture<>();
            Thread closer = new Thread(() -> {
                push.close();
                interruptedAfterClose.complete(Thread.currentThread().isInterrupted());
            }, "closer");
            closer.start();
            closer.interrupt();
            assertThat(interruptedAfterClose).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
            assertThat(push.isClosed()).isTrue();
        }
        finally {
            release.countDown();
        }
        assertThat(push.closeAsync(-1)).succeedsWithin(TIMEOUT);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
