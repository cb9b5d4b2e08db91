package io.zmqstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * What idle streams cost: streams (PULL sockets bound on tcp loopback, receive callbacks
 * registered, nothing arriving) on one loop, measured over a wall-clock window as the loop
 * thread's CPU time and the whole process's, and the heap each stream holds beside a raw JeroMQ
 * socket bound the same way.
 *
 * <p>Arguments: number of streams (default 100), seconds to measure (default 10), and {@code paused}
 * to measure paused streams instead: no receive callback, with a message waiting on each socket.
 */
public final class IdleLoopCpu {

    private IdleLoopCpu() {
    }

    /**
     * What was measured.
     *
     * @param streams how many streams
     * @param loopCpuPercent the loop thread's CPU, in percent of a core
     * @param processCpuPercent the whole process's CPU, in percent of a core
     * @param heapPerStream heap bytes one stream and its socket hold
     * @param heapPerRawSocket heap bytes one raw JeroMQ socket holds, bound the same way
     */
    record IdleCost(int streams, double loopCpuPercent, double processCpuPercent, long heapPerStream,
            long heapPerRawSocket) {
    }

    /**
     * Runs the measurement and prints the CPU used.
     *
     * @param args optionally the number of streams and the seconds to measure
     * @throws Exception when the loop cannot be set up
     */
    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean paused = args.length > 2 && args[2].equals("paused");
        measure(streams, seconds, paused);
    }

    /**
     * Measures {@code streams} idle (or paused) streams over {@code seconds} and prints what it found,
     * each side in a context of its own that may hold that many sockets.
     */
    static IdleCost measure(int streams, int seconds, boolean paused) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapPerRawSocket;
        try (ZContext context = context(streams)) {
            heapPerRawSocket = heapPerRawSocket(context, streams);
        }
        try (ZContext context = context(2 * streams); ZmqIoLoop loop = new ZmqIoLoop(context, "idle-ioloop")) {
            long heapBefore = usedHeapAfterGc();
            List<ZMQStream> open = new ArrayList<>();
            List<ZMQ.Socket> senders = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                ZMQStream stream = new ZMQStream(context.createSocket(SocketType.PULL), loop);
                int port = stream.bindToRandomPort("tcp://127.0.0.1");
                if (paused) {
                    ZMQ.Socket push = context.createSocket(SocketType.PUSH);
                    push.connect("tcp://127.0.0.1:" + port);
                    push.send("waiting");
                    senders.add(push);
                }
                else {
                    stream.onRecv(frames -> { });
                }
                open.add(stream);
            }
            loop.start();
            long loopThreadId = loop.submit(() -> Thread.currentThread().getId()).get(10, TimeUnit.SECONDS);
            // Let start-up settle before measuring.
            TimeUnit.SECONDS.sleep(1);
            long heapPerStream = (usedHeapAfterGc() - heapBefore) / streams;

            long loopCpuStart = threads.getThreadCpuTime(loopThreadId);
            long processCpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            long wall = System.nanoTime() - wallStart;
            long loopCpu = threads.getThreadCpuTime(loopThreadId) - loopCpuStart;
            long processCpu = os.getProcessCpuTime() - processCpuStart;

            IdleCost cost = new IdleCost(open.size(), 100.0 * loopCpu / wall, 100.0 * processCpu / wall,
                    heapPerStream, heapPerRawSocket);
            System.out.printf(Locale.ROOT, "%d %s streams over %.1f s: loop thread CPU %.3f ms (%.4f%% of a core), "
                    + "whole process CPU %.1f ms (%.3f%% of a core); heap %,d B per stream, %,d B per raw JeroMQ socket%n",
                    open.size(), paused ? "paused" : "idle", wall / 1e9, loopCpu / 1e6, cost.loopCpuPercent(),
                    processCpu / 1e6, cost.processCpuPercent(), heapPerStream, heapPerRawSocket);
            senders.forEach(context::destroySocket);
            return cost;
        }
    }

    /** A context for {@code sockets} sockets and a few more: JeroMQ's default allows 1,023. */
    private static ZContext context(int sockets) {
        ZContext context = new ZContext();
        context.getContext().setMaxSockets(sockets + 16);
        return context;
    }

    /** The heap a raw JeroMQ PULL socket bound on tcp loopback holds, averaged over {@code sockets} of them. */
    private static long heapPerRawSocket(ZContext context, int sockets) {
        long before = usedHeapAfterGc();
        List<ZMQ.Socket> open = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.bindToRandomPort("tcp://127.0.0.1");
            open.add(pull);
        }
        long perSocket = (usedHeapAfterGc() - before) / sockets;
        open.forEach(context::destroySocket);
        return perSocket;
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
