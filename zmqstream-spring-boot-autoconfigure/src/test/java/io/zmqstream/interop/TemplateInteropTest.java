package io.zmqstream.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.request.RequestStatistics;
import io.zmqstream.template.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZmqTemplate's requests answered by pyzmq servers that know nothing of them: a plain REP server
 * and a ROUTER that echoes every message, each 10,000 requests from 8 application threads; and two
 * REP servers of which one is stopped and killed with SIGKILL mid-run.
 */
@PyzmqInterop
@Timeout(120)
class TemplateInteropTest {

    private static final int THREADS = 8;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "echo_rep.py", "echo_router.py" })
    void aPyzmqServerAnswersTenThousandRequestsFromEightThreadsEachWithItsOwnReply(String server) {
        try (PyzmqPeer pyzmq = PyzmqPeer.start(server, "--bind", "tcp://127.0.0.1:*")) {
            String endpoint = pyzmq.endpoint();
            InteropApplication.of("requests.yml", "one-server", "interop.peer=" + endpoint).run(context -> {
                ZmqTemplate template = context.getBean(ZmqTemplate.class);

                callFromEightThreads(1_250, (thread, i) -> {
                    String request = "thread " + thread + " request " + i;
                    assertThat(template.convertSendAndReceive("pricing", request, String.class)).isEqualTo(request);
                });

                RequestStatistics statistics = statistics(context);
                assertThat(statistics.getReplies()).isEqualTo(10_000);
                assertThat(statistics.getLateReplies()).isZero();
            });
        }
    }

    @Test
    void whenOneOfTwoServersIsKilledEveryRequestCompletesWithinOneTimeoutAndItsRetry() {
        try (PyzmqPeer first = PyzmqPeer.start("echo_rep.py", "--bind", "tcp://127.0.0.1:*");
                PyzmqPeer second = PyzmqPeer.start("echo_rep.py", "--bind", "tcp://127.0.0.1:*")) {
            String firstEndpoint = first.endpoint();
            String secondEndpoint = second.endpoint();
            InteropApplication.of("requests.yml", "two-servers", "interop.first=" + firstEndpoint,
                    "interop.second=" + secondEndpoint).run(context -> {
                ZmqTemplate template = context.getBean(ZmqTemplate.class);
                AtomicInteger completed = new AtomicInteger();
                AtomicLong longestNanos = new AtomicLong();

                CompletableFuture<Void> calls = CompletableFuture.runAsync(() -> callFromEightThreads(500, (thread, i) -> {
                    String request = "thread " + thread + " request " + i;
                    long start = System.nanoTime();
                    assertThat(template.convertSendAndReceive("pricing", request, String.class)).isEqualTo(request);
                    longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    if (completed.incrementAndGet() == 1_000) {
                        // Stopped first, so that the requests it takes meanwhile die with it unanswered.
                        first.freeze();
                        first.kill();
                    }
                }));
                calls.get(90, TimeUnit.SECONDS);

                RequestStatistics statistics = statistics(context);
                assertThat(statistics.getReplies()).isEqualTo(4_000);
                // One retry allowed and no timeout: each request got its reply on its first attempt or its
                // resend. How many were resent depends on what the server held when it died (ZmqRequesterTest
                // loses a server's share of requests on purpose).
                assertThat(statistics.getTimeouts()).isZero();
                assertThat(Duration.ofNanos(longestNanos.get())).as("the longest request")
                        .isLessThan(Duration.ofMillis(2 * 500 + 500));
            });
        }
    }

    private static RequestStatistics statistics(ApplicationContext context) {
        return context.getBean(ZmqTemplate.class).getRequesters().get("pricing").getStatistics();
    }

    /** Runs {@code call(thread, i)} for i below {@code perThread} on each of eight threads, and waits. */
    private static void callFromEightThreads(int perThread, Call call) {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int caller = thread;
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perThread; i++) {
                        call.run(caller, i);
                    }
                }, threads));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** One call of one thread. */
    @FunctionalInterface
    private interface Call {

        void run(int thread, int i);
    }
}
