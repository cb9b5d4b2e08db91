package io.zmqstream.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the streams are bound, for a test to read as it reads local.server.port. */
@SpringBootTest(classes = LocalStreamEndpointsTest.App.class, properties = {
        "zmq.streams.orders.type=pull", "zmq.streams.orders.bind=tcp://127.0.0.1:*,inproc://orders",
        "zmq.streams.local.type=pull", "zmq.streams.local.bind=inproc://local",
        "zmq.streams.later.type=pull", "zmq.streams.later.bind=tcp://127.0.0.1:*", "zmq.streams.later.auto-startup=false" })
class LocalStreamEndpointsTest {

    @Value("${local.zmq.streams.orders.port}")
    private int ordersPort;

    @Value("${local.zmq.streams.orders.endpoints}")
    private String ordersEndpoints;

    @Value("${local.zmq.streams.local.endpoints}")
    private String localEndpoints;

    @Value("${local.zmq.streams.local.port:none}")
    private String localPort;

    @Value("${local.zmq.streams.later.port:not open}")
    private String laterPort;

    @Autowired
    private ZContext context;

    @Test
    void aWildcardBindIsPublishedWithThePortChosen() {
        assertThat(ordersPort).isPositive();
        assertThat(ordersEndpoints).isEqualTo("tcp://127.0.0.1:" + ordersPort + ",inproc://orders");
        try (ZMQ.Socket push = context.createSocket(SocketType.PUSH)) {
            assertThat(push.connect("tcp://127.0.0.1:" + ordersPort)).isTrue();
        }
    }

    @Test
    void anInprocStreamHasEndpointsButNoPortAndAStreamNotOpenHasNeither() {
        assertThat(localEndpoints).isEqualTo("inproc://local");
        assertThat(localPort).isEqualTo("none");
        assertThat(laterPort).isEqualTo("not open");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
