package io.zmqstream.benchmarks;

import java.lang.management.ManagementFactory;
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
 * The CPU an idle loop costs: 100 streams (PULL sockets bound on tcp loopback, receive callbacks
 * registered, nothing arriving) on one loop, measured over a wall-clock window as the loop
 * thread's CPU time and the whole process's.
 *
 * <p>Arguments: number of streams (default 100), seconds to measure (default 10), and {@code paused}
 * to measure paused streams instead: no receive callback, with a message waiting on each socket.
 */
public final class IdleLoopCpu {

    private IdleLoopCpu() {
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ZContext context = new ZContext(); ZmqIoLoop loop = new ZmqIoLoop(context, "idle-ioloop")) {
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

            long loopCpuStart = threads.getThreadCpuTime(loopThreadId);
            long processCpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            long wall = System.nanoTime() - wallStart;
            long loopCpu = threads.getThreadCpuTime(loopThreadId) - loopCpuStart;
            long processCpu = os.getProcessCpuTime() - processCpuStart;

            System.out.printf(Locale.ROOT, "%d %s streams over %.1f s: loop thread CPU %.3f ms (%.4f%% of a core), "
                    + "whole process CPU %.1f ms (%.3f%% of a core)%n", open.size(), paused ? "paused" : "idle", wall / 1e9, loopCpu / 1e6,
                    100.0 * loopCpu / wall, processCpu / 1e6, 100.0 * processCpu / wall);
            senders.forEach(context::destroySocket);
        }
    }
}
