package io.zmqstream.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.IntStream;

import io.zmqstream.JeroMqRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real {@code ipc://} between our streams and pyzmq (libzmq's Unix domain sockets), both ways, on a
 * JeroMQ that has it: {@code fr.loghub:jeromq} 0.7.0 on Java 16 or later ({@code -Pjeromq-0.7}). The
 * same services as {@link PushPullInteropTest}, on Unix domain sockets instead of tcp.
 */
@PyzmqInterop
@EnabledIf("io.zmqstream.interop.IpcInteropTest#unixDomainIpc")
@Timeout(60)
class IpcInteropTest {

    private static final int MESSAGES = 1_000;
    private static final List<String> EXPECTED = IntStream.range(0, MESSAGES).mapToObj(n -> "msg-" + n).toList();

    @TempDir
    Path directory;

    static boolean unixDomainIpc() {
        return JeroMqRuntime.current().hasUnixDomainIpc();
    }

    @Test
    void aPyzmqPusherReachesAPullStreamBoundOnAUnixDomainSocket() throws Exception {
        Path path = directory.resolve("jobs-in.sock");
        String endpoint = "ipc://" + path;
        InteropApplication.of("pushpull.yml", "pull-service", "zmq.streams.jobs-in.bind=" + endpoint)
                .withUserConfiguration(PushPullInteropTest.Jobs.class).run(context -> {
                    assertThat(Files.readAttributes(path, BasicFileAttributes.class).isOther()).as("%s is a socket file", path).isTrue();
                    List<String> received = context.getBean(PushPullInteropTest.Jobs.class).received;
                    try (PyzmqPeer push = PyzmqPeer.start("push.py", "--connect", endpoint, "--count", "" + MESSAGES)) {
                        assertThat(push.result().get("sent").asInt()).isEqualTo(MESSAGES);
                    }
                    await().atMost(TIMEOUT).until(() -> received.size() == MESSAGES);
                    assertThat(received).containsExactlyElementsOf(EXPECTED);
                });
    }

    @Test
    void aPushStreamReachesAPyzmqPullerBoundOnAUnixDomainSocket() {
        PushPullInteropTest.feedsAPyzmqPullerInOrder("ipc://" + directory.resolve("jobs-out.sock"), MESSAGES);
    }
}
