package io.zmqstream.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;

/**
 * The CURVE clients a server lets in by key, from {@code zmq.streams.<name>.curve.allowed-clients}:
 * keys given inline, and directories and files of certificates, which {@link #reload()} reads again.
 *
 * <p>At start-up every entry must hold a key; a reload instead keeps going: a file that cannot be
 * read or holds no key is logged once and keeps the key it last held, a directory that cannot be
 * listed keeps the files it last had, and a certificate removed takes its key with it. Not
 * thread-safe: one thread reloads.
 */
final class ClientCertificates {

    private static final Logger log = LoggerFactory.getLogger(ClientCertificates.class);

    /**
     * A key no client has: a CURVE key has 40 characters. An empty set of keys lets every client in,
     * so a server whose last certificate was removed gets this one instead, and refuses every client.
     */
    private static final String NO_CLIENT = "";

    private final String property;
    private final Set<String> inlineKeys;
    /** Each certificate location, by the indexed property that names it. */
    private final Map<String, Path> locations;
    /** The key each certificate file held when last read well, in file order. */
    private Map<Path, String> fileKeys = new TreeMap<>();
    /** The problems already logged, by file or directory, so that each is logged once. */
    private final Map<Path, String> loggedProblems = new HashMap<>();

    private ClientCertificates(String property, Set<String> inlineKeys, Map<String, Path> locations) {
        this.property = property;
        this.inlineKeys = inlineKeys;
        this.locations = locations;
    }

    /**
     * Reads the entries and every certificate they name.
     *
     * @param property the list's property, such as {@code zmq.streams.orders.curve.allowed-clients}
     * @param entries its entries
     * @return the certificates, read
     * @throws ZmqConfigurationException when an entry is neither a key nor a location of certificates
     */
    static ClientCertificates resolve(String property, List<String> entries) {
        Set<String> inline = new LinkedHashSet<>();
        Map<String, Path> locations = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            String indexed = property + "[" + i + "]";
            if (CurveKeys.isKey(entry)) {
                inline.add(entry);
            }
            else {
                locations.put(indexed, location(indexed, entry));
            }
        }
        ClientCertificates certificates = new ClientCertificates(property, inline, locations);
        locations.forEach((indexed, location) -> certificateFiles(indexed, location)
                .forEach(file -> certificates.fileKeys.put(file,
                        CurveKeys.publicKeyIn(indexed, new FileSystemResource(file)))));
        return certificates;
    }

    /**
     * Whether there are certificate files to read again.
     *
     * @return {@code false} when every entry is an inline key
     */
    boolean isWatched() {
        return !locations.isEmpty();
    }

    /**
     * The keys let in now.
     *
     * @return the inline keys and those of the certificates; one that no client has when there are none
     */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(inlineKeys);
        keys.addAll(fileKeys.values());
        return keys.isEmpty() ? Set.of(NO_CLIENT) : keys;
    }

    /**
     * Reads the certificate locations again and logs once what changed.
     *
     * @return whether the keys changed
     */
    boolean reload() {
        Map<Path, String> read = new TreeMap<>();
        locations.values().forEach(location -> readLeniently(location, read));
        if (read.equals(fileKeys)) {
            return false;
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        read.forEach((file, key) -> {
            if (!key.equals(fileKeys.get(file))) {
                added.add(file.getFileName().toString());
            }
        });
        fileKeys.forEach((file, key) -> {
            if (!key.equals(read.get(file))) {
                removed.add(file.getFileName().toString());
            }
        });
        fileKeys = read;
        int clients = keys().contains(NO_CLIENT) ? 0 : keys().size();
        log.info("{}: client certificates changed: {} added, {} removed; {} allowed{}", property, added, removed,
                clients, clients == 0 ? ", so every CURVE client is refused" : "");
        return true;
    }

    private void readLeniently(Path location, Map<Path, String> read) {
        List<Path> files;
        if (Files.isRegularFile(location)) {
            files = List.of(location);
        }
        else {
            try (Stream<Path> listing = Files.list(location)) {
                files = listing.filter(Files::isRegularFile).sorted().toList();
                loggedProblems.remove(location);
            }
            catch (IOException | UncheckedIOException ex) {
                logOnce(location, "cannot list " + location + " (" + ex + "); its certificates stay as they were");
                fileKeys.forEach((file, key) -> {
                    if (location.equals(file.getParent())) {
                        read.put(file, key);
                    }
                });
                return;
            }
        }
        for (Path file : files) {
            try {
                read.put(file, CurveKeys.publicKeyIn(property, new FileSystemResource(file)));
                loggedProblems.remove(file);
            }
            catch (ZmqConfigurationException ex) {
                String kept = fileKeys.get(file);
                logOnce(file, "skipped " + file + ": " + ex.getProblem() + (kept == null ? "" : "; its last key stays allowed"));
                if (kept != null) {
                    read.put(file, kept);
                }
            }
        }
    }

    private void logOnce(Path path, String problem) {
        if (!problem.equals(loggedProblems.put(path, problem))) {
            log.warn("{}: {}", property, problem);
        }
    }

    private static Path location(String property, String entry) {
        try {
            return entry.startsWith("file:") ? Path.of(URI.create(entry)) : Path.of(entry);
        }
        catch (RuntimeException ex) {
            throw notKeyNorCertificates(property, ex);
        }
    }

    private static List<Path> certificateFiles(String property, Path location) {
        if (Files.isRegularFile(location)) {
            return List.of(location);
        }
        if (!Files.isDirectory(location)) {
            throw notKeyNorCertificates(property, null);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(location)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException | UncheckedIOException ex) {
            throw new ZmqConfigurationException(property, "cannot list the directory " + location + ": " + ex.getMessage(),
                    "Make " + location + " readable.", ex);
        }
        if (files.isEmpty()) {
            throw new ZmqConfigurationException(property, "the directory " + location + " holds no certificate",
                    "Put the clients' certificates (as ZCert.savePublic writes them) into " + location + ".");
        }
        return files;
    }

    /** The value is not shown: it may be a mistyped key. */
    private static ZmqConfigurationException notKeyNorCertificates(String property, Exception cause) {
        return new ZmqConfigurationException(property, "is neither a Z85 public key nor an existing directory or file "
                + "of certificates (the value is not shown)", "Set " + property + " to a client's Z85 public key "
                + "(40 characters) or to a directory of ZeroMQ certificates.", cause);
    }
}
