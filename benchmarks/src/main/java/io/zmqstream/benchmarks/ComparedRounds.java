package io.zmqstream.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures raw JeroMQ and ZMQStream in alternating rounds, so that both see the same machine state,
 * each going first in every other round, prints every round and then the ratio of the medians: the
 * figure that matters.
 */
final class ComparedRounds {

    /** The payload size of every throughput harness. */
    static final int MESSAGE_SIZE = 16;

    private static final int WARMUP_ROUNDS = 2;

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
     */
    record Comparison(double raw, double other, double lowestRatio, double highestRatio) {

        /** The ratio of the medians: the figure that matters. */
        double ratio() {
            return other / raw;
        }
    }

    /**
     * Runs warm-up and measured rounds, taking turns at going first, and prints them and the ratio of medians.
     *
     * @param label what is compared with raw JeroMQ, such as {@code ZMQStream}
     * @return the medians and the spread of the per-round ratios
     */
    static Comparison run(String description, String label, int rounds, Round raw, Round stream) throws Exception {
        List<Double> rawRates = new ArrayList<>();
        List<Double> streamRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
            // Taking turns at going first: the second of two rounds inherits the first's garbage and
            // caches, which made raw JeroMQ 3-5 % slower than itself when it always went second.
            boolean rawFirst = round % 2 == 0;
            double rawRate = rawFirst ? measure(raw) : 0;
            double streamRate = measure(stream);
            if (!rawFirst) {
                rawRate = measure(raw);
            }
            boolean measured = round >= WARMUP_ROUNDS;
            System.out.printf(Locale.ROOT, "%s round %d: raw %,.0f msg/s, %s %,.0f msg/s (%.2f)%n",
                    measured ? "measured" : "warm-up", round, rawRate, label, streamRate, streamRate / rawRate);
            if (measured) {
                rawRates.add(rawRate);
                streamRates.add(streamRate);
                ratios.add(streamRate / rawRate);
            }
        }
        double rawMedian = median(rawRates);
        double streamMedian = median(streamRates);
        System.out.printf(Locale.ROOT, "%s, median over %d rounds: raw %,.0f msg/s, %s %,.0f msg/s, "
                + "ratio %s/raw = %.2f%n", description, rounds, rawMedian, label, streamMedian, label,
                streamMedian / rawMedian);
        return new Comparison(rawMedian, streamMedian, Collections.min(ratios), Collections.max(ratios));
    }

    /** One round, after a collection, so that no round pays for the garbage of the one before. */
    private static double measure(Round round) throws Exception {
        System.gc();
        return round.messagesPerSecond();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
