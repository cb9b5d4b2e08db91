package io.zmqstream;

import zmq.Msg;

/**
 * A frame a PLAIN server received, which shows JeroMQ's PLAIN handshake an empty command when it
 * is a HELLO that would throw on JeroMQ's I/O thread.
 *
 * <p>The defect (JeroMQ 0.6.0, and its master): {@code PlainServerMechanism} reads the user name's
 * and the password's length bytes as signed, so a length of 128 or more becomes a negative array
 * size, and it reads the password's length without checking that the HELLO still has a byte left.
 * Either exception ends the I/O thread, which from then on serves no socket of the context: one
 * packet from anyone who can reach a PLAIN server's endpoint. An empty command is a HELLO too
 * short to be one, which the mechanism refuses as a protocol error: the peer is disconnected.
 *
 * <p>Only a HELLO command whose lengths do not add up to its size, or are 128 or more, reads as
 * empty; every other frame reads as it came. JeroMQ reads only the frame's size through the
 * overridden method, and its contents by index, so nothing else changes.
 */
final class PlainHelloFrame extends Msg {

    /** The largest HELLO: the command name, then two strings of up to 255 bytes with their lengths. */
    static final int MAX_HELLO_SIZE = 6 + 1 + 255 + 1 + 255;

    private static final byte[] HELLO = { 5, 'H', 'E', 'L', 'L', 'O' };

    private final FrameLengthGuard guard;
    private boolean refused;

    PlainHelloFrame(int size, FrameLengthGuard guard) {
        super(size);
        this.guard = guard;
    }

    @Override
    public int size() {
        int size = super.size();
        if (!isCommand() || !isHello(size) || readsSafely(size)) {
            return size;
        }
        if (!refused) {
            refused = true;
            guard.refusedPlainHello();
        }
        return 0;
    }

    private boolean isHello(int size) {
        if (size < HELLO.length) {
            return false;
        }
        for (int i = 0; i < HELLO.length; i++) {
            if (get(i) != HELLO[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether JeroMQ's reading of it throws nothing: it refuses a HELLO without lengths by itself. */
    private boolean readsSafely(int size) {
        if (size == HELLO.length) {
            return true;
        }
        int usernameLength = get(HELLO.length);
        int passwordLengthAt = HELLO.length + 1 + usernameLength;
        if (usernameLength < 0 || passwordLengthAt >= size) {
            return false;
        }
        int passwordLength = get(passwordLengthAt);
        return passwordLength >= 0;
    }
}
