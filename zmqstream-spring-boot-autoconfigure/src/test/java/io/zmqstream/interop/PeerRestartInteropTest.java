package io.zmqstream.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What survives a peer's crash. A stream sends numbered messages to a pyzmq receiver in four
 * blocks of 1,000: before the receiver is SIGKILLed; right after, while the stream has not noticed
 * yet; while it knows there is no peer; and once a new receiver is there (on the same port, or
 * connected again). The new receiver reports every number it got.
 *
 * <p>A stream that connects keeps a pipe to its endpoint across the crash, whatever its type: what
 * it sends meanwhile waits there (within the HWM, the rest in the stream's send queue) and reaches
 * the new peer; only messages already on their way to the dead process are lost. A stream that
 * binds loses its pipe to the crashed peer: a PUSH keeps later messages in its send queue until a
 * peer connects, a PUB drops what it publishes while nobody subscribes.
 */
@PyzmqInterop
@Timeout(60)
class PeerRestartInteropTest {

    private static final int BLOCK = 1_000;

    @Test
    void aConnectingPushKeepsWhatItSendsWhileThePeerIsGone() {
        assertOnlyInFlightLost(crashAndRestart("push", "pull"));
    }

    @Test
    void aConnectingDealerKeepsWhatItSendsWhileThePeerIsGone() {
        assertOnlyInFlightLost(crashAndRestart("dealer", "router"));
    }

    @Test
    void aConnectingPubKeepsWhatItPublishesWhileTheSubscriberIsGone() {
        assertOnlyInFlightLost(crashAndRestart("pub", "sub"));
    }

    @Test
    void aBoundPushKeepsWhatItSendsWhileNoPeerIsConnected() {
        assertOnlyInFlightLost(crashAndRestart("push-bound", "pull"));
    }

    @Test
    void aBoundPubDropsWhatItPublishesWhileNobodySubscribes() {
        assertThat(crashAndRestart("pub-bound", "sub")).containsExactlyElementsOf(block(3));
    }

    /** Every message of blocks 2 and 3, in order, after a tail of block 1: what was not yet on its way to the dead peer. */
    private static void assertOnlyInFlightLost(List<Integer> seqs) {
        int keptOfBlockOne = (int) seqs.stream().filter(seq -> seq < 2 * BLOCK).count();
        List<Integer> expected = new ArrayList<>(IntStream.range(2 * BLOCK - keptOfBlockOne, 2 * BLOCK).boxed().toList());
        expected.addAll(block(2));
        expected.addAll(block(3));
        assertThat(seqs).containsExactlyElementsOf(expected);
        System.out.printf("PeerRestartInteropTest: %d of the %d messages sent right after the crash were lost%n",
                BLOCK - keptOfBlockOne, BLOCK);
    }

    /** Runs the four blocks against a receiver of {@code receiverType} and returns what the second receiver got. */
    private static List<Integer> crashAndRestart(String profile, String receiverType) {
        boolean streamBinds = profile.endsWith("-bound");
        List<Integer> seqs = new ArrayList<>();
        // A stream that connects needs its receiver bound first; a stream that binds is connected to.
        PyzmqPeer bindsFirst = streamBinds ? null : receiver(receiverType, "--bind", "tcp://127.0.0.1:*");
        try (bindsFirst) {
            String peerEndpoint = streamBinds ? "unused" : bindsFirst.endpoint();
            InteropApplication.of("restart.yml", profile, "interop.peer=" + peerEndpoint).run(context -> {
                ZMQStream out = context.getBean("out", ZMQStream.class);
                String[] where = streamBinds ? new String[] { "--connect", boundEndpoint(out) } : new String[] { "--bind", peerEndpoint };
                try (PyzmqPeer first = streamBinds ? receiver(receiverType, where) : bindsFirst) {
                    probeUntilHeard(context, out, first);
                    send(out, 0);
                    first.awaitLine("REACHED");
                } // closing it is the crash: SIGKILL
                send(out, 1);
                await().atMost(TIMEOUT).until(() -> out.getConnections().handshakenPeers() == 0);
                send(out, 2);

                try (PyzmqPeer second = receiver(receiverType, where)) {
                    second.endpoint();
                    await().atMost(TIMEOUT).until(() -> out.getConnections().handshakenPeers() == 1);
                    if (profile.startsWith("pub")) {
                        probeUntilHeard(context, out, second);
                    }
                    send(out, 3);
                    out.sendString("end");
                    JsonNode result = second.result();
                    assertThat(result.get("ended").asBoolean()).isTrue();
                    result.get("seqs").forEach(seq -> seqs.add(seq.asInt()));
                }
            });
        }
        return seqs;
    }

    private static PyzmqPeer receiver(String type, String... where) {
        List<String> arguments = new ArrayList<>(List.of("--type", type, "--report-at", "" + BLOCK));
        arguments.addAll(List.of(where));
        return PyzmqPeer.start("sequence_receiver.py", arguments.toArray(String[]::new));
    }

    /** A PUB cannot tell when a subscription has arrived: probe until the receiver hears one. */
    private static void probeUntilHeard(ApplicationContext context, ZMQStream out, PyzmqPeer receiver) {
        PeriodicCallback probe = new PeriodicCallback(context.getBean(ZmqIoLoop.class), () -> out.sendString("probe"),
                Duration.ofMillis(20));
        probe.start();
        receiver.awaitLine("FIRST");
        probe.stop();
    }

    private static void send(ZMQStream out, int block) {
        block(block).forEach(seq -> out.sendString("seq " + seq));
    }

    private static List<Integer> block(int block) {
        return IntStream.range(block * BLOCK, (block + 1) * BLOCK).boxed().toList();
    }
}
