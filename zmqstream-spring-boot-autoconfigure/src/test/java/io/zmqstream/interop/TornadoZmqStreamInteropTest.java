package io.zmqstream.interop;

import io.zmqstream.ZMQStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/** pyzmq's own {@code ZMQStream}, on tornado's IOLoop, as a client of a ROUTER listener: the two ends of this project's idea. */
@PyzmqInterop
@Timeout(60)
class TornadoZmqStreamInteropTest {

    @Test
    void aTornadoZmqStreamGetsAReplyToEachOfAThousandRequestsFromARouterListener() {
        InteropApplication.of("reqrep.yml", "router-service").withUserConfiguration(ApiReplies.class).run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer client = PyzmqPeer.start("tornado_client.py", "--connect", boundEndpoint(api), "--requests", "1000")) {
                JsonNode result = client.result();
                assertThat(result.get("replies").asInt()).isEqualTo(1_000);
                assertThat(result.get("matching").asInt()).isEqualTo(1_000);
            }
            assertThat(api.getStatistics().getMessagesReceived()).isEqualTo(1_000);
        });
    }
}
