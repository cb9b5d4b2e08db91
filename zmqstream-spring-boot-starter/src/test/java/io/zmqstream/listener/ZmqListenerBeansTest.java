package io.zmqstream.listener;

import java.util.concurrent.CompletableFuture;

import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.ZmqAutoConfiguration;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which beans can hold listeners: singletons of any shape (interfaces, generic superclasses, AOP
 * proxies) start with the application, lazy initialization included; beans that would never start,
 * or would start many times, are refused with the reason and the fix.
 */
class ZmqListenerBeansTest {

    @Test
    void aListenerDeclaredOnAnInterfaceMethodReceives() {
        runner().withUserConfiguration(InterfaceListenerConfig.class).withPropertyValues(boundStream("jobs", "pull"))
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("jobs").sendString("job-1");

                    assertThat(context.getBean(JobHandler.class).calls.next()).isEqualTo("job-1");
                });
    }

    @Test
    void aGenericParameterBoundInASubclassIsReadAsTheBoundType() {
        runner().withUserConfiguration(GenericListenerConfig.class).withPropertyValues(boundStream("orders", "pull"))
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("orders").sendString("{\"id\":\"o-1\",\"quantity\":3}");

                    assertThat(context.getBean(OrderHandler.class).calls.next()).isEqualTo(new Order("o-1", 3));
                });
    }

    @Test
    void aGenericReturnTypeBoundInASubclassIsTheReply() {
        runner().withUserConfiguration(GenericReplyConfig.class).withPropertyValues(boundStream("quotes", "rep"))
                .run(context -> {
                    assertThat(ZmqApplicationPeers.of(context).peer("quotes").request("o-2").texts())
                            .containsExactly("{\"id\":\"o-2\",\"quantity\":1}");
                });
    }

    @Test
    void aListenerOnAClassProxiedBeanReceivesThroughTheProxy() {
        runner().withUserConfiguration(ClassProxiedConfig.class).withPropertyValues(boundStream("jobs", "pull"))
                .run(context -> {
                    ClassProxiedListener listener = context.getBean(ClassProxiedListener.class);
                    assertThat(listener.getClass()).isNotEqualTo(ClassProxiedListener.class);

                    ZmqApplicationPeers.of(context).peer("jobs").sendString("through the proxy");

                    assertThat(listener.calls().next()).isEqualTo("through the proxy");
                });
    }

    @Test
    void aListenerThatAJdkProxyDoesNotExposeIsRefusedWithTheFix() {
        assertRefused(InterfaceProxiedConfig.class, boundStream("jobs", "pull"), "InterfaceProxiedListener.receive",
                "bean 'listener' is a JDK proxy, and none of its interfaces declares the method",
                "Declare the method on an interface the bean implements, or proxy the bean by class");
    }

    @Test
    void aListenerOnALazyBeanIsRefusedWithTheFix() {
        assertRefused(LazyListenerConfig.class, boundStream("jobs", "pull"), "JobHandler.onJob",
                "bean 'lazyJobs' is @Lazy, so nothing creates it at start-up and its listener would never receive",
                "Remove @Lazy from the bean");
    }

    @Test
    void aListenerOnAPrototypeBeanIsRefusedAtStartUpWithTheFix() {
        assertRefused(PrototypeListenerConfig.class, boundStream("jobs", "pull"), "JobHandler.onJob",
                "bean 'prototypeJobs' has scope 'prototype', but a stream has one listener",
                "Make the bean a singleton");
    }

    @Test
    void streamsAndListenersStartWithTheApplicationUnderGlobalLazyInitialization() throws InterruptedException {
        SpringApplication application = new SpringApplication(LazyApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // Named so that it reads none of this module's application.yml, which is the README application's.
        try (ConfigurableApplicationContext context = application.run("--spring.config.name=lazy-initialization",
                "--spring.main.lazy-initialization=true",
                "--zmq.streams.jobs.type=pull", "--zmq.streams.jobs.bind=inproc://lazy-jobs")) {
            assertThat(context.getBeanFactory().containsSingleton("jobs")).as("the stream bean exists").isTrue();

            ZmqApplicationPeers.of(context).peer("jobs").sendString("job under lazy init");

            assertThat(context.getBean(JobHandler.class).calls.next()).isEqualTo("job under lazy init");
        }
    }

    @Test
    void streamsWithOddNamesAreBeansAndFeedTheirListeners() {
        runner().withUserConfiguration(OddNames.class)
                .withPropertyValues("zmq.streams.my-orders.type=pull", "zmq.streams.my-orders.bind=inproc://my-orders",
                        "zmq.streams.[orders.v1].type=pull", "zmq.streams.[orders.v1].bind=inproc://orders-v1",
                        "zmq.streams.ORDERS.type=pull", "zmq.streams.ORDERS.bind=inproc://upper-orders")
                .run(context -> {
                    assertThat(context.getBean("my-orders", ZMQStream.class).getName()).isEqualTo("my-orders");
                    assertThat(context.getBean("orders.v1", ZMQStream.class).getName()).isEqualTo("orders.v1");
                    assertThat(context.getBean("ORDERS", ZMQStream.class).getName()).isEqualTo("ORDERS");
                    OddNames listeners = context.getBean(OddNames.class);

                    ZmqApplicationPeers.of(context).peer("my-orders").sendString("dashed");
                    assertThat(listeners.calls.next()).isEqualTo("dashed");
                    ZmqApplicationPeers.of(context).peer("orders.v1").sendString("dotted");
                    assertThat(listeners.calls.next()).isEqualTo("dotted");
                    ZmqApplicationPeers.of(context).peer("ORDERS").sendString("upper");
                    assertThat(listeners.calls.next()).isEqualTo("upper");
                });
    }

    private static void assertRefused(Class<?> configuration, String[] properties, String method, String problem,
            String action) {
        runner().withUserConfiguration(configuration).withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ZmqListenerFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("a @ZmqListener failure analysis").isNotNull();
            assertThat(analysis.getDescription()).startsWith("The @ZmqListener method " + method).contains(problem);
            assertThat(analysis.getAction()).contains(action);
        });
    }

    interface JobApi {
        @ZmqListener("jobs")
        void onJob(String job);
    }

    static class JobHandler implements JobApi {

        final ListenerContexts.Calls<String> calls = new ListenerContexts.Calls<>();

        @Override
        public void onJob(String job) {
            calls.add(job);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InterfaceListenerConfig {
        @Bean
        JobHandler jobHandler() {
            return new JobHandler();
        }
    }

    record Order(String id, int quantity) {
    }

    abstract static class PayloadHandler<T> {

        final ListenerContexts.Calls<T> calls = new ListenerContexts.Calls<>();

        @ZmqListener("orders")
        public void on(T payload) {
            calls.add(payload);
        }
    }

    static class OrderHandler extends PayloadHandler<Order> {
    }

    @Configuration(proxyBeanMethods = false)
    static class GenericListenerConfig {
        @Bean
        OrderHandler orderHandler() {
            return new OrderHandler();
        }
    }

    abstract static class QuoteService<T> {

        @ZmqListener("quotes")
        public T quote(String id) {
            return make(id);
        }

        abstract T make(String id);
    }

    static class OrderQuotes extends QuoteService<Order> {
        @Override
        Order make(String id) {
            return new Order(id, 1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class GenericReplyConfig {
        @Bean
        OrderQuotes orderQuotes() {
            return new OrderQuotes();
        }
    }

    static class ClassProxiedListener {

        private final ListenerContexts.Calls<String> calls = new ListenerContexts.Calls<>();

        @ZmqListener("jobs")
        public void receive(String job) {
            calls.add(job);
        }

        @Async
        public CompletableFuture<Void> background() {
            return CompletableFuture.completedFuture(null);
        }

        public ListenerContexts.Calls<String> calls() {
            return calls;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync(proxyTargetClass = true)
    static class ClassProxiedConfig {
        @Bean
        ClassProxiedListener listener() {
            return new ClassProxiedListener();
        }
    }

    interface Background {
        CompletableFuture<Void> background();
    }

    static class InterfaceProxiedListener implements Background {

        @ZmqListener("jobs")
        public void receive(String job) {
        }

        @Async
        @Override
        public CompletableFuture<Void> background() {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class InterfaceProxiedConfig {
        @Bean
        InterfaceProxiedListener listener() {
            return new InterfaceProxiedListener();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyListenerConfig {
        @Bean
        @Lazy
        JobHandler lazyJobs() {
            return new JobHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrototypeListenerConfig {
        @Bean
        @Scope("prototype")
        JobHandler prototypeJobs() {
            return new JobHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ZmqAutoConfiguration.class, JacksonAutoConfiguration.class })
    static class LazyApp {
        @Bean
        JobHandler jobHandler() {
            return new JobHandler();
        }
    }

    static class OddNames {

        final ListenerContexts.Calls<String> calls = new ListenerContexts.Calls<>();

        @ZmqListener("my-orders")
        void dashed(String message) {
            calls.add(message);
        }

        @ZmqListener("orders.v1")
        void dotted(String message) {
            calls.add(message);
        }

        @ZmqListener("ORDERS")
        void upper(String message) {
            calls.add(message);
        }
    }
}
