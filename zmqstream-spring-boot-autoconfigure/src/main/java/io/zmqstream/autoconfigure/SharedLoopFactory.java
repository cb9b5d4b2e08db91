package io.zmqstream.autoconfigure;

import io.zmqstream.ZmqIoLoop;
import org.zeromq.ZContext;

/**
 * Makes the shared {@link ZContext} and {@link ZmqIoLoop} from {@code zmq.context.*} and
 * {@code zmq.io-loop.*}, failing with the property's name on a value they refuse.
 */
final class SharedLoopFactory {

    private SharedLoopFactory() {
    }

    /** The context with {@code zmq.context.io-threads} I/O threads and room for {@code max-sockets} sockets. */
    static ZContext context(ZmqProperties.Context settings) {
        int ioThreads = settings.getIoThreads();
        if (ioThreads < 0) {
            throw new ZmqConfigurationException("zmq.context.io-threads", "is " + ioThreads + ", below zero",
                    "Set zmq.context.io-threads to 1 or more (0 serves inproc endpoints only).");
        }
        ZContext context = new ZContext(ioThreads);
        if (settings.getMaxSockets() < 1 || !context.getContext().setMaxSockets(settings.getMaxSockets())) {
            context.close();
            throw new ZmqConfigurationException("zmq.context.max-sockets", "ZeroMQ refused " + settings.getMaxSockets(),
                    "Set zmq.context.max-sockets to at least the number of sockets the application opens.");
        }
        return context;
    }

    /** A loop, not yet started, with the thread name, batch budget and spin time of {@code zmq.io-loop}. */
    static ZmqIoLoop loop(ZContext context, ZmqProperties.IoLoop settings) {
        ZmqIoLoop loop = new ZmqIoLoop(context, settings.getThreadName());
        try {
            loop.setBatchBudget(settings.getBatchBudget());
        }
        catch (IllegalArgumentException ex) {
            throw refused(loop, "zmq.io-loop.batch-budget", ex, "Set zmq.io-loop.batch-budget to 1 or more.");
        }
        try {
            loop.setSpinTime(settings.getSpinTime());
        }
        catch (IllegalArgumentException ex) {
            throw refused(loop, "zmq.io-loop.spin-time", ex, "Set zmq.io-loop.spin-time to zero or more.");
        }
        return loop;
    }

    private static ZmqConfigurationException refused(ZmqIoLoop loop, String property, Exception ex, String action) {
        loop.close();
        return new ZmqConfigurationException(property, ex.getMessage(), action, ex);
    }
}
