package io.zmqstream.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pyzmq process running one of the scripts under {@code interop/} on the class path (this
 * module's {@code src/test/resources/interop}, or another module's that has this one's test jar),
 * and the control lines it prints ({@code READY <endpoint>}, {@code RESULT <json>}, ...). Closing it
 * kills the process; the script also ends by itself when its stdin closes or its deadline passes,
 * so no path of a test leaves one behind.
 */
public final class PyzmqPeer implements AutoCloseable {

    /** How long any control line may take, a 4 MiB echo or a 10,000-message burst included. */
    static final Duration LINE_TIMEOUT = Duration.ofSeconds(40);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String script;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final StringBuffer errors = new StringBuffer();
    private boolean ended;

    private PyzmqPeer(String script, Process process) {
        this.script = script;
        this.process = process;
        read(process.getInputStream(), "stdout", this::received, this::stdoutEnded);
        read(process.getErrorStream(), "stderr", line -> errors.append(line).append('\n'), () -> { });
    }

    /** Where the scripts run from: copies of the class path's, which may be in a jar. */
    private static Path scripts;

    /**
     * Starts {@code /usr/bin/python3 <script> <arguments>}.
     *
     * @param script a file name under {@code interop/} on the class path
     * @param arguments its command line
     * @return the running peer
     */
    public static PyzmqPeer start(String script, String... arguments) {
        Path scripts = scriptDirectory(script);
        List<String> command = new ArrayList<>(List.of(PyzmqInstalled.PYTHON.toString(), "-u", scripts.resolve(script).toString()));
        command.addAll(List.of(arguments));
        try {
            return new PyzmqPeer(script, new ProcessBuilder(command).directory(scripts.toFile()).start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start " + command, ex);
        }
    }

    /**
     * The endpoint of its {@code READY} line: where it bound or what it connected to.
     *
     * @return the endpoint
     */
    public String endpoint() {
        return awaitLine("READY");
    }

    /**
     * Its {@code RESULT} line's JSON, its findings when it is done.
     *
     * @return the findings
     */
    public JsonNode result() {
        return JSON.readTree(awaitLine("RESULT"));
    }

    /**
     * The rest of the first line it printed, not yet taken, that starts with {@code keyword}.
     *
     * @param keyword the line's first word
     * @return the rest of the line
     * @throws AssertionError when it says nothing of the kind within {@link #LINE_TIMEOUT}
     */
    public synchronized String awaitLine(String keyword) {
        long deadline = System.nanoTime() + LINE_TIMEOUT.toNanos();
        while (true) {
            for (Iterator<String> unread = lines.iterator(); unread.hasNext();) {
                String line = unread.next();
                if (line.equals(keyword) || line.startsWith(keyword + " ")) {
                    unread.remove();
                    return line.substring(keyword.length()).strip();
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError(script + (ended ? " ended" : " is still running") + " without saying " + keyword
                        + "; it said " + lines + " and on stderr:\n" + errors);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + keyword, ex);
            }
        }
    }

    /** Kills it with SIGKILL, as a crash would: its sockets vanish without a goodbye, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * Freezes it with SIGSTOP: its connections stay open but nothing answers on them, as with a
     * peer whose machine hangs or whose network drops every packet.
     */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a {@link #freeze() frozen} process go on, with SIGCONT. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError(script + " (pid " + process.pid() + ") outlived SIGKILL by 10 s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void received(String line) {
        lines.add(line);
        notifyAll();
    }

    private synchronized void stdoutEnded() {
        ended = true;
        notifyAll();
    }

    private void read(InputStream output, String name, Consumer<String> line, Runnable ended) {
        Thread reader = new Thread(() -> {
            try (BufferedReader text = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                text.lines().forEach(line);
            }
            catch (IOException | UncheckedIOException ex) {
                errors.append(name).append(" unreadable: ").append(ex).append('\n');
            }
            finally {
                ended.run();
            }
        }, script + "-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * A directory holding a copy of {@code script} and of {@code interop_peer.py}, which every script
     * imports, read from the class path: the tests of other modules find this module's scripts in
     * its test jar.
     */
    private static synchronized Path scriptDirectory(String script) {
        try {
            if (scripts == null) {
                scripts = Files.createTempDirectory("pyzmq-peers");
                scripts.toFile().deleteOnExit();
            }
            for (String name : List.of(script, "interop_peer.py")) {
                Path copy = scripts.resolve(name);
                if (Files.notExists(copy)) {
                    try (InputStream in = PyzmqPeer.class.getResourceAsStream("/interop/" + name)) {
                        if (in == null) {
                            throw new IllegalArgumentException("No interop/" + name + " on the class path");
                        }
                        Files.copy(in, copy);
                    }
                    copy.toFile().deleteOnExit();
                }
            }
            return scripts;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
