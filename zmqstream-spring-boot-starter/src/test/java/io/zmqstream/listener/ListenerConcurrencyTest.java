package io.zmqstream.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.zmqstream.RoutingEnvelope;
import io.zmqstream.test.ZmqTestMessage;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;

import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ROUTER listener with {@code concurrency}: 50 DEALER peers served by 8 lanes at once, each peer's
 * messages never overlapping and answered in its own order; and the settings that cannot work.
 */
@Timeout(60)
class ListenerConcurrencyTest {

    private static final int PEERS = 50;

    private static final int REQUESTS = 200;

    private static final String[] ROUTER = { "zmq.streams.api.type=router", "zmq.streams.api.bind=inproc://api" };

    @Test
    void eachOf50PeersGetsItsRepliesInItsOwnOrderWhileEightLanesServePeersInParallel() {
        runner().withUserConfiguration(ConcurrentApi.class).withPropertyValues(ROUTER).run(context -> {
            ZmqTestPeers peers = ZmqApplicationPeers.of(context);
            List<ZmqTestPeer> dealers = new ArrayList<>();
            for (int p = 0; p < PEERS; p++) {
                dealers.add(peers.peer("api", SocketType.DEALER, "peer-" + p));
            }
            for (int n = 0; n < REQUESTS; n++) {
                for (ZmqTestPeer dealer : dealers) {
                    dealer.sendString(Integer.toString(n));
                }
            }

            for (int p = 0; p < PEERS; p++) {
                List<String> replies = new ArrayList<>();
                for (int n = 0; n < REQUESTS; n++) {
                    ZmqTestMessage reply = dealers.get(p).expectMessage();
                    replies.add(reply.text(reply.size() - 1));
                }
                List<String> expected = new ArrayList<>();
                for (int n = 0; n < REQUESTS; n++) {
                    expected.add("peer-" + p + ":" + n);
                }
                assertThat(replies).as("replies of peer-%d", p).isEqualTo(expected);
            }
            ConcurrentApi api = context.getBean(ConcurrentApi.class);
            assertThat(api.overlaps.get()).as("calls of one peer that overlapped").isZero();
            assertThat(api.mostAtOnce.get()).as("most calls at once").isBetween(2, 8);
        });
    }

    @Test
    void concurrencyOnTheLoopThreadOrBelowOneFailsStartUp() {
        runner().withUserConfiguration(ConcurrencyOnTheLoop.class).withPropertyValues(ROUTER).run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("concurrency is 4, but the method runs on the loop thread"));
        runner().withUserConfiguration(NoLanes.class).withPropertyValues(ROUTER).run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("concurrency is '0'"));
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void virtualThreadsBeforeJava21FailStartUpWithTheFix() {
        runner().withUserConfiguration(OnVirtualThreads.class).withPropertyValues(ROUTER)
                .withPropertyValues("spring.threads.virtual.enabled=true").run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("it asks for virtual threads, but the application has none"));
    }

    /** Replies to each request with the peer's identity and the request, recording how calls overlap. */
    @Configuration(proxyBeanMethods = false)
    static class ConcurrentApi {

        final Map<String, Boolean> busy = new ConcurrentHashMap<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService apiWorkers() {
            return Executors.newFixedThreadPool(8);
        }

        @ZmqListener(value = "api", executor = "apiWorkers", concurrency = "8")
        String handle(RoutingEnvelope from, String request) {
            String peer = new String(from.identity());
            if (busy.put(peer, true) != null) {
                overlaps.incrementAndGet();
            }
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(20_000));
            running.decrementAndGet();
            busy.remove(peer);
            return peer + ":" + request;
        }
    }

    /** Asks for lanes on the loop thread. */
    @Configuration(proxyBeanMethods = false)
    static class ConcurrencyOnTheLoop {

        @ZmqListener(value = "api", concurrency = "4")
        String handle(String request) {
            return request;
        }
    }

    /** Asks for no lane. */
    @Configuration(proxyBeanMethods = false)
    static class NoLanes {

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService apiWorkers() {
            return Executors.newFixedThreadPool(2);
        }

        @ZmqListener(value = "api", executor = "apiWorkers", concurrency = "0")
        String handle(String request) {
            return request;
        }
    }

    /** Asks for virtual threads. */
    @Configuration(proxyBeanMethods = false)
    static class OnVirtualThreads {

        @ZmqListener(value = "api", virtualThreads = true)
        String handle(String request) {
            return request;
        }
    }
}
