package io.zmqstream.test.context;

import java.lang.reflect.Type;
import java.util.Arrays;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.JsonPayloadCodec;
import io.zmqstream.test.PeerJson;
import io.zmqstream.test.ZmqTestPeers;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * {@link ZmqTestPeers} for the streams of an application context: by the {@code zmq.streams} key
 * or the bean name of any {@code ZMQStream}, writing and reading JSON as the application's
 * listeners do. For tests that make their contexts themselves, such as with an
 * {@code ApplicationContextRunner}; {@link ZmqTest} gives a test class the same as a bean.
 */
public final class ZmqApplicationPeers {

    private ZmqApplicationPeers() {
    }

    /**
     * Peers for the context's streams, with {@link ZmqTestPeers#DEFAULT_TIMEOUT}.
     *
     * @param context a refreshed application context with ZMQStream beans
     * @return the peers; close them, or let the context's test listener do
     */
    public static ZmqTestPeers of(ApplicationContext context) {
        return new ZmqTestPeers(name -> stream(context, name), json(context), ZmqTestPeers.DEFAULT_TIMEOUT);
    }

    private static ZMQStream stream(ApplicationContext context, String name) {
        try {
            return context.getBean(name, ZMQStream.class);
        }
        catch (NoSuchBeanDefinitionException ex) {
            throw new IllegalArgumentException("No stream named '" + name + "' in the application; its streams are "
                    + Arrays.toString(context.getBeanNamesForType(ZMQStream.class)), ex);
        }
    }

    /** The application's JSON codec, the one its listeners read with; {@code null} for Jackson's shared mapper. */
    private static PeerJson json(ApplicationContext context) {
        JsonPayloadCodec codec = context.getBeanProvider(JsonPayloadCodec.class).getIfAvailable();
        if (codec == null) {
            return null;
        }
        return new PeerJson() {

            @Override
            public byte[] encode(Object value) throws Exception {
                return codec.encode(value);
            }

            @Override
            public Object decode(byte[] json, Type type) throws Exception {
                return codec.decode(json, type);
            }
        };
    }
}
