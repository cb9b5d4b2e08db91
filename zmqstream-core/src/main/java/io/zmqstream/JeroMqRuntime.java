package io.zmqstream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.zeromq.ZMQ;

/**
 * Which JeroMQ the application runs on, read from the Maven metadata in its jar, and what that
 * means for the features that depend on it: {@code org.zeromq:jeromq} 0.6.0, the starter's
 * dependency, or {@code fr.loghub:jeromq} 0.7.0, which a user may swap in (same packages; see the
 * README).
 *
 * @param artifact the Maven group and artifact, such as {@code org.zeromq:jeromq}, or
 *        {@code unknown} when the jar carries no Maven metadata
 * @param version the version, such as {@code 0.6.0}, or {@code unknown}
 */
public record JeroMqRuntime(String artifact, String version) {

    /** The artifact of the JeroMQ releases published by zeromq. */
    public static final String ZEROMQ_ARTIFACT = "org.zeromq:jeromq";

    /** The artifact of the JeroMQ 0.7 releases published by a JeroMQ core developer. */
    public static final String LOGHUB_ARTIFACT = "fr.loghub:jeromq";

    private static final JeroMqRuntime CURRENT = detect();

    /**
     * The JeroMQ on the class path.
     *
     * @return the runtime, read once
     */
    public static JeroMqRuntime current() {
        return CURRENT;
    }

    /**
     * Whether {@code ipc://} endpoints are Unix domain sockets, as in libzmq: {@code fr.loghub:jeromq}
     * 0.7 and later on Java 16 and later. JeroMQ 0.6.0 maps an {@code ipc://} path to a tcp port on
     * the loopback interface instead, which file permissions do not protect and which a libzmq peer
     * on the same path never reaches.
     *
     * @return {@code true} when {@code ipc://} is real inter-process communication
     */
    public boolean hasUnixDomainIpc() {
        return LOGHUB_ARTIFACT.equals(artifact) && !version.startsWith("0.6") && Runtime.version().feature() >= 16;
    }

    @Override
    public String toString() {
        return artifact + " " + version;
    }

    private static JeroMqRuntime detect() {
        String loghub = versionIn("/META-INF/maven/fr.loghub/jeromq-core/pom.properties");
        if (loghub != null) {
            return new JeroMqRuntime(LOGHUB_ARTIFACT, loghub);
        }
        String zeromq = versionIn("/META-INF/maven/org.zeromq/jeromq/pom.properties");
        return zeromq != null ? new JeroMqRuntime(ZEROMQ_ARTIFACT, zeromq) : new JeroMqRuntime("unknown", "unknown");
    }

    private static String versionIn(String resource) {
        try (InputStream in = ZMQ.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            return null;
        }
    }
}
