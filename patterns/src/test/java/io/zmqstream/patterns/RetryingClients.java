package io.zmqstream.patterns;

import java.util.ArrayList;
import java.util.List;

import io.zmqstream.interop.PyzmqPeer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pyzmq clients that reopen their REQ socket and ask again after a timeout, as the Guide's Lazy
 * Pirate and Majordomo clients do, started together.
 */
final class RetryingClients implements AutoCloseable {

    private final List<PyzmqPeer> clients = new ArrayList<>();
    private final int requestsEach;

    private RetryingClients(String endpoint, int count, int requestsEach, String... options) {
        this.requestsEach = requestsEach;
        for (int i = 0; i < count; i++) {
            List<String> arguments = new ArrayList<>(List.of("--connect", endpoint, "--name", "client-" + i, "--requests",
                    Integer.toString(requestsEach), "--timeout", "1500", "--retries", "10", "--deadline", "150"));
            arguments.addAll(List.of(options));
            clients.add(PyzmqPeer.start("lpclient.py", arguments.toArray(String[]::new)));
        }
        clients.forEach(PyzmqPeer::endpoint);
    }

    /** Starts {@code count} Lazy Pirate clients of {@code endpoint}, each sending {@code requestsEach} requests in turn. */
    static RetryingClients lazyPirate(String endpoint, int count, int requestsEach) {
        return new RetryingClients(endpoint, count, requestsEach);
    }

    /** Starts {@code count} Majordomo clients of the {@code echo} service, each sending {@code requestsEach} requests. */
    static RetryingClients majordomo(String endpoint, int count, int requestsEach) {
        return new RetryingClients(endpoint, count, requestsEach, "--majordomo", "echo");
    }

    /**
     * Waits for every client to finish and checks that each request was answered once, by its own
     * reply; returns how many requests were sent again after a timeout.
     */
    long assertEveryRequestAnsweredOnce() {
        long answered = 0;
        long resent = 0;
        for (PyzmqPeer client : clients) {
            JsonNode result = client.result();
            assertThat(result.get("failed").asInt()).as("requests never answered").isZero();
            assertThat(result.get("mismatches").asInt()).as("replies to another request").isZero();
            answered += result.get("answered").asLong();
            resent += result.get("resent").asLong();
        }
        assertThat(answered).isEqualTo((long) clients.size() * requestsEach);
        return resent;
    }

    /**
     * Kills {@code worker} (SIGKILL) once it has served a request, has {@code replacement} start
     * another, and checks that every request was still answered once, the killed worker's few asked
     * again.
     */
    void assertEveryRequestAnsweredOnceThough(PyzmqPeer worker, Runnable replacement) {
        worker.awaitLine("SERVED");
        worker.kill();
        replacement.run();
        assertThat(assertEveryRequestAnsweredOnce()).as("the killed worker's requests, asked again").isLessThan(100);
    }

    @Override
    public void close() {
        clients.forEach(PyzmqPeer::close);
    }
}
