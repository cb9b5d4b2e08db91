package io.zmqstream;

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.zeromq.ZMQ;

/**
 * Puts a connection into the state that JeroMQ 0.6.0's connect race (zeromq/jeromq pull request
 * 1022) leaves a few fresh connections in: its engine's handle keeps its interest but has no live
 * selection key, so the engine never hears its channel again until something makes its I/O thread
 * register handles afresh. The race itself strikes a few connections in a hundred, at random; tests
 * need it every time. Reaches into JeroMQ's private fields, for tests only.
 */
final class JeroMqConnectRace {

    private JeroMqConnectRace() {
    }

    /**
     * Cancels, in every I/O thread of the socket's context, the selection key of the engine of the
     * tcp connection whose remote port is {@code remotePort}. JeroMQ reports a connection before
     * its engine is registered, and until then the channel's key is the connecter's, which waits
     * for the connect to complete: that one is left alone.
     *
     * @return how many keys were cancelled: 0 while the engine is not registered yet
     */
    static int dropEngineKey(ZMQ.Socket socketOfContext, int remotePort) throws ReflectiveOperationException {
        int cancelled = 0;
        for (Object ioThread : (List<?>) field(socketOfContext.getCtx(), "ioThreads")) {
            Selector selector = (Selector) field(field(ioThread, "poller"), "selector");
            for (SelectionKey key : selector.keys()) {
                if (key.isValid() && (key.interestOps() & SelectionKey.OP_CONNECT) == 0
                        && key.channel() instanceof SocketChannel channel && channel.isConnected()
                        && ((InetSocketAddress) channel.socket().getRemoteSocketAddress()).getPort() == remotePort) {
                    key.cancel();
                    cancelled++;
                }
            }
        }
        return cancelled;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
