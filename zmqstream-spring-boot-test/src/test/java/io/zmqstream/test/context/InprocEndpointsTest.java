package io.zmqstream.test.context;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.test.ZmqTestPeers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ZmqTest(inprocEndpoints = true)}: the application's tcp and ipc endpoints become inproc
 * ones, a bind and a connect on one port (any host) still meet, a wildcard port gets a name of its
 * own, and peers reach the streams on the application's context.
 */
@SpringBootTest(classes = InprocEndpointsTest.Relay.class, properties = {
        "zmq.streams.intake.type=pull", "zmq.streams.intake.bind=tcp://127.0.0.1:5599",
        "zmq.streams.forward.type=push", "zmq.streams.forward.connect=tcp://localhost:5599",
        "zmq.streams.anywhere.type=pull", "zmq.streams.anywhere.bind=tcp://*:*, ipc:///tmp/zmq-test-relay",
        "zmq.streams.outlet.type=push", "zmq.streams.outlet.bind=tcp://127.0.0.1:5598" })
@ZmqTest(inprocEndpoints = true, captureInvocations = true)
class InprocEndpointsTest {

    @Autowired
    private ZmqTestPeers peers;

    @Autowired
    private ZmqListenerInvocations invocations;

    @Autowired
    @Qualifier("forward")
    private ZMQStream forward;

    @Autowired
    @Qualifier("anywhere")
    private ZMQStream anywhere;

    @Test
    void tcpAndIpcEndpointsBecomeInprocOnesThatStillMeet() throws Exception {
        assertThat(forward.getConnectedEndpoints()).containsExactly("inproc://zmq-test-tcp-5599");
        assertThat(anywhere.getBoundEndpoints()).containsExactly("inproc://zmq-test-zmq.streams.anywhere.bind-0",
                "inproc://zmq-test-ipc-/tmp/zmq-test-relay");

        forward.sendString("over inproc");

        assertThat(invocations.awaitInvocations("relay.intake", 1).get(0).arguments()).containsExactly("over inproc");
        peers.peer("outlet").expectMessage("relayed over inproc");
    }

    @Test
    void aPeerReachesAnInprocStreamOnTheApplicationsContext() throws Exception {
        peers.peer("anywhere").sendString("hello");

        assertThat(invocations.awaitInvocations("relay.anywhere", 1).get(0).arguments()).containsExactly("hello");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Relay {

        @Bean
        RelayListener relay(@Qualifier("outlet") ZMQStream outlet) {
            return new RelayListener(outlet);
        }
    }

    static class RelayListener {

        private final ZMQStream outlet;

        RelayListener(ZMQStream outlet) {
            this.outlet = outlet;
        }

        @ZmqListener("intake")
        public void intake(String text) {
            outlet.sendString("relayed " + text);
        }

        @ZmqListener("anywhere")
        public void anywhere(String text) {
        }
    }
}
