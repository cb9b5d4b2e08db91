package io.zmqstream.scheduling;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Keeps beans with {@link ZmqScheduled} methods out of {@code spring.main.lazy-initialization}:
 * nothing asks for such a bean, so a lazy one would never be created and its methods never run.
 */
public class ZmqScheduledLazyInitializationExcludeFilter implements LazyInitializationExcludeFilter {

    /** Creates the filter; the starter declares it. */
    public ZmqScheduledLazyInitializationExcludeFilter() {
    }

    @Override
    public boolean isExcluded(String beanName, BeanDefinition beanDefinition, Class<?> beanType) {
        return beanType != null && !MethodIntrospector.selectMethods(ClassUtils.getUserClass(beanType),
                (MethodIntrospector.MetadataLookup<Boolean>) method -> AnnotatedElementUtils.hasAnnotation(method,
                        ZmqScheduled.class) ? Boolean.TRUE : null).isEmpty();
    }
}
