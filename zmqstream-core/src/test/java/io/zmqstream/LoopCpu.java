package io.zmqstream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** How much of a core a loop thread uses: a loop with nothing to do must sleep, not spin. */
public final class LoopCpu {

    private LoopCpu() {
    }

    /**
     * Waits until the loop thread has used under a quarter of a core, on average since this call,
     * throughout {@code period}; fails after {@code timeout}.
     */
    public static void awaitSleeping(ZmqIoLoop loop, Duration period, Duration timeout) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long loopThread = loop.submit(() -> Thread.currentThread().getId()).join();
        long cpuBefore = threads.getThreadCpuTime(loopThread);
        long wallBefore = System.nanoTime();
        await("the loop thread sleeping").during(period).atMost(timeout)
                .until(() -> threads.getThreadCpuTime(loopThread) - cpuBefore < (System.nanoTime() - wallBefore) / 4);
    }
}
