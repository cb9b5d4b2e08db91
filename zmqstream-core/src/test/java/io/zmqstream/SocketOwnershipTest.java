package io.zmqstream;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Who owns a loop's sockets: the loop thread while it runs, one caller at a time while it does not. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketOwnershipTest {

    private static final long TIMEOUT_SECONDS = 10;
    private final AtomicBoolean loopRunning = new AtomicBoolean();
    private final TaskQueue tasks = new TaskQueue();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final SocketOwnership ownership = new SocketOwnership(loopRunning::get, tasks, Runnable::run);

    @Test
    void whileTheLoopIsStoppedACallerOwnsTheSocketsAndRunsTheQueuedLoopTasksFirst() {
        tasks.add((LoopTask) () -> ran.add("queued loop task"));
        tasks.add(() -> ran.add("application task"));

        boolean ran = ownership.runWhileLoopStopped(() -> {
            this.ran.add("work, as owner: " + ownership.isOwner());
        });

        assertThat(ran).isTrue();
        assertThat(this.ran).containsExactly("queued loop task", "work, as owner: true");
        assertThat(ownership.isOwner()).isFalse();
        assertThat(tasks.size()).as("the application's task waits for the loop").isEqualTo(1);
    }

    @Test
    void whileTheLoopRunsNoCallerRunsWorkItself() {
        loopRunning.set(true);
        assertThat(ownership.runWhileLoopStopped(() -> ran.add("work"))).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void callersOwnTheSocketsOneAtATime() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> ownership.runWhileLoopStopped(() -> {
            firstInside.countDown();
            awaitQuietly(releaseFirst);
        }));
        assertThat(firstInside.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                () -> ownership.runWhileLoopStopped(() -> ran.add("second")));

        assertThat(second).as("waits for the first").isNotDone();
        assertThat(ran).isEmpty();
        releaseFirst.countDown();

        assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("second");
    }

    @Test
    void theLoopThreadRunsTheLoopTasksItDidNotReachBeforeItLetsGo() {
        ownership.acquireForLoopThread();
        assertThat(ownership.isOwner()).isTrue();
        tasks.add((LoopTask) () -> ran.add("left behind"));

        ownership.releaseFromLoopThread();

        assertThat(ran).containsExactly("left behind");
        assertThat(ownership.isOwner()).isFalse();
    }

    @Test
    void aLoopTaskQueuedAsTheLoopStoppedIsRunByTheCallerThatQueuedIt() {
        tasks.add((LoopTask) () -> ran.add("queued too late"));

        ownership.runLeftBehind();

        assertThat(ran).containsExactly("queued too late");
        assertThat(tasks.isEmpty()).isTrue();
    }

    @Test
    void anInterruptedCallerStillGetsItsTurnAndKeepsItsInterrupt() throws Exception {
        CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().interrupt();
            boolean done = ownership.runWhileLoopStopped(() -> ran.add("work"));
            return done + ", interrupted " + Thread.interrupted();
        });

        assertThat(outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("true, interrupted true");
        assertThat(ran).containsExactly("work");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
