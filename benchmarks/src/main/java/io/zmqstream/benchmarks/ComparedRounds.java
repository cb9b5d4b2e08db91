package io.zmqstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures raw JeroMQ and ZMQStream in alternating rounds, so that both see the same machine state,
 * each going first in every other round, prints every round and then the ratio of the medians: the
 * figure that matters. Beside the rate, each round's CPU time per message: the whole process's, JeroMQ's
 * I/O threads and the receiver included, from the start of the round to its end.
 */
final class ComparedRounds {

    /** The payload size of every throughput harness. */
    static final int MESSAGE_SIZE = 16;

    private static final int WARMUP_ROUNDS = 2;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One timed round. */
    @FunctionalInterface
    interface Round {
        double messagesPerSecond() throws Exception;
    }

    private ComparedRounds() {
    }

    /**
     * What one comparison measured: the medians of both sides and the lowest and highest ratio of a
     * single round.
     *
     * @param raw raw JeroMQ's median, messages per second
     * @param other the compared code's median, messages per second
     * @param lowestRatio the ratio of the compared code's worst round to the raw round beside it
     * @param highestRatio the ratio of its best round to the raw round beside it
     * @param rawCpuNanos raw JeroMQ's median CPU time per message, all threads, in nanoseconds
     * @param otherCpuNanos the compared code's median CPU time per message, all threads, in nanoseconds
     */
    record Comparison(double raw, double other, double lowestRatio, double highestRatio, double rawCpuNanos,
            double otherCpuNanos) {

        /** The ratio of the medians: the figure that matters. */
        double ratio() {
            return other / raw;
        }
    }

    /**
     * Runs warm-up and measured rounds, taking turns at going first, and prints them and the ratio of medians.
     *
     * @param label what is compared with raw JeroMQ, such as {@code ZMQStream}
     * @param messages the messages of one round, for the CPU time per message
     * @return the medians and the spread of the per-round ratios
     */
    static Comparison run(String description, String label, int rounds, int messages, Round raw, Round stream)
            throws Exception {
        List<Double> rawRates = new ArrayList<>();
        List<Double> streamRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> rawCpu = new ArrayList<>();
        List<Double> streamCpu = new ArrayList<>();
        for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
            // Taking turns at going first: the second of two rounds inherits the first's garbage and
            // caches, which made raw JeroMQ 3-5 % slower than itself when it always went second.
            boolean rawFirst = round % 2 == 0;
            Measured rawRound = rawFirst ? measure(raw, messages) : null;
            Measured streamRound = measure(stream, messages);
            if (!rawFirst) {
                rawRound = measure(raw, messages);
            }
            boolean measured = round >= WARMUP_ROUNDS;
            System.out.printf(Locale.ROOT, "%s round %d: raw %,.0f msg/s %.0f ns CPU/msg, %s %,.0f msg/s %.0f ns CPU/msg "
                    + "(%.2f)%n", measured ? "measured" : "warm-up", round, rawRound.rate, rawRound.cpuNanos, label,
                    streamRound.rate, streamRound.cpuNanos, streamRound.rate / rawRound.rate);
            if (measured) {
                rawRates.add(rawRound.rate);
                streamRates.add(streamRound.rate);
                ratios.add(streamRound.rate / rawRound.rate);
                rawCpu.add(rawRound.cpuNanos);
                streamCpu.add(streamRound.cpuNanos);
            }
        }
        Comparison comparison = new Comparison(median(rawRates), median(streamRates), Collections.min(ratios),
                Collections.max(ratios), median(rawCpu), median(streamCpu));
        System.out.printf(Locale.ROOT, "%s, median over %d rounds: raw %,.0f msg/s %.0f ns CPU/msg, %s %,.0f msg/s "
                + "%.0f ns CPU/msg, ratio %s/raw = %.2f%n", description, rounds, comparison.raw(),
                comparison.rawCpuNanos(), label, comparison.other(), comparison.otherCpuNanos(), label,
                comparison.ratio());
        return comparison;
    }

    /** One round's rate, and the process's CPU time per message while it ran. */
    private record Measured(double rate, double cpuNanos) {
    }

    /** One round, after a collection, so that no round pays for the garbage of the one before. */
    private static Measured measure(Round round, int messages) throws Exception {
        System.gc();
        long cpuBefore = OS.getProcessCpuTime();
        double rate = round.messagesPerSecond();
        return new Measured(rate, (OS.getProcessCpuTime() - cpuBefore) / (double) messages);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
