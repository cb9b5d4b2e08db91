package io.zmqstream.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.zmqstream.request.RequestOutcome;
import io.zmqstream.request.RequestStatistics;
import io.zmqstream.request.ZmqRequester;
import io.zmqstream.template.ZmqRequesterCustomizer;

/**
 * The meters of each stream {@code ZmqTemplate} makes requests on, from its first request:
 * {@code zmq.requests}, a timer from the call to the end tagged {@code outcome} (reply, timeout,
 * rejected, closed); {@code zmq.requests.retries} and {@code zmq.requests.late} (replies no
 * waiting request took), read from the requester's counters; {@code zmq.requests.pending}. Each
 * tagged {@code stream} and {@code messaging.system}.
 */
public class RequestMeters implements ZmqRequesterCustomizer {

    private final MeterRegistry registry;

    /**
     * Creates the customizer.
     *
     * @param registry where the meters go
     */
    public RequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void customize(String streamName, ZmqRequester requester) {
        Tags tags = Tags.of("stream", streamName, "messaging.system", "zeromq");
        Map<RequestOutcome, Timer> timers = new EnumMap<>(RequestOutcome.class);
        for (RequestOutcome outcome : RequestOutcome.values()) {
            timers.put(outcome, Timer.builder("zmq.requests").tags(tags).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Requests from the call to the reply or the failure").register(registry));
        }
        requester.setCompletionListener((outcome, elapsed) -> timers.get(outcome).record(elapsed));
        RequestStatistics statistics = requester.getStatistics();
        counter("zmq.requests.retries", tags, statistics, RequestStatistics::getRetries,
                "Requests sent again after an attempt timed out");
        counter("zmq.requests.late", tags, statistics, RequestStatistics::getLateReplies,
                "Replies that no waiting request took (late, or not shaped as replies), dropped");
        Gauge.builder("zmq.requests.pending", statistics, RequestStatistics::getPending).tags(tags)
                .description("Requests waiting for their replies").register(registry);
    }

    private void counter(String name, Tags tags, RequestStatistics statistics, ToDoubleFunction<RequestStatistics> count,
            String description) {
        FunctionCounter.builder(name, statistics, count).tags(tags).description(description).register(registry);
    }
}
