package io.zmqstream.test.context;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zmqstream.listener.ZmqListener;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Proxies each bean with a {@code @ZmqListener} method so that the method's calls are captured,
 * without changing the listener: a bean that is already a Spring AOP proxy gets one more advice.
 * It runs before the listener post-processor, which then calls the method through the proxy.
 */
final class ListenerInvocationRecorder implements BeanPostProcessor {

    private final ZmqListenerInvocations invocations;

    ListenerInvocationRecorder(ZmqListenerInvocations invocations) {
        this.invocations = invocations;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        if (MethodIntrospector.selectMethods(targetClass, (MethodIntrospector.MetadataLookup<Boolean>) method ->
                AnnotatedElementUtils.hasAnnotation(method, ZmqListener.class) ? Boolean.TRUE : null).isEmpty()) {
            return bean;
        }
        Recording recording = new Recording(targetClass);
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            advised.addAdvice(0, recording);
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice(recording);
        try {
            return factory.getProxy(targetClass.getClassLoader());
        }
        catch (AopConfigException ex) {
            throw new IllegalStateException("Cannot capture the invocations of the listeners of bean '" + beanName
                    + "': its class cannot be proxied (" + ex.getMessage() + "); make it non-final, or leave "
                    + "captureInvocations off", ex);
        }
    }

    /** Records the calls of one bean's listener methods, and lets every other call through. */
    private final class Recording implements MethodInterceptor {

        private final Class<?> targetClass;
        private final Map<Method, Boolean> listenerMethods = new ConcurrentHashMap<>();

        Recording(Class<?> targetClass) {
            this.targetClass = targetClass;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Method method = invocation.getMethod();
            if (!listenerMethods.computeIfAbsent(method, this::isListener)) {
                return invocation.proceed();
            }
            Object proxy = ((ProxyMethodInvocation) invocation).getProxy();
            Object[] arguments = invocation.getArguments().clone();
            Object result;
            try {
                result = invocation.proceed();
            }
            catch (Throwable ex) {
                invocations.record(new ListenerInvocation(proxy, method, Arrays.asList(arguments), null, ex));
                throw ex;
            }
            invocations.record(new ListenerInvocation(proxy, method, Arrays.asList(arguments), result, null));
            return result;
        }

        private boolean isListener(Method method) {
            return AnnotatedElementUtils.hasAnnotation(AopUtils.getMostSpecificMethod(method, targetClass),
                    ZmqListener.class);
        }
    }
}
