package io.zmqstream.autoconfigure;

import java.util.concurrent.Executor;

import io.zmqstream.JeroMqFailures;
import io.zmqstream.JeroMqRuntime;
import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZMQStream;
import io.zmqstream.zap.ZapAuthenticator;
import io.zmqstream.zap.ZapHandler;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.JsonPayloadCodec;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * Auto-configuration of ZeroMQ streams: a shared {@link ZContext}, one shared {@link ZmqIoLoop}
 * started and stopped with the application, and one {@link ZMQStream} bean per entry under
 * {@code zmq.streams}, created, configured, bound and connected before the application is ready.
 * A user's own {@code ZContext} or {@code ZmqIoLoop} bean replaces the default one. Every
 * {@code @ZmqListener} method becomes its stream's receive callback.
 */
@AutoConfiguration
@ConditionalOnClass(ZContext.class)
@EnableConfigurationProperties(ZmqProperties.class)
@Import({ ZmqStreamBeanRegistrar.class, ZmqListenerConfiguration.class, ZmqTemplateConfiguration.class })
@ImportRuntimeHints(ZmqRuntimeHints.class)
public class ZmqAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ZmqAutoConfiguration.class);
    /** Spring Boot's task executor, made by its task execution auto-configuration. */
    private static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

    /** Creates the auto-configuration; Spring Boot does this. */
    public ZmqAutoConfiguration() {
    }

    /**
     * Names the application's own {@link ZMQStream} beans after their beans.
     *
     * @return the post-processor
     */
    @Bean
    public static ZmqStreamNamingPostProcessor zmqStreamNamingPostProcessor() {
        return new ZmqStreamNamingPostProcessor();
    }

    /**
     * Keeps the streams, the lag monitor and the published endpoints out of
     * {@code spring.main.lazy-initialization}: nothing asks for a stream that only a listener reads,
     * yet it must bind when the application starts.
     *
     * @return the filter
     */
    @Bean
    static LazyInitializationExcludeFilter zmqLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(ZMQStream.class, LoopLagMonitor.class,
                LocalStreamEndpoints.class);
    }

    /**
     * Sees the exceptions of the shared context's JeroMQ threads, for the log, the health and the
     * meters; an application with a {@code ZContext} of its own hands that context to
     * {@link JeroMqFailures#watch(ZContext)} itself.
     *
     * @return the handlers
     */
    @Bean
    @ConditionalOnMissingBean
    public JeroMqFailures zmqJeroMqFailures() {
        return new JeroMqFailures("zmq");
    }

    /**
     * The ZeroMQ context every stream's socket comes from, its thread exceptions handled by
     * {@code failures}; closed after the loop.
     *
     * @param properties the {@code zmq.*} settings
     * @param failures the handlers of its threads' exceptions
     * @return the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ZContext zmqContext(ZmqProperties properties, JeroMqFailures failures) {
        log.debug("ZeroMQ runs on {} (Unix domain sockets for ipc://: {})", JeroMqRuntime.current(),
                JeroMqRuntime.current().hasUnixDomainIpc());
        return failures.watch(SharedLoopFactory.context(properties));
    }

    /**
     * The loop thread shared by every stream.
     *
     * @param context the context
     * @param properties the {@code zmq.*} settings
     * @return the loop, started by {@link ZmqIoLoopLifecycle}
     */
    @Bean
    @ConditionalOnMissingBean
    public ZmqIoLoop zmqIoLoop(ZContext context, ZmqProperties properties) {
        return SharedLoopFactory.loop(context, properties.getIoLoop());
    }

    /**
     * Probes how late the shared loop runs its timers, every {@code zmq.io-loop.lag-probe-interval};
     * read by the metrics and the health indicator.
     *
     * @param loop the shared loop
     * @param properties the {@code zmq.*} settings
     * @return the monitor, started (its first probe runs once the loop runs)
     */
    @Bean
    @ConditionalOnMissingBean
    public LoopLagMonitor zmqLoopLagMonitor(ZmqIoLoop loop, ZmqProperties properties) {
        return SharedLoopFactory.lagMonitor(loop, properties.getIoLoop());
    }

    /**
     * Starts the loop with the context and closes it, streams first, when the context closes; tells
     * the JeroMQ failure handlers first that the application is closing.
     *
     * @param loop the shared loop
     * @param failures the handlers of the shared context's JeroMQ thread exceptions, when there are any
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public ZmqIoLoopLifecycle zmqIoLoopLifecycle(ZmqIoLoop loop, ObjectProvider<JeroMqFailures> failures) {
        return new ZmqIoLoopLifecycle(loop, () -> failures.ifAvailable(JeroMqFailures::closing));
    }

    /**
     * Lets in the clients of the CURVE and PLAIN servers that name their allowed clients, addresses
     * or users, and asks the application's {@link ZapAuthenticator} when it has one; made only when
     * a stream needs it, since once bound it answers for every server of the context. The
     * authenticator runs on the application's task executor when there is one.
     *
     * @param context the context
     * @param loop the shared loop, which answers the requests
     * @param authenticator the application's authenticator, if any
     * @param taskExecutor Spring Boot's {@code applicationTaskExecutor}, if any
     * @return the handler
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public ZapHandler zmqZapHandler(ZContext context, ZmqIoLoop loop, ObjectProvider<ZapAuthenticator> authenticator,
            @Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> taskExecutor) {
        ZapHandler handler = new ZapHandler(context, loop);
        authenticator.ifAvailable(decides -> handler.setAuthenticator(decides, taskExecutor.getIfAvailable()));
        return handler;
    }

    /**
     * Makes each configured stream; their {@code sendJson} writes with the same codec as
     * {@code @ZmqListener} replies when the application has Jackson 3.
     *
     * @param context the context
     * @param loop the shared loop
     * @param json the JSON codec, when there is one
     * @param zapHandler the ZAP handler, asked for when a stream needs it
     * @param socketCustomizers the application's socket customizers, in their order
     * @param authenticator the application's ZAP authenticator, if any
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    public ZmqStreamFactory zmqStreamFactory(ZContext context, ZmqIoLoop loop, ObjectProvider<JsonPayloadCodec> json,
            ObjectProvider<ZapHandler> zapHandler, ObjectProvider<ZmqSocketCustomizer> socketCustomizers,
            ObjectProvider<ZapAuthenticator> authenticator) {
        return new ZmqStreamFactory(context, loop, json.getIfAvailable(), zapHandler::getObject,
                socketCustomizers.orderedStream().toList(), authenticator.getIfAvailable() != null);
    }

    /**
     * The configured streams by name.
     *
     * @param properties the {@code zmq.*} settings
     * @param factory makes each stream
     * @param proxyLoops the loops of proxies that have their own
     * @return the registry
     */
    @Bean
    @ConditionalOnMissingBean
    public ZmqStreamRegistry zmqStreamRegistry(ZmqProperties properties, ZmqStreamFactory factory,
            ProxyLoops proxyLoops) {
        return new ZmqStreamRegistry(properties, factory, proxyLoops);
    }

    /** {@code local.zmq.streams.<name>.port} and {@code .endpoints} once the streams are open, as Boot's {@code local.server.port}. */
    @Bean
    LocalStreamEndpoints zmqLocalStreamEndpoints(ZmqStreamRegistry streams, ConfigurableEnvironment environment) {
        return new LocalStreamEndpoints(streams, environment);
    }

    /**
     * The loops of proxies with {@code dedicated-loop: true}, started and closed with the shared one.
     *
     * @param properties the {@code zmq.*} settings
     * @param context the context
     * @return the loops
     */
    @Bean
    @ConditionalOnMissingBean
    public ProxyLoops zmqProxyLoops(ZmqProperties properties, ZContext context) {
        return new ProxyLoops(properties, context);
    }

    /**
     * The proxies of {@code zmq.proxies}, checked now and started with the application.
     *
     * @param properties the {@code zmq.*} settings
     * @param streams the configured streams
     * @param listeners the listener registry, which a proxy's streams must not appear in
     * @return the registry
     */
    @Bean
    @ConditionalOnMissingBean
    public ZmqProxyRegistry zmqProxyRegistry(ZmqProperties properties, ZmqStreamRegistry streams,
            ObjectProvider<ZmqListenerEndpointRegistry> listeners) {
        return new ZmqProxyRegistry(properties, streams, listeners.getIfAvailable());
    }
}
