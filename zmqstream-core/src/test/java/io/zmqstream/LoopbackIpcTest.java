package io.zmqstream;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

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
        Path path = directory.resolve("loopback.sock");
        String endpoint = "ipc://" + path;
        try (LogCapture log = new LogCapture(LoopbackIpc.class); ZContext context = new ZContext();
                ZmqIoLoop loop = new ZmqIoLoop(context, "ipc-loop")) {
            loop.start();
            ZMQStream server = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            ZMQStream client = new ZMQStream(context.createSocket(SocketType.PUSH), loop);
            assertThat(server.bind(endpoint)).isTrue();
            assertThat(client.connect(endpoint)).isTrue();
            assertThat(Files.exists(path)).as("no Unix domain socket file").isFalse();

            String warning = endpoint + " is not inter-process communication on " + JeroMqRuntime.current();
            assertThat(log.lines()).filteredOn(line -> line.contains(warning)).singleElement().asString()
                    .startsWith("WARN").contains("loopback interface");
        }
    }
}
