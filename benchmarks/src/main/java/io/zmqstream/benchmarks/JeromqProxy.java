package io.zmqstream.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ's own {@code ZMQ.proxy} between two sockets on a thread of its own, as JeroMQ users run it,
 * ended through its control socket when closed; the sockets are closed with it.
 */
final class JeromqProxy implements AutoCloseable {

    private static final AtomicInteger CONTROLS = new AtomicInteger();

    private final ZContext context;
    private final ZMQ.Socket[] sockets;
    private final ZMQ.Socket control;
    private final Thread thread;

    JeromqProxy(ZContext context, ZMQ.Socket frontend, ZMQ.Socket backend) {
        this.context = context;
        String endpoint = "inproc://jeromq-proxy-control-" + CONTROLS.incrementAndGet();
        this.control = context.createSocket(SocketType.PAIR);
        control.bind(endpoint);
        ZMQ.Socket controlled = context.createSocket(SocketType.PAIR);
        controlled.connect(endpoint);
        this.sockets = new ZMQ.Socket[] {frontend, backend, control, controlled};
        this.thread = new Thread(() -> ZMQ.proxy(frontend, backend, null, controlled), "jeromq-proxy");
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        control.send(ZMQ.PROXY_TERMINATE, 0);
        thread.join();
        for (ZMQ.Socket socket : sockets) {
            context.destroySocket(socket);
        }
    }
}
