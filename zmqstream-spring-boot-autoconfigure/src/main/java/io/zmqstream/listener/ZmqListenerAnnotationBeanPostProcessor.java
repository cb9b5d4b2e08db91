package io.zmqstream.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link ZmqListener} methods of every bean once it is initialized, and registers one
 * {@link ZmqListenerEndpoint} per annotation in the {@link ZmqListenerEndpointRegistry}. Methods
 * are found on the bean's class and on the interfaces and superclasses it implements or extends.
 *
 * <p>Listeners found while the singletons are being created are registered once they all exist,
 * so that a listener may name an executor or error handler declared next to it; later beans'
 * listeners are registered at once. A stream has one listener, so listeners live on singleton
 * beans that start with the application: a listener on a bean of another scope, or on a
 * {@code @Lazy} bean that nothing created, is refused. A listener that cannot work fails the
 * application's start-up with a {@link ZmqListenerConfigurationException}.
 */
public class ZmqListenerAnnotationBeanPostProcessor
        implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {

    private final ListenerMethodFinder listenerMethods = new ListenerMethodFinder();
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
        Map<Method, Set<ZmqListener>> annotated = listenerMethods.of(targetClass);
        if (annotated.isEmpty()) {
            return bean;
        }
        String scope = scopeOtherThanSingleton(beanName);
        if (scope != null) {
            throw otherScope(beanName, scope, annotated);
        }
        annotated.forEach((method, annotations) -> {
            Method invocable = invocableMethod(method, bean, beanName);
            for (ZmqListener annotation : annotations) {
                found(new FoundListener(bean, targetClass, beanName, invocable, annotation, annotations.size() > 1));
            }
        });
        return bean;
    }

    /** The method as it can be called on the bean, which may be a proxy that exposes only its interfaces. */
    private static Method invocableMethod(Method method, Object bean, String beanName) {
        try {
            return AopUtils.selectInvocableMethod(method, bean.getClass());
        }
        catch (IllegalStateException ex) {
            throw new ZmqListenerConfigurationException(ListenerMethod.describe(method), "bean '" + beanName
                    + "' is a JDK proxy, and none of its interfaces declares the method, so it cannot be called "
                    + "through the proxy", "Declare the method on an interface the bean implements, or proxy the bean "
                            + "by class (proxyTargetClass = true).");
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        refuseListenersThatWouldNeverStart();
        List<FoundListener> found;
        synchronized (waiting) {
            singletonsInstantiated = true;
            found = List.copyOf(waiting);
            waiting.clear();
        }
        found.forEach(this::register);
    }

    /** Listeners on beans that no start-up created: lazy ones, and those of other scopes. */
    private void refuseListenersThatWouldNeverStart() {
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
            boolean lazyAndAbsent = definition.isLazyInit() && !beanFactory.containsSingleton(beanName);
            if (definition.isAbstract() || (definition.isSingleton() && !lazyAndAbsent)) {
                continue;
            }
            Class<?> type = beanFactory.getType(beanName, false);
            Map<Method, Set<ZmqListener>> annotated = type == null ? Map.of()
                    : listenerMethods.of(ClassUtils.getUserClass(type));
            if (annotated.isEmpty()) {
                continue;
            }
            if (!definition.isSingleton()) {
                throw otherScope(beanName, definition.getScope(), annotated);
            }
            throw new ZmqListenerConfigurationException(describe(annotated), "bean '" + beanName + "' is @Lazy, so "
                    + "nothing creates it at start-up and its listener would never receive",
                    "Remove @Lazy from the bean, or move the @ZmqListener method to a bean that is not lazy.");
        }
    }

    /** The scope of a bean defined with a scope other than singleton, or {@code null}. */
    private String scopeOtherThanSingleton(String beanName) {
        if (!beanFactory.containsBeanDefinition(beanName)) {
            return null;
        }
        BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
        return definition.isSingleton() ? null : definition.getScope();
    }

    private static ZmqListenerConfigurationException otherScope(String beanName, String scope,
            Map<Method, Set<ZmqListener>> annotated) {
        return new ZmqListenerConfigurationException(describe(annotated), "bean '" + beanName + "' has scope '"
                + scope + "', but a stream has one listener, and every instance of the bean would claim it",
                "Make the bean a singleton, or move the @ZmqListener method to a singleton bean that hands each "
                        + "message to an instance.");
    }

    private static String describe(Map<Method, Set<ZmqListener>> annotated) {
        return ListenerMethod.describe(annotated.keySet().iterator().next());
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
        ZmqListenerEndpoint endpoint = endpointFactory.create(found.bean(), found.beanClass(), found.beanName(),
                found.method(), found.annotation(), found.repeated());
        beanFactory.getBean(ZmqListenerEndpointRegistry.class).register(endpoint);
    }

    /** An annotated method waiting for the singletons to exist. */
    private record FoundListener(Object bean, Class<?> beanClass, String beanName, Method method,
            ZmqListener annotation, boolean repeated) {
    }
}
