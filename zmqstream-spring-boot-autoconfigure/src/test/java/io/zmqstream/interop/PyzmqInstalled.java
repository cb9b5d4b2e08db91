package io.zmqstream.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs interop tests only where a real libzmq peer exists: Debian's {@code python3-zmq} and
 * {@code python3-tornado} for {@code /usr/bin/python3} (or the interpreter the system property
 * {@code zmqstream.interop.python} names). Without them the tests are skipped with a line saying
 * how to install them, except under {@code CI=true}, where their absence fails the build.
 */
public final class PyzmqInstalled implements ExecutionCondition {

    static final Path PYTHON = Path.of(System.getProperty("zmqstream.interop.python", "/usr/bin/python3"));

    private static final String INSTALL = "apt-get install -y python3-zmq python3-tornado";

    private static final String VERSIONS = "import zmq, tornado; "
            + "print('pyzmq', zmq.__version__, 'on libzmq', zmq.zmq_version(), 'with tornado', tornado.version)";

    private static volatile String found;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String versions = versions();
        if (versions.startsWith("pyzmq ")) {
            return ConditionEvaluationResult.enabled(versions);
        }
        String missing = PYTHON + " cannot run pyzmq and tornado (" + versions + "); install them with: " + INSTALL;
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and " + missing);
        }
        String skipped = "Skipped " + context.getDisplayName() + ": " + missing;
        System.out.println(skipped);
        return ConditionEvaluationResult.disabled(skipped);
    }

    private static String versions() {
        if (found == null) {
            found = ask();
        }
        return found;
    }

    private static String ask() {
        if (!Files.isExecutable(PYTHON)) {
            return "no such interpreter";
        }
        try {
            Process python = new ProcessBuilder(PYTHON.toString(), "-c", VERSIONS).redirectErrorStream(true).start();
            if (!python.waitFor(30, TimeUnit.SECONDS)) {
                python.destroyForcibly();
                return "no answer within 30 s";
            }
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return python.exitValue() == 0 ? output : output.substring(output.lastIndexOf('\n') + 1);
        }
        catch (IOException ex) {
            return ex.getMessage();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
