package io.zmqstream.benchmarks;

import java.util.concurrent.TimeUnit;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Bytes allocated per message, by every thread, with JMH's GC profiler ({@code gc.alloc.rate.norm}):
 * a raw JeroMQ PUSH→PULL over inproc on one thread, against the same messages received by a
 * stream's {@code onRecv} ({@code List<byte[]>}) and {@code onRecvFrames}, and sent by a stream's
 * {@code send}. What a stream adds is its row minus the raw one. Run it with
 * {@code ./mvnw -q -B -pl benchmarks exec:exec -Dbench=AllocationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class AllocationBenchmark {

    private static final int BATCH = 1_000;
    private static final byte[] PAYLOAD = new byte[ComparedRounds.MESSAGE_SIZE];

    private ZContext context;
    private ZmqIoLoop loop;
    private ZMQ.Socket rawPush;
    private ZMQ.Socket rawPull;
    private ZMQ.Socket feedsLists;
    private ZMQ.Socket feedsFrames;
    private ZMQStream sendingStream;
    private volatile long received;
    /** What the last callback got: kept, as a real callback would, so that the JIT cannot drop it. */
    private volatile Object kept;

    /** Opens the sockets and streams, each pair on its own inproc endpoint. */
    @Setup(Level.Trial)
    public void open() {
        context = new ZContext();
        loop = new ZmqIoLoop(context, "bench-ioloop");
        rawPull = pull("inproc://raw");
        rawPush = push("inproc://raw");
        ZMQStream lists = new ZMQStream(context.createSocket(SocketType.PULL), loop);
        lists.bind("inproc://lists");
        lists.onRecv(frames -> take(frames));
        ZMQStream frames = new ZMQStream(context.createSocket(SocketType.PULL), loop);
        frames.bind("inproc://frames");
        frames.onRecvFrames(parts -> take(parts));
        sendingStream = new ZMQStream(context.createSocket(SocketType.PUSH), loop);
        sendingStream.connect("inproc://raw");
        feedsLists = push("inproc://lists");
        feedsFrames = push("inproc://frames");
        loop.start();
    }

    /** Closes the loop and the context. */
    @TearDown(Level.Trial)
    public void close() {
        loop.close();
        context.close();
    }

    /** Raw JeroMQ: send and receive on this thread. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void raw() {
        for (int i = 0; i < BATCH; i++) {
            rawPush.send(PAYLOAD, 0);
        }
        for (int i = 0; i < BATCH; i++) {
            rawPull.recv(0);
        }
    }

    /** Sent raw from this thread, received by {@code onRecv} on the loop thread. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void onRecvLists() {
        receiveOnLoop(feedsLists);
    }

    /** Sent raw from this thread, received by {@code onRecvFrames} on the loop thread. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void onRecvFrames() {
        receiveOnLoop(feedsFrames);
    }

    /** Sent by {@code ZMQStream.send} from this thread (the loop sends them), received raw on this thread. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void streamSend() {
        for (int i = 0; i < BATCH; i++) {
            sendingStream.send(PAYLOAD, 0, false, false, null);
        }
        for (int i = 0; i < BATCH; i++) {
            rawPull.recv(0);
        }
    }

    private void take(Object message) {
        kept = message;
        received++;
    }

    private void receiveOnLoop(ZMQ.Socket feeder) {
        long target = received + BATCH;
        for (int i = 0; i < BATCH; i++) {
            feeder.send(PAYLOAD, 0);
        }
        while (received < target) {
            Thread.onSpinWait();
        }
    }

    private ZMQ.Socket pull(String endpoint) {
        ZMQ.Socket socket = context.createSocket(SocketType.PULL);
        socket.setRcvHWM(0);
        socket.bind(endpoint);
        return socket;
    }

    private ZMQ.Socket push(String endpoint) {
        ZMQ.Socket socket = context.createSocket(SocketType.PUSH);
        socket.setSndHWM(0);
        socket.connect(endpoint);
        return socket;
    }

    /**
     * Runs the benchmarks with the GC profiler.
     *
     * @param args unused
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(AllocationBenchmark.class.getSimpleName()).addProfiler(GCProfiler.class)
                .build()).run();
    }
}
