package io.zmqstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.zmqstream.ZmqIoLoop;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.profile.GCProfiler;
import org.zeromq.ZContext;

/**
 * The comparison table of {@code BENCHMARKS.md}, in one run: every figure a ratio to raw JeroMQ
 * measured in alternating rounds beside it. Receiving (PUSH to PULL over tcp loopback, 16-byte
 * messages from a raw JeroMQ sender) through raw {@code recv()}, {@code ZMQStream.onRecv},
 * {@code @ZmqListener} with and without metrics, JeroMQ's {@code ZLoop}, and pyzmq (raw and its
 * {@code ZMQStream}) when installed; sending from 1, 2 and 4 threads; round-trip latency; idle
 * streams; bytes allocated per message. Prints the table in Markdown at the end.
 *
 * <p>Arguments: messages per round (default 2,000,000), measured rounds per row (default 7).
 */
public final class ComparisonTable {

    private static final int IDLE_STREAMS = 1_000;
    private static final int IDLE_SECONDS = 5;
    private static final int ROUND_TRIPS = 20_000;
    /** pyzmq's rounds are fewer and shorter: its ZMQStream takes about 25 µs a message. */
    private static final int PYZMQ_ROUNDS = 3;

    private final List<String> rows = new ArrayList<>();

    private ComparisonTable() {
    }

    /**
     * Runs every comparison and prints the table.
     *
     * @param args optionally the messages per round and the number of measured rounds
     * @throws Exception when a measurement fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ComparisonTable table = new ComparisonTable();
        try (ZContext context = new ZContext()) {
            table.receiving(context, messages, rounds);
            table.pyzmq(context, messages);
            table.sending(context, messages, rounds);
            table.roundTrip(context);
        }
        table.idle();
        table.allocation();
        table.print(messages, rounds);
    }

    private void receiving(ZContext context, int messages, int rounds) throws Exception {
        addThroughput("raw JeroMQ `recv()` against itself: the noise of this machine", ComparedRounds.run(
                "raw against itself", "raw", rounds, messages, () -> RawReceiver.round(context, messages),
                () -> RawReceiver.round(context, messages)));
        addThroughput("`ZMQStream.onRecv`", ComparedRounds.run("receive", "ZMQStream", rounds, messages,
                () -> RawReceiver.round(context, messages), () -> PushPullThroughput.streamReceiver(context, messages)));
        listener("`@ZmqListener(byte[])` with metrics", messages, rounds);
        listener("`@ZmqListener(byte[])` without metrics", messages, rounds, ListenerApplicationRun.WITHOUT_METRICS);
        listener("`@ZmqListener(byte[])` with metrics, its stream `tracing: true`, no tracer", messages, rounds,
                "--zmq.streams.in.tracing=true");
        addThroughput("JeroMQ's `ZLoop`, one message per readiness", ComparedRounds.run("ZLoop receive", "ZLoop", rounds, messages,
                () -> RawReceiver.round(context, messages), () -> ZLoopReceiver.round(context, messages)));
    }

    private void listener(String path, int messages, int rounds, String... properties) throws Exception {
        try (ListenerApplicationRun application = new ListenerApplicationRun(properties)) {
            addThroughput(path, ComparedRounds.run(path, "@ZmqListener", rounds, messages,
                    () -> RawReceiver.round(application.context(), messages), () -> application.round(messages)));
            System.out.println(application.metrics());
        }
    }

    private void pyzmq(ZContext context, int messages) throws Exception {
        PyzmqReceiver pyzmq = PyzmqReceiver.findOrExplain();
        if (pyzmq == null) {
            rows.add("| pyzmq, raw and `ZMQStream` | not installed: `apt-get install -y python3-zmq python3-tornado` | | |");
            return;
        }
        String versions = pyzmq.versions();
        int rawCount = messages / 5;
        addOutOfProcessThroughput("raw pyzmq `recv()` loop (" + versions + ")", ComparedRounds.run("raw pyzmq", "pyzmq",
                PYZMQ_ROUNDS, rawCount, () -> RawReceiver.round(context, rawCount), () -> pyzmq.round(context, "raw", rawCount)));
        int streamCount = messages / 20;
        addOutOfProcessThroughput("pyzmq's `ZMQStream` on tornado", ComparedRounds.run("pyzmq ZMQStream", "pyzmq ZMQStream",
                PYZMQ_ROUNDS, streamCount, () -> RawReceiver.round(context, streamCount),
                () -> pyzmq.round(context, "zmqstream", streamCount)));
    }

    private void sending(ZContext context, int messages, int rounds) throws Exception {
        for (int threads : new int[] {1, 2, 4}) {
            addThroughput(String.format(Locale.ROOT, "`ZMQStream.send` from %d thread%s (raw: a socket per thread)",
                    threads, threads == 1 ? "" : "s"),
                    SendThroughput.compare(context, messages, rounds, threads, ZmqIoLoop.DEFAULT_SPIN_TIME));
        }
    }

    private void roundTrip(ZContext context) throws Exception {
        RoundTrip.Latencies latencies = RoundTrip.compare(context, ROUND_TRIPS, 3);
        rows.add(String.format(Locale.ROOT, "| DEALER→ROUTER round trip, p50 (`onRecv` echoes with `send`) | %.1f µs "
                + "(raw %.1f µs) | %.2f | |", latencies.streamP50(), latencies.rawP50(),
                latencies.streamP50() / latencies.rawP50()));
        rows.add(String.format(Locale.ROOT, "| DEALER→ROUTER round trip, p99 | %.1f µs (raw %.1f µs) | %.2f | |",
                latencies.streamP99(), latencies.rawP99(), latencies.streamP99() / latencies.rawP99()));
    }

    private void idle() throws Exception {
        IdleLoopCpu.IdleCost cost = IdleLoopCpu.measure(IDLE_STREAMS, IDLE_SECONDS, false);
        rows.add(String.format(Locale.ROOT, "| %,d idle streams on one loop | loop %.3f %%, process %.2f %% of a core; "
                + "%,d B of heap per stream (raw socket %,d B) | | |", cost.streams(), cost.loopCpuPercent(),
                cost.processCpuPercent(), cost.heapPerStream(), cost.heapPerRawSocket()));
    }

    private void allocation() throws Exception {
        Map<String, Double> bytesPerMessage = new TreeMap<>();
        for (RunResult result : new Runner(new OptionsBuilder().include(AllocationBenchmark.class.getName())
                .addProfiler(GCProfiler.class).build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            bytesPerMessage.put(benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    result.getSecondaryResults().get("gc.alloc.rate.norm").getScore());
        }
        double raw = bytesPerMessage.remove("raw");
        rows.add(String.format(Locale.ROOT, "| bytes allocated per message by all threads, raw JeroMQ "
                + "(`AllocationBenchmark.raw`) | %.0f B | | |", raw));
        bytesPerMessage.forEach((benchmark, bytes) -> rows.add(String.format(Locale.ROOT,
                "| bytes allocated per message by all threads, `AllocationBenchmark.%s` | %.0f B | +%.0f B | |",
                benchmark, bytes, bytes - raw)));
        ThreadAllocation.PerMessage perThread = ThreadAllocation.measure(1_000_000);
        rows.add(String.format(Locale.ROOT, "| bytes allocated per message by the receiving thread: the loop for "
                + "`onRecv` (`ThreadAllocation`) | %.0f B (raw `recv()` thread %.0f B) | %+.0f B | |",
                perThread.loopReceiving(), perThread.rawReceiver(), perThread.loopReceiving() - perThread.rawReceiver()));
        rows.add(String.format(Locale.ROOT, "| bytes allocated per message by the sending thread: the loop sending "
                + "what `send` queued | %.0f B (raw `send()` thread %.0f B) | %+.0f B | |", perThread.loopSending(),
                perThread.rawSender(), perThread.loopSending() - perThread.rawSender()));
        rows.add(String.format(Locale.ROOT, "| bytes allocated per message by the application thread calling `send` "
                + "| %.0f B | | |", perThread.applicationSending()));
    }

    /** A throughput row with the CPU time per message of every thread of this process. */
    private void addThroughput(String path, ComparedRounds.Comparison comparison) {
        rows.add(String.format(Locale.ROOT, "| %s | %s, %.2f µs CPU/msg (raw %s, %.2f µs CPU/msg) | %.2f | %.2f-%.2f |",
                path, rate(comparison.other()), comparison.otherCpuNanos() / 1e3, rate(comparison.raw()),
                comparison.rawCpuNanos() / 1e3, comparison.ratio(), comparison.lowestRatio(), comparison.highestRatio()));
    }

    /** A throughput row whose compared side runs in another process, whose CPU time this one cannot see. */
    private void addOutOfProcessThroughput(String path, ComparedRounds.Comparison comparison) {
        rows.add(String.format(Locale.ROOT, "| %s | %s (raw %s) | %.2f | %.2f-%.2f |", path, rate(comparison.other()),
                rate(comparison.raw()), comparison.ratio(), comparison.lowestRatio(), comparison.highestRatio()));
    }

    private static String rate(double messagesPerSecond) {
        return messagesPerSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M msg/s", messagesPerSecond / 1e6)
                : String.format(Locale.ROOT, "%.1f k msg/s", messagesPerSecond / 1e3);
    }

    private void print(int messages, int rounds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Measured %s on %d cores, %s %s, Java %s; %,d messages of %d B per round, "
                + "median of %d rounds (pyzmq %d).%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                messages, ComparedRounds.MESSAGE_SIZE, rounds, PYZMQ_ROUNDS);
        System.out.println("| path | measured | ratio to raw JeroMQ | lowest-highest round |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getVmName() + " "
                + ManagementFactory.getRuntimeMXBean().getVmVersion());
    }
}
