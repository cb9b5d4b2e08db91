package io.zmqstream.test.context;

import java.util.List;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.ZmqTestPeers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.zeromq.SocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ZmqTest} in a real application over tcp: peers by stream name on wildcard ports resolved,
 * JSON read with the application's codec, request/reply in one call, and the listeners' calls
 * captured with their arguments, results and exceptions.
 */
@SpringBootTest(classes = ZmqTestSpringBootTest.Shop.class, properties = {
        "zmq.streams.orders.type=pull", "zmq.streams.orders.bind=tcp://127.0.0.1:*",
        "zmq.streams.quotes.type=rep", "zmq.streams.quotes.bind=tcp://127.0.0.1:*",
        "zmq.streams.audit.type=pub", "zmq.streams.audit.bind=tcp://127.0.0.1:*",
        "zmq.streams.refunds.type=pull", "zmq.streams.refunds.bind=tcp://127.0.0.1:*" })
@ZmqTest(captureInvocations = true)
class ZmqTestSpringBootTest {

    @Autowired
    private ZmqTestPeers peers;

    @Autowired
    private ZmqListenerInvocations invocations;

    @Value("${local.zmq.streams.orders.port}")
    private int ordersPort;

    @Test
    void aPeerReachesAWildcardBoundStreamByNameAndItsListenerIsCaptured() throws Exception {
        ZmqTestPeer orders = peers.peer("orders");
        ZmqTestPeer audit = peers.peer("audit").subscribe("audit");

        assertThat(orders.type()).isEqualTo(SocketType.PUSH);
        assertThat(orders.endpoint()).isEqualTo("tcp://127.0.0.1:" + ordersPort);
        orders.sendJson(new Order("tea", 3));

        assertThat(audit.expectMessage().texts()).containsExactly("audit", "{\"item\":\"tea\",\"quantity\":3}");
        ListenerInvocation call = invocations.awaitInvocations("orderBook.receive", 1).get(0);
        assertThat(call.arguments()).containsExactly(new Order("tea", 3));
        assertThat(call.failure()).isNull();
    }

    @Test
    void aRequestGetsItsReplyInOneCallAndTheResultIsCaptured() throws Exception {
        assertThat(peers.peer("quotes").requestJson(new Order("cake", 2), Quote.class)).isEqualTo(new Quote("cake", 7.0));

        ListenerInvocation call = invocations.awaitInvocations("orderBook.quote", 1).get(0);
        assertThat(call.result()).isEqualTo(new Quote("cake", 7.0));
    }

    @Test
    void aListenerThatThrowsIsCapturedWithItsException() throws Exception {
        peers.peer("refunds").sendString("no");

        ListenerInvocation call = invocations.awaitInvocations("orderBook.refund", 1).get(0);
        assertThat(call.argument(0)).isEqualTo("no");
        assertThat(call.failure()).isInstanceOf(IllegalStateException.class).hasMessage("refunds are closed");
    }

    @Test
    void eachTestMethodStartsWithNoCapturedCallAndTellsUnknownNames() {
        assertThat(invocations.getInvocations("orderBook.receive")).isEmpty();
        assertThatThrownBy(() -> invocations.awaitInvocations("orderBook.nothing", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No listener 'orderBook.nothing'")
                .hasMessageContaining("orderBook.receive");
        assertThatThrownBy(() -> peers.peer("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No stream named 'nothing'").hasMessageContaining("orders");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Shop {

        @Bean
        OrderBook orderBook(@Qualifier("audit") ZMQStream audit) {
            return new OrderBook(audit);
        }
    }

    static class OrderBook {

        private final ZMQStream audit;

        OrderBook(ZMQStream audit) {
            this.audit = audit;
        }

        @ZmqListener("orders")
        public void receive(Order order) {
            audit.sendMultipart(List.of("audit".getBytes(), ("{\"item\":\"" + order.item() + "\",\"quantity\":"
                    + order.quantity() + "}").getBytes()));
        }

        @ZmqListener("quotes")
        public Quote quote(Order order) {
            return new Quote(order.item(), 3.5 * order.quantity());
        }

        @ZmqListener("refunds")
        public void refund(String request) {
            throw new IllegalStateException("refunds are closed");
        }
    }

    record Order(String item, int quantity) {
    }

    record Quote(String item, double price) {
    }
}
