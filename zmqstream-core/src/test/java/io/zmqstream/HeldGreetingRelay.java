package io.zmqstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tcp relay on loopback between one client and a server port that passes the client's bytes on
 * at once and holds the server's (its ZMTP greeting first) until {@link #release()}: the window in
 * which a test can put the client's connection into the state JeroMQ's connect race leaves it in.
 * Its threads end when the relay closes, or after the test's timeout.
 */
final class HeldGreetingRelay implements AutoCloseable {

    private final ServerSocketChannel listener;
    private final int serverPort;
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread relay;
    private volatile SocketChannel client;
    private volatile SocketChannel server;

    HeldGreetingRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        this.relay = new Thread(this::relay, "held-greeting-relay");
        relay.setDaemon(true);
        relay.start();
    }

    /** The port the client connects to. */
    int port() {
        return listener.socket().getLocalPort();
    }

    /** Lets the server's bytes through from now on. */
    void release() {
        released.countDown();
    }

    private void relay() {
        try {
            client = listener.accept();
            server = SocketChannel.open(new InetSocketAddress("127.0.0.1", serverPort));
            Thread upstream = new Thread(() -> pump(client, server), "held-greeting-relay-up");
            upstream.setDaemon(true);
            upstream.start();
            if (released.await(LoopTestSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                pump(server, client);
            }
        }
        catch (IOException | InterruptedException ex) {
            // The relay was closed.
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        }
        catch (IOException ex) {
            // One side closed: the relay ends.
        }
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        listener.close();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
