package io.zmqstream;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class LoopLagMonitorTest extends LoopTestSupport {

    @Test
    void lagIsSmallOnAnIdleLoopGrowsWhileACallbackBlocksItAndFallsOnceItGoesOn() throws InterruptedException {
        LoopLagMonitor monitor = new LoopLagMonitor(loop, Duration.ofMillis(20));
        assertThat(monitor.getLag()).isZero();
        monitor.start();
        await().atMost(TIMEOUT).until(() -> monitor.getLag().compareTo(Duration.ofMillis(100)) < 0);

        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(TIMEOUT).until(() -> monitor.getLag().compareTo(Duration.ofMillis(300)) > 0);
        Duration whileStuck = monitor.getLag();
        await().atMost(TIMEOUT).until(() -> monitor.getLag().compareTo(whileStuck) > 0);

        release.countDown();
        await().atMost(TIMEOUT).until(() -> monitor.getLag().compareTo(Duration.ofMillis(100)) < 0);
    }

    @Test
    void theTimeBeforeTheLoopStartsIsNotLag() {
        ZmqIoLoop notYetRunning = new ZmqIoLoop(context, "later-ioloop");
        try {
            LoopLagMonitor monitor = new LoopLagMonitor(notYetRunning, Duration.ofMillis(20));
            monitor.start();
            await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> monitor.getLag().isZero());

            notYetRunning.start();
            await().atMost(TIMEOUT).until(() -> monitor.getLag().compareTo(Duration.ofMillis(100)) < 0);
            assertThat(monitor.getInterval()).isEqualTo(Duration.ofMillis(20));
        }
        finally {
            notYetRunning.close();
        }
    }

    @Test
    void anIntervalOfZeroIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoopLagMonitor(loop, Duration.ZERO))
                .withMessageContaining("more than zero");
    }
}
