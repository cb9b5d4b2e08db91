package io.zmqstream.scheduling;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

import io.zmqstream.listener.ZmqListenerConfigurationException;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link ZmqScheduled} methods of every bean once it is initialized and registers each
 * in {@link ZmqScheduledTasks}. A method that cannot run (parameters, no period or two, a period
 * that is no positive duration, an id taken) fails the application's start-up with the method,
 * the reason and the fix.
 */
public class ZmqScheduledAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private ConfigurableListableBeanFactory beanFactory;

    /** Creates the post-processor; the starter declares it. */
    public ZmqScheduledAnnotationBeanPostProcessor() {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        Map<Method, ZmqScheduled> annotated = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<ZmqScheduled>) method -> AnnotatedElementUtils
                        .findMergedAnnotation(method, ZmqScheduled.class));
        annotated.forEach((method, annotation) -> register(bean, beanName, method, annotation));
        return bean;
    }

    private void register(Object bean, String beanName, Method method, ZmqScheduled annotation) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (method.getParameterCount() > 0) {
            throw refused(description, "it has parameters, and a scheduled method is called with none",
                    "Remove the parameters; reach streams and beans through fields.");
        }
        String id = resolve(annotation.id());
        id = id.isEmpty() ? beanName + "." + method.getName() : id;
        try {
            beanFactory.getBean(ZmqScheduledTasks.class).register(id, bean,
                    AopUtils.selectInvocableMethod(method, bean.getClass()), schedule(description, annotation));
        }
        catch (IllegalStateException ex) {
            throw refused(description, ex.getMessage(), "Give one of the methods another id.");
        }
    }

    private ZmqScheduledTasks.Schedule schedule(String description, ZmqScheduled annotation) {
        String fixedRate = resolve(annotation.fixedRate());
        String fixedDelay = resolve(annotation.fixedDelay());
        if (fixedRate.isEmpty() == fixedDelay.isEmpty()) {
            throw refused(description, fixedRate.isEmpty() ? "it sets neither fixedRate nor fixedDelay"
                    : "it sets both fixedRate and fixedDelay", "Set exactly one of them, such as fixedRate = \"1s\".");
        }
        boolean rate = !fixedRate.isEmpty();
        Duration period = duration(description, rate ? "fixedRate" : "fixedDelay", rate ? fixedRate : fixedDelay);
        if (period.isZero() || period.isNegative()) {
            throw refused(description, (rate ? "fixedRate" : "fixedDelay") + " is " + period + ", and a period is positive",
                    "Give a positive duration, such as \"500ms\".");
        }
        String initial = resolve(annotation.initialDelay());
        Duration initialDelay = initial.isEmpty() ? null : duration(description, "initialDelay", initial);
        if (initialDelay != null && initialDelay.isNegative()) {
            throw refused(description, "initialDelay is " + initialDelay + ", and it cannot be negative",
                    "Give zero or more, such as \"0s\" for a first run at once.");
        }
        return new ZmqScheduledTasks.Schedule(period, rate, initialDelay);
    }

    private static Duration duration(String description, String attribute, String value) {
        try {
            return DurationStyle.detectAndParse(value);
        }
        catch (IllegalArgumentException ex) {
            throw refused(description, attribute + " '" + value + "' is no duration",
                    "Write it as \"500ms\", \"2s\" or \"PT2S\", or as a placeholder of one.");
        }
    }

    private String resolve(String value) {
        String resolved = beanFactory.resolveEmbeddedValue(value);
        return resolved == null ? "" : resolved.trim();
    }

    private static ZmqListenerConfigurationException refused(String method, String problem, String action) {
        return new ZmqListenerConfigurationException(ZmqScheduled.class, method, problem, action);
    }
}
