package io.zmqstream.autoconfigure;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.zeromq.SocketType;

/**
 * The socket types a stream from {@code zmq.streams} may have: ZeroMQ's classic ones. JeroMQ's draft
 * types (CLIENT, SERVER, RADIO, DISH, CHANNEL, PEER, RAW, SCATTER, GATHER) are thread-safe sockets
 * without a file descriptor ({@code ZMQ_FD}), so no loop can poll them.
 */
final class StreamSocketTypes {

    /** Every type a stream supports, in ZeroMQ's order. */
    static final Set<SocketType> SUPPORTED = EnumSet.of(SocketType.PAIR, SocketType.PUB, SocketType.SUB,
            SocketType.REQ, SocketType.REP, SocketType.DEALER, SocketType.ROUTER, SocketType.PULL, SocketType.PUSH,
            SocketType.XPUB, SocketType.XSUB, SocketType.STREAM);

    private StreamSocketTypes() {
    }

    /** The supported types, as a user writes them in YAML. */
    static String supportedList() {
        return String.join(", ", SUPPORTED.stream().map(type -> type.name().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * A stream's type, refused when unset or a draft type.
     *
     * @param prefix the stream's property prefix
     * @throws ZmqConfigurationException naming {@code <prefix>.type}
     */
    static SocketType require(String prefix, SocketType type) {
        if (type == null) {
            throw new ZmqConfigurationException(prefix + ".type", "is not set",
                    "Set " + prefix + ".type to one of " + supportedList() + ".");
        }
        if (!SUPPORTED.contains(type)) {
            throw new ZmqConfigurationException(prefix + ".type", "is " + type + ", a draft socket type: JeroMQ's "
                    + "thread-safe sockets have no file descriptor, so no loop can poll them",
                    "Set " + prefix + ".type to one of " + supportedList() + ".");
        }
        return type;
    }

    /**
     * The supported type nearest in spelling to {@code written}, if one is near enough; of two as near,
     * the one that begins with what was written ({@code pul} is {@code pull} more likely than {@code pub}).
     */
    static Optional<SocketType> closest(String written) {
        String upper = written.trim().toUpperCase(Locale.ROOT);
        Comparator<SocketType> nearest = Comparator.comparingInt(type -> ZmqPropertyNames.distance(type.name(), upper));
        return SUPPORTED.stream()
                .filter(type -> ZmqPropertyNames.distance(type.name(), upper) <= Math.max(1, upper.length() / 3))
                .min(nearest.thenComparing(type -> !type.name().startsWith(upper)));
    }
}
