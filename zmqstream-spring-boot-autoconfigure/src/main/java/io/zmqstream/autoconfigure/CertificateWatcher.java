package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the certificate directories and files of CURVE servers' allowed clients again, each at its
 * interval, on one daemon thread of its own (file systems may be slow; the loop must not wait for
 * them), and hands every change of keys on. Started by the first location it watches.
 */
final class CertificateWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CertificateWatcher.class);

    private ScheduledExecutorService reader;
    private boolean closed;

    /**
     * Reads a server's certificates again every {@code interval} from now on.
     *
     * @param certificates the certificates, read once already
     * @param interval how often
     * @param onChange given the new keys after each change
     */
    synchronized void watch(ClientCertificates certificates, Duration interval, Consumer<Set<String>> onChange) {
        if (closed) {
            return;
        }
        if (reader == null) {
            reader = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "zmq-certificates");
                thread.setDaemon(true);
                return thread;
            });
        }
        long millis = Math.max(1, interval.toMillis());
        reader.scheduleWithFixedDelay(() -> reload(certificates, onChange), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void reload(ClientCertificates certificates, Consumer<Set<String>> onChange) {
        try {
            if (certificates.reload()) {
                onChange.accept(certificates.keys());
            }
        }
        catch (RuntimeException ex) {
            // A failed reading must not end the schedule: the last keys stay, the next reading tries again.
            log.warn("Reading client certificates again failed; the last ones stay allowed", ex);
        }
    }

    /** Stops reading. */
    @Override
    public synchronized void close() {
        closed = true;
        if (reader != null) {
            reader.shutdownNow();
        }
    }
}
