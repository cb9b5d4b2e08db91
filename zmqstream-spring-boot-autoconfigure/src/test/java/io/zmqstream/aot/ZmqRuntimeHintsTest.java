package io.zmqstream.aot;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.zmqstream.autoconfigure.ZmqRuntimeHints;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints AOT processing records for the starter and for {@code @ZmqListener} beans. */
class ZmqRuntimeHintsTest {

    @Test
    void listenerMethodsMayBeInvokedAndTheirJsonTypesBound() {
        RuntimeHints hints = new RuntimeHints();

        new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, Listeners.class);

        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "price")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "batch")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "echo")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "twice")).accepts(hints);
        // Parameters and return values read from or written as JSON, generic elements included.
        for (Class<?> json : List.of(Order.class, Receipt.class, Line.class)) {
            assertThat(RuntimeHintsPredicates.reflection().onType(json)).as(json.getSimpleName()).accepts(hints);
        }
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "item")).accepts(hints);
        // The starter's own types need nothing.
        assertThat(RuntimeHintsPredicates.reflection().onType(RoutingEnvelope.class)).rejects(hints);
    }

    @Test
    void theCoreMayLookJacksonUpByName() {
        RuntimeHints hints = new RuntimeHints();

        new ZmqRuntimeHints().registerHints(hints, getClass().getClassLoader());

        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("tools.jackson.databind.json.JsonMapper")))
                .accepts(hints);
    }

    /** An order read from JSON. */
    record Order(String item, int quantity, BigDecimal unitPrice) {
    }

    /** A receipt written as JSON. */
    record Receipt(String item, BigDecimal total) {
    }

    /** One line of a batch, reached only through a generic type. */
    record Line(String item) {
    }

    /** Listeners of every kind of parameter and return value. */
    static class Listeners {

        @ZmqListener("orders")
        Receipt price(Order order) {
            return new Receipt(order.item(), order.unitPrice());
        }

        @ZmqListener("batches")
        CompletionStage<Void> batch(List<Line> lines) {
            return CompletableFuture.completedFuture(null);
        }

        @ZmqListener("echo")
        String echo(RoutingEnvelope from, byte[] body) {
            return new String(body);
        }

        @ZmqListener("first")
        @ZmqListener("second")
        void twice(String text) {
        }
    }
}
