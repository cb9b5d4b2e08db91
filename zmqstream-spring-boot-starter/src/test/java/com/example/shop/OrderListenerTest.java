package com.example.shop;

import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqListenerInvocations;
import io.zmqstream.test.context.ZmqTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ZmqTest(inprocEndpoints = true, captureInvocations = true)   // no ports taken; listener calls kept
class OrderListenerTest {

    @Autowired
    ZmqTestPeers peers;                       // real sockets, closed after each test

    @Autowired
    ZmqListenerInvocations invocations;

    @Test
    void anOrderIsAudited() throws Exception {
        ZmqTestPeer audit = peers.peer("audit").subscribe("");   // a SUB: in effect once this returns
        peers.peer("orders").sendJson(new Order("42"));           // a PUSH; JSON as your listeners read it

        assertThat(audit.expectJson(Audited.class)).isEqualTo(new Audited("42"));
        assertThat(invocations.awaitInvocations("orderListener.receive", 1).get(0).arguments())
                .containsExactly(new Order("42"));
    }
}
