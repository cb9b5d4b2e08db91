package io.zmqstream.listener;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.context.annotation.Configuration;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners on virtual threads, with {@code spring.threads.virtual.enabled=true} on Java 21 or
 * later: this project builds for Java 17, so the build runs this class again on a newer JDK where
 * it finds one (the starter's POM says how).
 */
@Timeout(60)
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadListenerTest {

    @Test
    void aListenerThatAsksForVirtualThreadsRunsEachMessageOnOne() {
        runner().withUserConfiguration(OnVirtualThreads.class).withPropertyValues(boundStream("jobs", "pull"))
                .withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
                    for (int i = 0; i < 100; i++) {
                        ZmqApplicationPeers.of(context).peer("jobs").sendString("job " + i);
                    }
                    OnVirtualThreads listener = context.getBean(OnVirtualThreads.class);

                    await().atMost(TIMEOUT).until(() -> listener.threads.size() == 100);
                    assertThat(listener.threads).allSatisfy(thread -> {
                        assertThat(isVirtual(thread)).as("%s is virtual", thread).isTrue();
                        assertThat(thread.getName()).startsWith("zmq-listener-");
                    });
                });
    }

    /** {@code Thread.isVirtual()}, which Java 17's API, the one this project compiles against, lacks. */
    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    /** Notes the thread each message ran on. */
    @Configuration(proxyBeanMethods = false)
    static class OnVirtualThreads {

        final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

        @ZmqListener(value = "jobs", virtualThreads = true)
        void handle(String job) {
            threads.add(Thread.currentThread());
        }
    }
}
