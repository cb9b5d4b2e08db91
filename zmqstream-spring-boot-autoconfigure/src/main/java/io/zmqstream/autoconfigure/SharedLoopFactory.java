package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.stream.Stream;

import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.ZContext;

/**
 * Makes the shared {@link ZContext} and {@link ZmqIoLoop} from {@code zmq.context.*} and
 * {@code zmq.io-loop.*}, failing with the property's name on a value they refuse.
 */
final class SharedLoopFactory {

    private SharedLoopFactory() {
    }

    /**
     * The context with {@code zmq.context.io-threads} I/O threads and room for {@code max-sockets}
     * sockets; none but inproc endpoints without I/O threads.
     */
    static ZContext context(ZmqProperties properties) {
        ZmqProperties.Context settings = properties.getContext();
        int ioThreads = settings.getIoThreads();
        if (ioThreads < 0) {
            throw new ZmqConfigurationException("zmq.context.io-threads", "is " + ioThreads + ", below zero",
                    "Set zmq.context.io-threads to 1 or more (0 serves inproc endpoints only).");
        }
        if (ioThreads == 0) {
            requireInprocOnly(properties);
        }
        ZContext context = new ZContext(ioThreads);
        if (settings.getMaxSockets() < 1 || !context.getContext().setMaxSockets(settings.getMaxSockets())) {
            context.close();
            throw new ZmqConfigurationException("zmq.context.max-sockets", "ZeroMQ refused " + settings.getMaxSockets(),
                    "Set zmq.context.max-sockets to at least the number of sockets the application opens.");
        }
        return context;
    }

    /** Without an I/O thread ZeroMQ serves inproc only: any other endpoint would fail with a bare errno. */
    private static void requireInprocOnly(ZmqProperties properties) {
        properties.getStreams().forEach((name, stream) -> Stream.concat(stream.getBind().stream(), stream.getConnect().stream())
                .filter(endpoint -> !endpoint.trim().startsWith("inproc://")).findFirst().ifPresent(endpoint -> {
                    throw new ZmqConfigurationException("zmq.context.io-threads", "is 0, and zmq.streams." + name
                            + " has the endpoint " + endpoint + ": ZeroMQ serves every transport but inproc on its I/O "
                            + "threads", "Set zmq.context.io-threads to 1 or more, or give every stream inproc endpoints.");
                }));
    }

    /** A loop, not yet started, with the thread name, batch budget and spin time of {@code zmq.io-loop}. */
    static ZmqIoLoop loop(ZContext context, ZmqProperties.IoLoop settings) {
        return loop(context, settings, settings.getThreadName());
    }

    /** A loop with the shared loop's batch budget and spin time, on a thread of the given name. */
    static ZmqIoLoop loop(ZContext context, ZmqProperties.IoLoop settings, String threadName) {
        ZmqIoLoop loop = new ZmqIoLoop(context, threadName);
        configure(loop, "zmq.io-loop.batch-budget", () -> loop.setBatchBudget(settings.getBatchBudget()), "1 or more");
        configure(loop, "zmq.io-loop.spin-time", () -> loop.setSpinTime(settings.getSpinTime()), "zero or more");
        return loop;
    }

    /** The started lag monitor of the loop, probing every {@code zmq.io-loop.lag-probe-interval}. */
    static LoopLagMonitor lagMonitor(ZmqIoLoop loop, ZmqProperties.IoLoop settings) {
        LoopLagMonitor monitor = new LoopLagMonitor(loop,
                positive("zmq.io-loop.lag-probe-interval", settings.getLagProbeInterval(), "1s"));
        monitor.start();
        return monitor;
    }

    /** The loop's lag beyond which it counts as stuck: {@code zmq.io-loop.max-lag}. */
    static Duration maxLag(ZmqProperties.IoLoop settings) {
        return positive("zmq.io-loop.max-lag", settings.getMaxLag(), "5s");
    }

    private static Duration positive(String property, Duration value, String example) {
        if (value.isNegative() || value.isZero()) {
            throw new ZmqConfigurationException(property, "is " + value + ", not more than zero",
                    "Set " + property + " to more than zero, such as " + example + ".");
        }
        return value;
    }

    /** Applies one setting; a value the loop refuses closes the loop and names the property. */
    private static void configure(ZmqIoLoop loop, String property, Runnable setter, String valid) {
        try {
            setter.run();
        }
        catch (IllegalArgumentException ex) {
            loop.close();
            throw new ZmqConfigurationException(property, ex.getMessage(), "Set " + property + " to " + valid + ".", ex);
        }
    }
}
