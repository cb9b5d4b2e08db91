package io.zmqstream.listener;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zmqstream.JavaSerialization;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A peer sends a gadget-style payload: Java serialization of a map holding an object whose
 * {@code readObject} would run code. Nothing deserializes it without an allow-list, an allow-list
 * that names only the map's classes refuses the gadget before its code runs, and a listener whose
 * parameter is a map reads JSON, never Java serialization.
 */
@Timeout(30)
class GadgetPayloadTest {

    @Test
    void aGadgetFromAPeerIsRefusedBeforeItsCodeRuns() {
        Gadget.ran.set(false);
        HashMap<String, Object> payload = new HashMap<>();
        payload.put("looks harmless", new Gadget());
        byte[] bytes = JavaSerialization.serialize(payload);

        runner().withUserConfiguration(Receivers.class)
                .withPropertyValues("zmq.streams.objects.type=pull", "zmq.streams.objects.bind=inproc://objects",
                        "zmq.streams.maps.type=pull", "zmq.streams.maps.bind=inproc://maps")
                .run(context -> {
                    Receivers receivers = context.getBean(Receivers.class);
                    ZmqTestPeers peers = ZmqApplicationPeers.of(context);
                    peers.peer("objects").send(bytes);
                    peers.peer("maps").send(bytes);

                    await().atMost(TIMEOUT).until(() -> receivers.refusals.size() == 2 && receivers.unreadMaps.size() == 1);
                    assertThat(receivers.refusals).allSatisfy(refusal -> assertThat(refusal).isInstanceOf(InvalidClassException.class));
                    assertThat(receivers.refusals.get(0)).hasMessageContaining("no allow-list");
                    assertThat(receivers.refusals.get(1)).hasMessageContaining("REJECTED");
                    // Read as JSON, the serialization stream's magic number 0xACED is no JSON at all.
                    assertThat(receivers.unreadMaps.get(0)).contains("cannot make argument 0", "0xac");
                    assertThat(Gadget.ran).isFalse();
                });
    }

    /** A class whose deserialization runs code, as gadget chains' classes do. */
    static final class Gadget implements Serializable {

        private static final long serialVersionUID = 1L;

        static final AtomicBoolean ran = new AtomicBoolean();

        private void readObject(ObjectInputStream in) {
            ran.set(true);
        }
    }

    /** One listener that deserializes bytes as an application would, one that asks for a map. */
    @Configuration(proxyBeanMethods = false)
    static class Receivers {

        final List<Exception> refusals = new CopyOnWriteArrayList<>();
        final List<String> unreadMaps = new CopyOnWriteArrayList<>();

        @ZmqListener("objects")
        void deserialize(byte[] payload) {
            for (ObjectInputFilter allowList : Arrays.asList(null, JavaSerialization.allowList("java.util.HashMap;java.lang.String"))) {
                try {
                    JavaSerialization.deserialize(payload, allowList);
                }
                catch (Exception ex) {
                    refusals.add(ex);
                }
            }
        }

        @ZmqListener(value = "maps", errorHandler = "unreadMap")
        void map(HashMap<String, Object> map) {
            throw new AssertionError("a map parameter must not read Java serialization: " + map);
        }

        @Bean
        ZmqListenerErrorHandler unreadMap() {
            return (message, exception) -> {
                unreadMaps.add(exception.getMessage());
                return null;
            };
        }
    }
}
