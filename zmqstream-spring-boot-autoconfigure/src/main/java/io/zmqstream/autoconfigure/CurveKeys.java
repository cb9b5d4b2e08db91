package io.zmqstream.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.zeromq.ZMQ;

/**
 * The CURVE keys of one stream, read from {@code zmq.streams.<name>.curve.*} and checked: a server
 * has its secret key; a client has the server's public key and either its own key pair or, when it
 * has none, a freshly generated one. Neither messages nor {@link #toString()} ever show a key.
 */
final class CurveKeys {

    private static final int Z85_KEY_LENGTH = 40;
    private static final Pattern Z85_KEY = Pattern.compile("[0-9a-zA-Z.\\-:+=^!/*?&<>()\\[\\]{}@%$#]{40}");

    private final boolean server;
    private final byte[] publicKey;
    private final byte[] secretKey;
    private final byte[] serverKey;

    private CurveKeys(boolean server, byte[] publicKey, byte[] secretKey, byte[] serverKey) {
        this.server = server;
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.serverKey = serverKey;
    }

    /**
     * Reads and checks a stream's CURVE settings.
     *
     * @param prefix the settings' property prefix, such as {@code zmq.streams.orders.curve}
     * @param curve the settings
     * @return the keys, or {@code null} when CURVE is off (not a server and no key set)
     * @throws ZmqConfigurationException when a key is missing, unreadable or not a Z85 key
     */
    static CurveKeys resolve(String prefix, ZmqProperties.Stream.Curve curve) {
        String publicKey = key(prefix, "public-key", curve.getPublicKey(), curve.getPublicKeyFile());
        String secretKey = key(prefix, "secret-key", curve.getSecretKey(), curve.getSecretKeyFile());
        String serverKey = key(prefix, "server-key", curve.getServerKey(), curve.getServerKeyFile());
        if (curve.isServer()) {
            return forServer(prefix, publicKey, secretKey, serverKey);
        }
        if (publicKey == null && secretKey == null && serverKey == null) {
            return null;
        }
        return forClient(prefix, publicKey, secretKey, serverKey);
    }

    private static CurveKeys forServer(String prefix, String publicKey, String secretKey, String serverKey) {
        if (secretKey == null) {
            throw new ZmqConfigurationException(prefix + ".secret-key", "a CURVE server needs its secret key",
                    "Set " + prefix + ".secret-key (or .secret-key-file) to the server's Z85 secret key.");
        }
        if (serverKey != null) {
            throw new ZmqConfigurationException(prefix + ".server-key", "only CURVE clients use the server's key",
                    "Remove " + prefix + ".server-key, or set " + prefix + ".server to false for a client.");
        }
        return new CurveKeys(true, publicKey == null ? null : decode(publicKey), decode(secretKey), null);
    }

    private static CurveKeys forClient(String prefix, String publicKey, String secretKey, String serverKey) {
        if (serverKey == null) {
            throw new ZmqConfigurationException(prefix + ".server-key", "a CURVE client needs the server's public key",
                    "Set " + prefix + ".server-key (or .server-key-file), or set " + prefix
                            + ".server to true if this socket is the server.");
        }
        if ((publicKey == null) != (secretKey == null)) {
            String missing = publicKey == null ? "public-key" : "secret-key";
            throw new ZmqConfigurationException(prefix + "." + missing, "a CURVE client's key pair is incomplete",
                    "Set both " + prefix + ".public-key and .secret-key, or neither to use a generated key pair.");
        }
        if (publicKey == null) {
            ZMQ.Curve.KeyPair generated = ZMQ.Curve.generateKeyPair();
            publicKey = generated.publicKey;
            secretKey = generated.secretKey;
        }
        return new CurveKeys(false, decode(publicKey), decode(secretKey), decode(serverKey));
    }

    /** The key given inline or in a file, checked, or {@code null} when neither is set. */
    private static String key(String prefix, String name, String inline, Resource file) {
        String property = prefix + "." + name;
        if (inline != null && file != null) {
            throw new ZmqConfigurationException(property, "is set both inline and as " + name + "-file",
                    "Keep only one of " + property + " and " + property + "-file.");
        }
        if (file != null) {
            return checked(property + "-file", fromFile(property + "-file", certificateEntry(name), file),
                    "a file holding a Z85 key alone, or a ZeroMQ certificate with a " + certificateEntry(name) + " entry");
        }
        return inline == null ? null : checked(property, inline.trim(), "a Z85-encoded key of 40 characters");
    }

    /** A certificate names its own keys public-key and secret-key: the server's key is its public-key. */
    private static String certificateEntry(String name) {
        return name.equals("server-key") ? "public-key" : name;
    }

    /**
     * Whether {@code text} is a Z85-encoded CURVE key.
     *
     * @param text the text
     * @return {@code true} for 40 characters of the Z85 alphabet
     */
    static boolean isKey(String text) {
        return Z85_KEY.matcher(text).matches();
    }

    /**
     * The public key in a file: the Z85 key alone, or a ZeroMQ certificate's public-key entry.
     *
     * @param property the property that named the file, for errors
     * @param file the file
     * @return the checked key
     * @throws ZmqConfigurationException when the file cannot be read or holds no public key
     */
    static String publicKeyIn(String property, Resource file) {
        return checked(property, fromFile(property, "public-key", file), "a file holding a Z85 key alone, or a ZeroMQ "
                + "certificate with a public-key entry");
    }

    private static String fromFile(String property, String entry, Resource file) {
        String content;
        try (InputStream in = file.getInputStream()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        catch (IOException ex) {
            throw new ZmqConfigurationException(property, "cannot read " + file.getDescription() + ": " + ex.getMessage(),
                    "Point " + property + " at a readable file.", ex);
        }
        if (content.length() == Z85_KEY_LENGTH) {
            return content;
        }
        Matcher matcher = Pattern.compile("(?m)^\\s*" + entry + "\\s*=\\s*\"?([^\"\\s]*)\"?\\s*$").matcher(content);
        if (!matcher.find()) {
            throw new ZmqConfigurationException(property, file.getDescription() + " holds neither a Z85 key alone nor a "
                    + "certificate with a " + entry + " entry", "Point " + property + " at a key file or a ZeroMQ "
                    + "certificate, as ZCert.savePublic or ZCert.saveSecret write them.");
        }
        return matcher.group(1);
    }

    private static String checked(String property, String key, String expected) {
        if (!isKey(key)) {
            String problem = key.length() != Z85_KEY_LENGTH
                    ? "has " + key.length() + " characters where a CURVE key has " + Z85_KEY_LENGTH
                    : "has characters outside the Z85 alphabet";
            throw new ZmqConfigurationException(property, "is not a CURVE key: it " + problem + " (the value is not shown)",
                    "Set " + property + " to " + expected + ", as ZMQ.Curve.generateKeyPair() or zmq_curve_keypair make.");
        }
        return key;
    }

    private static byte[] decode(String key) {
        return ZMQ.Curve.z85Decode(key);
    }

    /**
     * Sets CURVE on a socket; call before it binds or connects.
     *
     * @param socket the socket
     */
    void applyTo(ZMQ.Socket socket) {
        if (server) {
            socket.setCurveServer(true);
        }
        else {
            socket.setCurveServerKey(serverKey);
        }
        if (publicKey != null) {
            socket.setCurvePublicKey(publicKey);
        }
        socket.setCurveSecretKey(secretKey);
    }

    @Override
    public String toString() {
        return server ? "CURVE server" : "CURVE client";
    }
}
