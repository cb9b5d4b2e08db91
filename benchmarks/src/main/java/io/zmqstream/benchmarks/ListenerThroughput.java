package io.zmqstream.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Messages per second through a {@code @ZmqListener} method of a Spring Boot application against a
 * raw JeroMQ blocking {@code recv()} loop, in the same JVM and run: PUSH to PULL over tcp loopback,
 * 16-byte messages, sent by the same raw PUSH sender, every socket from the application's own
 * {@code ZContext}.
 *
 * <p>Arguments: messages per round (default 1,000,000), measured rounds per receiver (default 5),
 * then any {@code --property=value} for the application. The application has a meter registry, so
 * the listener runs with its metrics unless the properties exclude {@code ZmqMetricsAutoConfiguration};
 * the last line says which.
 */
public final class ListenerThroughput {

    private ListenerThroughput() {
    }

    /**
     * Runs the benchmark and prints each round and the ratio of medians.
     *
     * @param args optionally the messages per round, the number of measured rounds and application properties
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] properties = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
        try (ListenerApplicationRun application = new ListenerApplicationRun(properties)) {
            ComparedRounds.run(String.format(Locale.ROOT, "@ZmqListener receive, %,d x %d B", messages,
                    ComparedRounds.MESSAGE_SIZE), "@ZmqListener", rounds, messages,
                    () -> RawReceiver.round(application.context(), messages), () -> application.round(messages));
            System.out.println(application.metrics());
        }
    }
}
