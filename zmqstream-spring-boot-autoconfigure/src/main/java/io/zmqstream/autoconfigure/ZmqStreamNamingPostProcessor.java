package io.zmqstream.autoconfigure;

import io.zmqstream.ZMQStream;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Names every {@link ZMQStream} bean that has no name yet after its bean, so that the log lines of
 * the application's own streams say which stream they are about, as those of {@code zmq.streams} do.
 */
public class ZmqStreamNamingPostProcessor implements BeanPostProcessor {

    /** Creates the post-processor; the auto-configuration does this. */
    public ZmqStreamNamingPostProcessor() {
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ZMQStream stream && stream.getName() == null) {
            stream.setName(beanName);
        }
        return bean;
    }
}
