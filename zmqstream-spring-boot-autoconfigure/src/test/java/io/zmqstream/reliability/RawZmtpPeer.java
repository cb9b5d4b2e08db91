package io.zmqstream.reliability;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A stranger on the network: a plain {@link Socket} that writes ZMTP 3.0 bytes by hand, whole,
 * truncated or wrong, to see what a stream makes of them.
 */
final class RawZmtpPeer implements AutoCloseable {

    private static final int GREETING_BYTES = 64;

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    private RawZmtpPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        this.in = new DataInputStream(socket.getInputStream());
    }

    static RawZmtpPeer connect(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawZmtpPeer(socket);
    }

    /** A ZMTP 3.0 greeting naming {@code mechanism}, as a server would not expect it or would. */
    static byte[] greeting(String mechanism) {
        byte[] greeting = new byte[GREETING_BYTES];
        greeting[0] = (byte) 0xFF;
        greeting[8] = 1;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, greeting, 12, Math.min(name.length, 20));
        return greeting;
    }

    /** The NULL-mechanism handshake of a {@code socketType} peer: greetings both ways, then READY both ways. */
    RawZmtpPeer handshake(String socketType) throws IOException {
        write(greeting("NULL"));
        in.readFully(new byte[GREETING_BYTES]);
        byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        byte[] type = socketType.getBytes(StandardCharsets.US_ASCII);
        out.writeByte(0x04); // a short command frame
        out.writeByte(1 + 5 + 1 + name.length + 4 + type.length);
        out.writeByte(5);
        out.write("READY".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(name.length);
        out.write(name);
        out.writeInt(type.length);
        out.write(type);
        out.flush();
        int flags = in.readUnsignedByte();
        long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
        in.readFully(new byte[(int) size]);
        return this;
    }

    /** The 9-byte header of a long frame, the message's last, announcing {@code size} bytes. */
    RawZmtpPeer announce(long size) throws IOException {
        out.writeByte(0x02);
        out.writeLong(size);
        out.flush();
        return this;
    }

    RawZmtpPeer write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Whether the stream closed the connection within the read timeout; what it sent before is skipped. */
    boolean closedByStream() {
        try {
            while (in.read() != -1) {
                // The stream's greeting or handshake: not what is asked.
            }
            return true;
        }
        catch (SocketTimeoutException stillOpen) {
            return false;
        }
        catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
