package io.zmqstream.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ROUTER/DEALER queue from YAML in front of three worker applications, each a Spring context of
 * its own with a {@code @ZmqListener} REP worker: 3,000 requests from six concurrent clients all get
 * their own replies, and each worker takes a share.
 */
class ProxyQueueWorkersTest {

    private static final int CLIENTS = 6;
    private static final int REQUESTS = 500;

    private final TestPeers peers = new TestPeers();
    private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

    @AfterEach
    void close() {
        applications.forEach(ConfigurableApplicationContext::close);
        peers.close();
    }

    @Test
    void everyClientGetsItsOwnRepliesAndEveryWorkerTakesAShare() throws Exception {
        ConfigurableApplicationContext queue = start(QueueApplication.class, "zmq.streams.front.type=router",
                "zmq.streams.front.bind=tcp://127.0.0.1:*", "zmq.streams.back.type=dealer",
                "zmq.streams.back.bind=tcp://127.0.0.1:*", "zmq.proxies.queue.frontend=front",
                "zmq.proxies.queue.backend=back");
        ZMQStream back = queue.getBean("back", ZMQStream.class);
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(start(WorkerApplication.class, "zmq.streams.jobs.type=rep",
                    "zmq.streams.jobs.connect=" + boundEndpoint(back), "worker.name=worker-" + w).getBean(Worker.class));
        }
        // Every worker connected before the first request, so that the DEALER deals to all three.
        await().atMost(TIMEOUT).until(() -> back.getStatistics().getHandshakenPeers() == 3);
        String front = boundEndpoint(queue.getBean("front", ZMQStream.class));

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String client = "client-" + c;
                answered.add(clients.submit(() -> askAndCount(front, client)));
            }
            for (Future<Integer> client : answered) {
                assertThat(client.get(60, TimeUnit.SECONDS)).as("replies to this client's own requests").isEqualTo(REQUESTS);
            }
        }
        finally {
            clients.shutdownNow();
        }
        assertThat(workers).allSatisfy(worker -> assertThat(worker.served.get()).isGreaterThanOrEqualTo(CLIENTS * REQUESTS / 10));
        assertThat(workers.stream().mapToInt(worker -> worker.served.get()).sum()).isEqualTo(CLIENTS * REQUESTS);
        assertThat(queue.getBean(ZmqProxyRegistry.class).getProxy("queue").getStatistics()
                .getMessages(ProxyDirection.BACKEND_TO_FRONTEND)).isEqualTo(CLIENTS * REQUESTS);
    }

    private int askAndCount(String endpoint, String client) {
        ZMQ.Socket req = peers.socket(SocketType.REQ);
        req.connect(endpoint);
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String request = client + "/" + i;
            req.send(request);
            String reply = req.recvStr();
            if (reply != null && reply.endsWith(":" + request)) {
                answered++;
            }
        }
        req.close();
        return answered;
    }

    private ConfigurableApplicationContext start(Class<?> application, String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).properties(properties).run();
        applications.add(context);
        return context;
    }

    /** The queue: two streams and the proxy between them, all from properties. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ZmqAutoConfiguration.class)
    static class QueueApplication {
    }

    /** A worker: a REP stream from properties and its listener. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ZmqAutoConfiguration.class)
    static class WorkerApplication {

        @Bean
        Worker worker(Environment environment) {
            return new Worker(environment.getProperty("worker.name"));
        }
    }

    /** Answers each request with its own name and the request. */
    static class Worker {

        private final String name;
        final AtomicInteger served = new AtomicInteger();

        Worker(String name) {
            this.name = name;
        }

        @ZmqListener("jobs")
        String serve(String request) {
            served.incrementAndGet();
            return name + ":" + request;
        }
    }
}
