package io.zmqstream.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link ZmqListener} methods of every bean once it is initialized, and registers one
 * {@link ZmqListenerEndpoint} per annotation in the {@link ZmqListenerEndpointRegistry}.
 *
 * <p>Listeners found while the singletons are being created are registered once they all exist,
 * so that a listener may name an executor or error handler declared next to it; later beans'
 * listeners are registered at once. A listener that cannot work fails the application's start-up
 * with a {@link ZmqListenerConfigurationException}.
 */
public class ZmqListenerAnnotationBeanPostProcessor
        implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {

    private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();
    private final List<FoundListener> waiting = new ArrayList<>();
    private ConfigurableListableBeanFactory beanFactory;
    private ListenerEndpointFactory endpointFactory;
    private boolean singletonsInstantiated;

    /** Creates the post-processor; the starter declares it. */
    public ZmqListenerAnnotationBeanPostProcessor() {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
        this.endpointFactory = new ListenerEndpointFactory(this.beanFactory);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        if (classesWithoutListeners.contains(targetClass)) {
            return bean;
        }
        Map<Method, Set<ZmqListener>> annotated = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<Set<ZmqListener>>) method -> {
                    Set<ZmqListener> listeners = AnnotatedElementUtils.getMergedRepeatableAnnotations(method,
                            ZmqListener.class, ZmqListeners.class);
                    return listeners.isEmpty() ? null : listeners;
                });
        if (annotated.isEmpty()) {
            classesWithoutListeners.add(targetClass);
            return bean;
        }
        annotated.forEach((method, annotations) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            for (ZmqListener annotation : annotations) {
                found(new FoundListener(bean, beanName, invocable, annotation, annotations.size() > 1));
            }
        });
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<FoundListener> found;
        synchronized (waiting) {
            singletonsInstantiated = true;
            found = List.copyOf(waiting);
            waiting.clear();
        }
        found.forEach(this::register);
    }

    private void found(FoundListener listener) {
        synchronized (waiting) {
            if (!singletonsInstantiated) {
                waiting.add(listener);
                return;
            }
        }
        register(listener);
    }

    private void register(FoundListener found) {
        ZmqListenerEndpoint endpoint = endpointFactory.create(found.bean(), found.beanName(), found.method(),
                found.annotation(), found.repeated());
        beanFactory.getBean(ZmqListenerEndpointRegistry.class).register(endpoint);
    }

    /** An annotated method waiting for the singletons to exist. */
    private record FoundListener(Object bean, String beanName, Method method, ZmqListener annotation,
            boolean repeated) {
    }
}
