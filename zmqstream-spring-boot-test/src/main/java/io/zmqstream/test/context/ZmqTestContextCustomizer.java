package io.zmqstream.test.context;

import io.zmqstream.test.ZmqTestPeers;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts {@link ZmqTest}'s support into a test's application context before it refreshes: the
 * peers bean, and the inproc endpoints and the invocation capture when asked for. Contexts that
 * ask for the same are cached together.
 *
 * @param inprocEndpoints whether endpoints become inproc ones
 * @param captureInvocations whether listener invocations are captured
 */
record ZmqTestContextCustomizer(boolean inprocEndpoints, boolean captureInvocations) implements ContextCustomizer {

    static final String PEERS_BEAN = "zmqTestPeers";
    static final String INVOCATIONS_BEAN = "zmqListenerInvocations";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        if (inprocEndpoints) {
            InprocEndpoints.apply(context.getEnvironment());
        }
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        RootBeanDefinition peers = new RootBeanDefinition(ZmqTestPeers.class, () -> ZmqApplicationPeers.of(context));
        peers.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        peers.setLazyInit(true);
        peers.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
        ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(PEERS_BEAN, peers);
        if (captureInvocations) {
            ZmqListenerInvocations invocations = new ZmqListenerInvocations(context);
            beanFactory.registerSingleton(INVOCATIONS_BEAN, invocations);
            // Added before the refresh, it runs before the listener post-processor, which so sees the proxies.
            beanFactory.addBeanPostProcessor(new ListenerInvocationRecorder(invocations));
        }
    }
}
