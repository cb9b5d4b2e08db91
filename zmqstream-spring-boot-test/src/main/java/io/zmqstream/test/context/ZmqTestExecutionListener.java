package io.zmqstream.test.context;

import io.zmqstream.test.ZmqTestPeers;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * After each test method of a {@link ZmqTest} class, closes the peers it made and forgets the
 * listener invocations captured, so that the next test method, in the same cached context,
 * starts clean; registered in {@code META-INF/spring.factories}.
 */
public class ZmqTestExecutionListener extends AbstractTestExecutionListener {

    /** Creates the listener; Spring's test context framework does. */
    public ZmqTestExecutionListener() {
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        // The peers bean is lazy: a test that asked for no peer has none to close, and gets none made here.
        if (context instanceof ConfigurableApplicationContext configurable
                && configurable.getBeanFactory().containsSingleton(ZmqTestContextCustomizer.PEERS_BEAN)) {
            context.getBean(ZmqTestContextCustomizer.PEERS_BEAN, ZmqTestPeers.class).close();
        }
        if (context.containsBean(ZmqTestContextCustomizer.INVOCATIONS_BEAN)) {
            context.getBean(ZmqTestContextCustomizer.INVOCATIONS_BEAN, ZmqListenerInvocations.class).clear();
        }
    }
}
