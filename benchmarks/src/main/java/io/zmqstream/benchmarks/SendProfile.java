package io.zmqstream.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.zmqstream.ZmqIoLoop;
import org.zeromq.ZContext;

/**
 * Where the CPU of {@link SendThroughput}'s rounds goes, thread by thread: for raw JeroMQ and for
 * {@code ZMQStream.send} from one thread, the CPU time per message of the sender, the loop, JeroMQ's
 * I/O thread and the receiver, and how often each thread was switched out, voluntarily (it parked,
 * waited or slept) or not (the scheduler took its core). Rounds alternate as in the comparison table.
 *
 * <p>Linux only: the switches come from {@code /proc/self/task}. Arguments: messages per round
 * (default 2,000,000), measured rounds (default 3), the loop's spin time in microseconds (default 0).
 */
public final class SendProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SendProfile() {
    }

    /**
     * Runs the rounds and prints each one's profile.
     *
     * @param args optionally the messages per round, the measured rounds and the spin time
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Duration spin = Duration.ofNanos((args.length > 2 ? Long.parseLong(args[2]) : 0) * 1_000);
        System.out.printf(Locale.ROOT, "%d cores; per message: CPU ns of each thread, and switches per 1,000 messages "
                + "(voluntary/involuntary)%n", Runtime.getRuntime().availableProcessors());
        try (ZContext context = new ZContext()) {
            for (int round = 0; round < rounds + 1; round++) {
                String prefix = round == 0 ? "warm-up " : "";
                profile(prefix + "raw      ", messages, () -> SendThroughput.rawRound(context, messages));
                profile(prefix + "ZMQStream", messages, () -> SendThroughput.streamRound(context, messages, spin));
            }
        }
        System.out.println("threads: sender = the application thread (raw: it sends on its socket), loop = "
                + ZmqIoLoop.class.getSimpleName() + "'s thread, io = JeroMQ's I/O thread, receiver = the raw PULL thread");
    }

    private static void profile(String label, int messages, ComparedRounds.Round round) throws Exception {
        System.gc();
        Sampler sampler = new Sampler();
        double rate;
        try {
            rate = round.messagesPerSecond();
        }
        finally {
            sampler.stop();
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %,10.0f msg/s:", label, rate));
        long total = 0;
        for (Map.Entry<String, long[]> entry : sampler.perGroup().entrySet()) {
            long[] sums = entry.getValue();
            total += sums[0];
            line.append(String.format(Locale.ROOT, "  %s %.0f ns %.1f/%.1f", entry.getKey(), sums[0] / (double) messages,
                    sums[1] * 1000.0 / messages, sums[2] * 1000.0 / messages));
        }
        line.append(String.format(Locale.ROOT, "  | all %.0f ns", total / (double) messages));
        System.out.println(line);
    }

    /**
     * Reads every thread's CPU time and switches every few milliseconds while a round runs: the
     * round's threads end with it, and a thread that ended can no longer be read. What a thread did
     * after its last reading (at most one interval) is missed.
     */
    private static final class Sampler {

        private static final long INTERVAL_MILLIS = 5;

        /** Per thread (Java id, or "tid:" and Linux task id): its group and the first and last readings. */
        private final Map<String, Reading> readings = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean stopped;
        private boolean started;

        Sampler() throws IOException {
            read();
            started = true;
            thread = new Thread(this::run, "profile-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (!stopped) {
                try {
                    read();
                    Thread.sleep(INTERVAL_MILLIS);
                }
                catch (IOException | InterruptedException ex) {
                    return;
                }
            }
        }

        void stop() throws Exception {
            stopped = true;
            thread.join();
            read();
        }

        private void read() throws IOException {
            for (long id : THREADS.getAllThreadIds()) {
                ThreadInfo info = THREADS.getThreadInfo(id);
                long cpu = THREADS.getThreadCpuTime(id);
                if (info != null && cpu >= 0) {
                    note("java:" + id, info.getThreadName(), cpu, 0, 0);
                }
            }
            forEachTask((task, name, switches) -> note("tid:" + task, name, 0, switches[0], switches[1]));
        }

        private void note(String key, String name, long cpu, long voluntary, long involuntary) {
            String group = group(name);
            if (group != null) {
                readings.computeIfAbsent(key, k -> new Reading(group, started, cpu, voluntary, involuntary))
                        .last = new long[] {cpu, voluntary, involuntary};
            }
        }

        /** The CPU nanoseconds and switches of each group during the round. */
        Map<String, long[]> perGroup() {
            Map<String, long[]> groups = new TreeMap<>();
            readings.values().forEach(reading -> {
                long[] sums = groups.computeIfAbsent(reading.group, key -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sums[i] += reading.last[i] - reading.first[i];
                }
            });
            return groups;
        }
    }

    /** One thread's first reading in a round (zero for a thread born during it) and its latest. */
    private static final class Reading {

        final String group;
        final long[] first;
        volatile long[] last;

        Reading(String group, boolean bornDuringRound, long cpu, long voluntary, long involuntary) {
            this.group = group;
            this.first = bornDuringRound ? new long[3] : new long[] {cpu, voluntary, involuntary};
            this.last = first;
        }
    }

    private static String group(String threadName) {
        if (threadName.startsWith("bench-sender")) {
            return "sender";
        }
        if (threadName.startsWith("bench-ioloop")) {
            return "loop";
        }
        if (threadName.startsWith("iothread")) {
            return "io";
        }
        if (threadName.startsWith("raw-receiver")) {
            return "receiver";
        }
        return null;
    }

    /** What is read of one Linux task. */
    @FunctionalInterface
    private interface TaskReading {
        void accept(String task, String name, long[] switches);
    }

    /** Each task of this process, its name (as Linux keeps it) and its voluntary and involuntary switches. */
    private static void forEachTask(TaskReading action) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    long[] switches = new long[2];
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            switches[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                        else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    action.accept(task.getFileName().toString(), name, switches);
                }
                catch (IOException ex) {
                    // The thread ended while being read.
                }
            }
        }
    }
}
