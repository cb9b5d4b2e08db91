package io.zmqstream.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZContext;

/**
 * A pyzmq process receiving on libzmq, for the rows of the comparison table that put pyzmq beside
 * us: a raw {@code recv()} loop, or pyzmq's own {@code ZMQStream} on tornado. The interpreter is
 * {@code /usr/bin/python3} unless the system property {@code bench.python} names another.
 */
final class PyzmqReceiver {

    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private static final String INSTALL = "apt-get install -y python3-zmq python3-tornado";

    private final Path script;

    private PyzmqReceiver(Path script) {
        this.script = script;
    }

    /**
     * The receiver, or {@code null} after printing why pyzmq cannot run here and how to install it.
     */
    static PyzmqReceiver findOrExplain() throws IOException, InterruptedException {
        Process check = new ProcessBuilder(PYTHON, "-c", "import zmq, tornado").redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (check.waitFor() != 0) {
            System.out.println("Skipped the pyzmq rows: " + PYTHON + " cannot import zmq and tornado ("
                    + output.substring(output.lastIndexOf('\n') + 1) + "); install them with: " + INSTALL);
            return null;
        }
        Path script = Files.createTempFile("pyzmq_receiver", ".py");
        script.toFile().deleteOnExit();
        try (InputStream resource = PyzmqReceiver.class.getResourceAsStream("/pyzmq_receiver.py")) {
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return new PyzmqReceiver(script);
    }

    /** The versions of pyzmq and libzmq the rows ran on. */
    String versions() throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON, "-c",
                "import zmq, tornado; print('pyzmq', zmq.__version__, 'on libzmq', zmq.zmq_version(), 'tornado', tornado.version)")
                .redirectErrorStream(true).start();
        String versions = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        python.waitFor();
        return versions;
    }

    /**
     * One round: a raw JeroMQ PUSH sender sends {@code messages} to a new pyzmq process, timed until
     * it has them all.
     *
     * @param mode {@code raw} or {@code zmqstream}
     */
    double round(ZContext context, String mode, int messages) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON, script.toString(), "--mode", mode, "--count",
                Integer.toString(messages)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            String port = lines.readLine();
            if (port == null || !port.startsWith("PORT ")) {
                throw new IllegalStateException("The pyzmq receiver did not start: " + port);
            }
            CountDownLatch done = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try {
                    if ("DONE".equals(lines.readLine())) {
                        done.countDown();
                    }
                }
                catch (IOException ex) {
                    // The round fails on its timeout, naming what was missing.
                }
            }, "pyzmq-output");
            reader.start();
            return PushSender.time(context, "tcp://127.0.0.1:" + port.substring(5), messages, done);
        }
        finally {
            if (!python.waitFor(30, TimeUnit.SECONDS)) {
                python.destroyForcibly();
            }
        }
    }
}
