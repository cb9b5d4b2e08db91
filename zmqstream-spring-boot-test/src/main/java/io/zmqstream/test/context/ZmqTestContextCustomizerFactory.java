package io.zmqstream.test.context;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds {@link ZmqTest}'s support to the application context of a test class that has the
 * annotation; registered in {@code META-INF/spring.factories}.
 */
public class ZmqTestContextCustomizerFactory implements ContextCustomizerFactory {

    /** Creates the factory; Spring's test context framework does. */
    public ZmqTestContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        ZmqTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, ZmqTest.class);
        return test == null ? null : new ZmqTestContextCustomizer(test.inprocEndpoints(), test.captureInvocations());
    }
}
