package io.zmqstream.listener;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.util.ClassUtils;

/**
 * Keeps beans with {@link ZmqListener} methods out of {@code spring.main.lazy-initialization}:
 * nothing asks for a listener bean, so a lazy one would never be created and its stream never read.
 */
public class ZmqListenerLazyInitializationExcludeFilter implements LazyInitializationExcludeFilter {

    private final ListenerMethodFinder listenerMethods = new ListenerMethodFinder();

    /** Creates the filter; the starter declares it. */
    public ZmqListenerLazyInitializationExcludeFilter() {
    }

    @Override
    public boolean isExcluded(String beanName, BeanDefinition beanDefinition, Class<?> beanType) {
        return beanType != null && !listenerMethods.of(ClassUtils.getUserClass(beanType)).isEmpty();
    }
}
