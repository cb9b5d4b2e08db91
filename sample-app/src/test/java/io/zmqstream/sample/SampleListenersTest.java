package io.zmqstream.sample;

import java.math.BigDecimal;

import io.zmqstream.sample.orders.Order;
import io.zmqstream.sample.orders.Receipt;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqListenerInvocations;
import io.zmqstream.test.context.ZmqTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's listeners one by one, as an application's own tests would take them: the timers
 * that make traffic idle, every endpoint on inproc (no port taken), a test peer in place of each
 * client, and the listeners' calls captured.
 */
@SpringBootTest(properties = {"sample.request-period=1h", "sample.tick-period=1h", "sample.order-period=1h"})
@ZmqTest(inprocEndpoints = true, captureInvocations = true)
class SampleListenersTest {

    @Autowired
    private ZmqTestPeers peers;

    @Autowired
    private ZmqListenerInvocations invocations;

    @Test
    void theEchoServerRepliesToTheClientThatAsked() {
        assertThat(peers.peer("echo").request("hello").texts()).containsExactly("hello");
    }

    @Test
    void theWorkerPricesAnOrderOnTheLoopAndTheDeskGetsTheReceipt() throws Exception {
        peers.peer("order-intake").sendJson(new Order(7, "tea", 3, new BigDecimal("1.50")));

        Receipt receipt = (Receipt) invocations.awaitInvocations("orderDesk.onReceipt", 1).get(0).argument(0);
        assertThat(receipt.id()).isEqualTo(7);
        assertThat(receipt.total()).isEqualByComparingTo("4.50");
        assertThat(receipt.pricedOn()).isEqualTo("sample-ioloop");
        assertThat(invocations.getInvocations("orderWorker.price").get(0).result()).isEqualTo(receipt);
    }
}
