package io.zmqstream;

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZMQ;

/**
 * Puts a connection into the state that JeroMQ 0.6.0's connect race (zeromq/jeromq pull request
 * 1022) leaves a few fresh connections in: its engine's handle keeps its interest but has no live
 * selection key, so the engine never hears its channel again until something makes its I/O thread
 * register handles afresh. The race itself strikes a few connections in a hundred, at random; tests
 * need it every time. Reaches into JeroMQ's private fields, for tests only.
 */
final class JeroMqConnectRace {

    /**
     * How long an engine's handle may go without a key before the race, not a registration about
     * to happen, has left it so: the I/O thread registers a new handle on its next turn.
     */
    private static final long KEYLESS_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ZMQ.Socket socketOfContext;
    private final int remotePort;
    private long keylessSince;

    /**
     * Watches the tcp connection whose remote port is {@code remotePort}, in every I/O thread of the
     * socket's context.
     */
    JeroMqConnectRace(ZMQ.Socket socketOfContext, int remotePort) {
        this.socketOfContext = socketOfContext;
        this.remotePort = remotePort;
    }

    /**
     * Whether the connection's engine is stalled now: this call cancelled its key, or the race had
     * left it without one. JeroMQ reports a connection before it registers the engine, and until
     * then the channel's handle is the connecter's, which is left alone. Call until it says yes.
     */
    boolean stall() throws ReflectiveOperationException {
        for (Object ioThread : (List<?>) field(socketOfContext.getCtx(), "ioThreads")) {
            Object poller = field(ioThread, "poller");
            Selector selector = (Selector) field(poller, "selector");
            for (Object handle : handles(poller)) {
                SelectableChannel channel = (SelectableChannel) field(handle, "fd");
                if (!(boolean) field(handle, "cancelled") && ((int) field(handle, "ops") & SelectionKey.OP_CONNECT) == 0
                        && leadsToThePort(channel)) {
                    return stall(channel.keyFor(selector));
                }
            }
        }
        keylessSince = 0;
        return false;
    }

    private boolean stall(SelectionKey key) {
        if (key != null && key.isValid()) {
            key.cancel();
            return true;
        }
        long now = System.nanoTime();
        if (keylessSince == 0) {
            keylessSince = now;
        }
        return now - keylessSince >= KEYLESS_NANOS;
    }

    private boolean leadsToThePort(SelectableChannel channel) {
        return channel instanceof SocketChannel socket && socket.isConnected()
                && ((InetSocketAddress) socket.socket().getRemoteSocketAddress()).getPort() == remotePort;
    }

    /** The poller's handles; the I/O thread changes them meanwhile, so a read that collides sees none. */
    private static List<?> handles(Object poller) throws ReflectiveOperationException {
        try {
            return List.copyOf((Set<?>) field(poller, "fdTable"));
        }
        catch (ConcurrentModificationException | NullPointerException ex) {
            return List.of();
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
