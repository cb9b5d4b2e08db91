package io.zmqstream;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQException;

import zmq.ZError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a JeroMQ whose {@code ipc://} is loopback tcp (0.6.0), binding or connecting a stream to an
 * {@code ipc://} endpoint says so at WARN, once per endpoint, and no socket file appears.
 */
@DisabledIf("io.zmqstream.LoopbackIpcTest#unixDomainIpc")
class LoopbackIpcTest {

    @TempDir
    Path directory;

    static boolean unixDomainIpc() {
        return JeroMqRuntime.current().hasUnixDomainIpc();
    }

    @Test
    void anIpcEndpointIsCalledLoopbackTcpOncePerEndpoint() throws Exception {
        try (LogCapture log = new LogCapture(LoopbackIpc.class); ZContext context = new ZContext();
                ZmqIoLoop loop = new ZmqIoLoop(context, "ipc-loop")) {
            loop.start();
            ZMQStream server = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            ZMQStream client = new ZMQStream(context.createSocket(SocketType.PUSH), loop);
            Path path = bindToAFreePath(server);
            String endpoint = "ipc://" + path;
            assertThat(client.connect(endpoint)).isTrue();
            assertThat(Files.exists(path)).as("no Unix domain socket file").isFalse();

            String warning = endpoint + " is not inter-process communication on " + JeroMqRuntime.current();
            assertThat(log.lines()).filteredOn(line -> line.contains(warning)).singleElement().asString()
                    .startsWith("WARN").contains("loopback interface");
        }
    }

    /**
     * Binds to an ipc path of the temporary directory. JeroMQ 0.6.0 turns the path's hash into a
     * loopback tcp port, which another socket of this machine may hold already: then another path.
     */
    private Path bindToAFreePath(ZMQStream server) {
        ZMQException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Path path = directory.resolve("loopback-" + attempt + ".sock");
            try {
                assertThat(server.bind("ipc://" + path)).isTrue();
                return path;
            }
            catch (ZMQException ex) {
                if (ex.getErrorCode() != ZError.EADDRINUSE) {
                    throw ex;
                }
                last = ex;
            }
        }
        throw last;
    }
}
