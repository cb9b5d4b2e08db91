package io.zmqstream;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timer queue alone: deadline order, ties in scheduling order, cancelled timers dropped in one pass. */
class TimerQueueTest {

    private static final long MILLI = 1_000_000L;
    private final TimerQueue timers = new TimerQueue();
    private final List<String> ran = new ArrayList<>();

    @Test
    void dueTimersRunInDeadlineOrderAndTiesInTheOrderTheyCame() {
        schedule(30, "third");
        schedule(10, "first");
        schedule(20, "second, scheduled first");
        schedule(20, "second, scheduled next");
        schedule(40, "not due");

        timers.runDue(35 * MILLI, Runnable::run);

        assertThat(ran).containsExactly("first", "second, scheduled first", "second, scheduled next", "third");
        assertThat(timers.size()).isEqualTo(1);
    }

    @Test
    void aCancelledTimerNeverRuns() {
        Timeout cancelled = schedule(10, "cancelled");
        schedule(20, "kept");
        cancelled.cancel();
        cancelled.cancel();

        timers.runDue(30 * MILLI, Runnable::run);

        assertThat(ran).containsExactly("kept");
        assertThat(cancelled.isCancelled()).isTrue();
    }

    @Test
    void theWaitUntilTheNextLiveTimerIsRoundedUpAndSkipsCancelledOnes() {
        assertThat(timers.millisUntilNext(0)).as("no timer").isEqualTo(-1);
        Timeout soon = schedule(1, "soon");
        schedule(5, "later");
        assertThat(timers.millisUntilNext(MILLI / 2)).as("half a millisecond away").isEqualTo(1);
        soon.cancel();
        assertThat(timers.millisUntilNext(0)).isEqualTo(5);
        assertThat(timers.millisUntilNext(5 * MILLI)).as("due").isZero();
        assertThat(timers.millisUntilNext(3_100_000L)).as("1.9 ms away").isEqualTo(2);
    }

    @Test
    void manyCancelledTimersAreDroppedInOnePassLongBeforeTheirDeadline() {
        List<Timeout> requests = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            requests.add(schedule(60_000, "request " + i));
        }
        schedule(1, "live");
        requests.subList(0, 600).forEach(Timeout::cancel);

        assertThat(timers.millisUntilNext(0)).isEqualTo(1);

        assertThat(timers.size()).as("the 600 cancelled ones gone, the 401 live ones kept").isEqualTo(401);
    }

    private Timeout schedule(long deadlineMillis, String name) {
        Timeout timeout = timers.newTimeout(deadlineMillis * MILLI, () -> ran.add(name));
        timers.add(timeout);
        return timeout;
    }
}
