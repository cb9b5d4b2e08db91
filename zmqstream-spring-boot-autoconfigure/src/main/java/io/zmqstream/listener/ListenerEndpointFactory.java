package io.zmqstream.listener;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.zmqstream.SocketDirections;
import io.zmqstream.ZMQStream;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.zeromq.SocketType;

/**
 * Builds a {@link ZmqListenerEndpoint} from one {@link ZmqListener} annotation: resolves its
 * placeholders, finds the streams, executor and error handler it names, and checks that the
 * method's parameters and return type can work on that stream.
 */
final class ListenerEndpointFactory {

    /** The socket types that can send a message of their own: REP and ROUTER only answer, XSUB subscribes. */
    private static final Set<SocketType> DEAD_LETTER_TYPES = EnumSet.of(SocketType.PUSH, SocketType.PUB, SocketType.XPUB,
            SocketType.DEALER, SocketType.PAIR);

    private final ConfigurableListableBeanFactory beanFactory;

    ListenerEndpointFactory(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /**
     * @param repeated whether the method has several {@code @ZmqListener}s, which makes the default id name the stream
     */
    ZmqListenerEndpoint create(Object bean, Class<?> beanClass, String beanName, Method method, ZmqListener annotation,
            boolean repeated) {
        String description = ListenerMethod.describe(method);
        String streamName = resolve(annotation.value());
        ZMQStream stream = stream(description, streamName, "names stream '" + streamName + "'");
        if (!SocketDirections.receives(stream.getSocketType())) {
            throw new ZmqListenerConfigurationException(description, "stream '" + streamName + "' is a "
                    + stream.getSocketType() + ", which never receives", "Name a stream that receives.");
        }
        String id = resolve(annotation.id());
        if (id.isEmpty()) {
            id = beanName + "." + method.getName() + (repeated ? "[" + streamName + "]" : "");
        }
        ListenerMethod listener = new ListenerMethod(bean, beanClass, method, id, streamName, stream, annotation.copy());
        JsonPayloadCodec json = beanFactory.getBeanProvider(JsonPayloadCodec.class).getIfAvailable();

        Executor executor = executor(description, resolve(annotation.executor()), annotation.virtualThreads());
        int lanes = count(description, "concurrency", resolve(annotation.concurrency()), "the messages that run at once");
        ListenerDispatcher dispatcher = dispatcher(description, executor, lanes);
        int batch = count(description, "batch", resolve(annotation.batch()), "the most messages one call gets");
        ListenerInvoker invoker = new ListenerInvoker(listener, batch > 0 ? new ArgumentResolver[0]
                : new ArgumentResolverFactory(listener, json).forMethod());
        ReplySender replies = replies(listener, resolve(annotation.replyTo()), json, batch > 0);
        ListenerInvocationObserver.Invocations invocations = beanFactory.getBeanProvider(ListenerInvocationObserver.class)
                .getIfUnique(() -> ListenerInvocationObserver.NONE).forListener(id, streamName);
        StreamListenerProperties defaults = beanFactory.getBeanProvider(ZmqListenerDefaults.class)
                .getIfUnique(() -> ZmqListenerDefaults.NONE).forStream(streamName);
        ListenerRetryPolicy retryPolicy = new ListenerRetryPolicies(this::resolve).policy(description, streamName,
                annotation.retry(), defaults.getRetry());
        ListenerFailures failures = new ListenerFailures(listener, replies,
                errorHandler(description, resolve(annotation.errorHandler())),
                deadLetters(listener, resolve(annotation.deadLetter()), defaults.getDeadLetter()), invocations);
        ListenerCallback handler;
        if (batch > 0) {
            requireBatchable(listener, retryPolicy, lanes);
            handler = new BatchListenerHandler(listener, invoker, new ArgumentResolverFactory(listener, json).forBatchElement(),
                    batch, replies, dispatcher, failures, invocations);
        }
        else {
            handler = new ListenerMessageHandler(listener, invoker, replies, dispatcher, retryPolicy, failures, invocations);
        }
        int maxInFlight = maxInFlight(listener, annotation.maxInFlight(), executor != null || batch > 0, retryPolicy);
        boolean autoStartup = autoStartup(description, resolve(annotation.autoStartup()));
        return new ZmqListenerEndpoint(listener, handler, autoStartup, maxInFlight);
    }

    /** The dead-letter stream the annotation names, else the stream's setting, else none. */
    private DeadLetterSender deadLetters(ListenerMethod listener, String named, String streamDefault) {
        String name = !named.isEmpty() ? named : streamDefault == null ? "" : streamDefault.trim();
        if (name.isEmpty()) {
            return null;
        }
        ZMQStream target = stream(listener.description(), name, "sends dead letters to stream '" + name + "'");
        if (!DEAD_LETTER_TYPES.contains(target.getSocketType())) {
            throw new ZmqListenerConfigurationException(listener.description(), "its dead-letter stream '" + name
                    + "' is a " + target.getSocketType() + ", which cannot send a message of its own to a peer",
                    "Name a PUSH, PUB, XPUB, DEALER or PAIR stream as the dead-letter stream.");
        }
        if (target == listener.stream()) {
            throw new ZmqListenerConfigurationException(listener.description(), "its dead-letter stream is its own "
                    + "stream '" + name + "'", "Name another stream as the dead-letter stream.");
        }
        return new DeadLetterSender(target, name);
    }

    private static boolean autoStartup(String description, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ZmqListenerConfigurationException(description, "autoStartup is '" + value + "'",
                    "Set autoStartup to \"true\" or \"false\".");
        }
        return Boolean.parseBoolean(value);
    }

    private String resolve(String value) {
        String resolved = beanFactory.resolveEmbeddedValue(value);
        return resolved == null ? "" : resolved.trim();
    }

    private ZMQStream stream(String description, String name, String role) {
        try {
            return beanFactory.getBean(name, ZMQStream.class);
        }
        catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException ex) {
            throw new ZmqListenerConfigurationException(description, "it " + role + ", but there is no such stream; "
                    + "the streams are " + Arrays.toString(beanFactory.getBeanNamesForType(ZMQStream.class)),
                    "Name one of those streams, or configure zmq.streams." + name + ".");
        }
    }

    private Executor executor(String description, String name, boolean virtualThreads) {
        if (virtualThreads) {
            if (!name.isEmpty()) {
                throw new ZmqListenerConfigurationException(description, "it names executor '" + name
                        + "' and asks for virtual threads", "Keep one of executor and virtualThreads.");
            }
            if (!beanFactory.containsBean(ZmqListener.VIRTUAL_THREAD_EXECUTOR)) {
                throw new ZmqListenerConfigurationException(description, "it asks for virtual threads, but the "
                        + "application has none", "Set spring.threads.virtual.enabled=true and run on Java 21 or "
                        + "later, or name an executor instead.");
            }
            return beanFactory.getBean(ZmqListener.VIRTUAL_THREAD_EXECUTOR, Executor.class);
        }
        if (name.isEmpty()) {
            return null;
        }
        try {
            return beanFactory.getBean(name, Executor.class);
        }
        catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException ex) {
            throw new ZmqListenerConfigurationException(description, "its executor '" + name
                    + "' is not an Executor bean", "Declare an Executor bean named '" + name + "', or remove executor.");
        }
    }

    private ZmqListenerErrorHandler errorHandler(String description, String name) {
        if (name.isEmpty()) {
            return beanFactory.getBeanProvider(ZmqListenerErrorHandler.class)
                    .getIfUnique(LoggingListenerErrorHandler::new);
        }
        try {
            return beanFactory.getBean(name, ZmqListenerErrorHandler.class);
        }
        catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException ex) {
            throw new ZmqListenerConfigurationException(description, "its error handler '" + name
                    + "' is not a ZmqListenerErrorHandler bean",
                    "Declare a ZmqListenerErrorHandler bean named '" + name + "', or remove errorHandler.");
        }
    }

    /**
     * An attribute that counts something, such as {@code batch} or {@code concurrency}: empty for
     * none (0), else a whole number of at least 1.
     */
    private static int count(String description, String attribute, String text, String meaning) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(text);
            if (count >= 1) {
                return count;
            }
        }
        catch (NumberFormatException ex) {
            // refused below
        }
        throw new ZmqListenerConfigurationException(description, attribute + " is '" + text + "'",
                "Set " + attribute + " to " + meaning + " (1 or more), or leave it empty.");
    }

    /** What a batch listener cannot do: answer a REP, retry a batch, keep per-peer lanes. */
    private static void requireBatchable(ListenerMethod listener, ListenerRetryPolicy retry, int lanes) {
        String problem = listener.stream().getSocketType() == SocketType.REP
                ? "it is a batch listener on REP stream '" + listener.streamName() + "', whose requests come one at a time"
                : retry.retries() ? "it is a batch listener with retries, which are per message"
                : lanes > 0 ? "it is a batch listener with concurrency, whose lanes are per peer" : null;
        if (problem != null) {
            throw new ZmqListenerConfigurationException(listener.description(), problem,
                    "Remove batch, or the setting it cannot work with.");
        }
    }

    /** Off the loop thread, as the executor comes or in lanes; {@code null} on the loop thread. */
    private static ListenerDispatcher dispatcher(String description, Executor executor, int lanes) {
        if (lanes == 0) {
            return executor == null ? null : ListenerDispatcher.on(executor);
        }
        if (executor == null) {
            throw new ZmqListenerConfigurationException(description, "concurrency is " + lanes + ", but the method "
                    + "runs on the loop thread, one message at a time", "Name an executor, or set virtualThreads.");
        }
        return new PeerOrderedLanes(executor, lanes);
    }

    /** Where return values go: the named stream, else the listener's own REP or ROUTER stream, else nowhere. */
    private ReplySender replies(ListenerMethod listener, String replyTo, JsonPayloadCodec json, boolean batch) {
        ZMQStream target;
        boolean rep = listener.stream().getSocketType() == SocketType.REP;
        if (rep && !replyTo.isEmpty()) {
            throw new ZmqListenerConfigurationException(listener.description(), "it replies to stream '" + replyTo
                    + "', but stream '" + listener.streamName() + "' is a REP, which must answer every request itself",
                    "Remove replyTo: the return value is the REP's reply.");
        }
        if (!replyTo.isEmpty()) {
            target = stream(listener.description(), replyTo, "replies to stream '" + replyTo + "'");
            if (!SocketDirections.sends(target.getSocketType())) {
                throw new ZmqListenerConfigurationException(listener.description(), "it replies to stream '" + replyTo
                        + "', a " + target.getSocketType() + ", which never sends", "Name a stream that sends in replyTo.");
            }
        }
        else if (rep || listener.routed()) {
            target = listener.stream();
        }
        else {
            if (listener.returnsValue()) {
                throw new ZmqListenerConfigurationException(listener.description(), "it returns "
                        + listener.method().getGenericReturnType().getTypeName() + ", but stream '"
                        + listener.streamName() + "' is a " + listener.stream().getSocketType()
                        + ", which does not reply", "Name the stream that replies in replyTo, or return void or CompletionStage<Void>.");
            }
            return null;
        }
        return new ReplySender(target, target == listener.stream() && listener.routed(), json,
                batch ? listener.batchRepliesWithFrames() : listener.repliesWithFrames());
    }

    /**
     * The stream's in-flight limit: the annotation's, or none; one for a method on the loop thread
     * that retries, so that the stream reads nothing while a message waits for its next attempt.
     */
    private static int maxInFlight(ListenerMethod listener, int limit, boolean onExecutor, ListenerRetryPolicy retry) {
        if (limit < 0) {
            throw new ZmqListenerConfigurationException(listener.description(), "maxInFlight is " + limit,
                    "Set maxInFlight to 0 (no limit) or more.");
        }
        boolean asynchronous = onExecutor || CompletionStage.class.isAssignableFrom(listener.method().getReturnType());
        if (limit > 0 && !asynchronous) {
            throw new ZmqListenerConfigurationException(listener.description(), "maxInFlight is set, but the method "
                    + "runs on the loop thread and returns no CompletionStage, so one message is in progress at a time",
                    "Remove maxInFlight, or name an executor.");
        }
        if (limit == 0 && !asynchronous && retry.retries()) {
            return 1;
        }
        return limit == 0 ? Integer.MAX_VALUE : limit;
    }
}
