package io.zmqstream.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Makes a bean method the receive callback of a stream: every message the stream receives is
 * handed to the method, with its parameters filled by declared type, and what the method returns
 * is sent back as the reply on REP and ROUTER streams (or to {@link #replyTo()}).
 *
 * <p>Parameters, by declared type: {@code List<byte[]>} (the message's frames), {@code byte[]}
 * and {@code String} (UTF-8) (the last frame, or the one {@link FrameAt @FrameAt} names),
 * {@code ZMsg}, {@code List<ZFrame>}, {@link io.zmqstream.ZMQStream} (the stream itself),
 * {@link ZmqListenerMessage} (the whole message as received, with the peer's ZAP user id and
 * address), {@link ZmqDeadLetter} (on a dead-letter service's stream: the message read as a dead letter),
 * {@link io.zmqstream.RoutingEnvelope} and {@link io.zmqstream.RoutedMessage} (ROUTER streams),
 * {@link io.zmqstream.Frame} and {@code List<io.zmqstream.Frame>} (with {@code copy = false}); a
 * parameter of any other type is read from JSON in its frame with the application's Jackson 3
 * {@code JsonMapper}. On a ROUTER stream the frames above are the message's body: the routing
 * envelope (the peer's identity, and every frame up to an empty delimiter when the message has one
 * before its last frame) is split off, available as a {@code RoutingEnvelope} (which
 * {@link io.zmqstream.ZMQStream#sendTo} answers later, from any thread) and put back in front of the
 * reply; a {@code RoutedMessage} has both, and splits a body that is routed in turn, as a worker's
 * reply for a client reaches a ROUTER-to-ROUTER broker.
 *
 * <p>The annotation is repeatable: one method can listen to several streams.
 *
 * <p>Return values: {@code null} and {@code void} send nothing; {@code String}, {@code byte[]},
 * {@code ZFrame} are one frame; {@code ZMsg} and a {@code List} of {@code byte[]} or
 * {@code ZFrame} are the reply's frames; any other object is sent as JSON; a
 * {@link java.util.concurrent.CompletionStage} is replied when it completes. A method that fails
 * (or whose message cannot be converted) goes to the {@link ZmqListenerErrorHandler}; on a REP
 * stream the handler's return value is the reply, and when it returns none an empty frame is
 * sent, so that the REP socket is ready for the next request.
 *
 * <p>A method that failed can be called again for the same message after a delay ({@link #retry()}),
 * and what failed for good can go to a dead-letter stream ({@link #deadLetter()}).
 *
 * <p>The method runs on the loop thread unless {@link #executor()} names an executor (or
 * {@link #virtualThreads()} asks for virtual threads), where {@link #concurrency()} can run a
 * ROUTER's peers in parallel, each peer's messages in order; a slow
 * method on the loop thread holds up every stream on that loop. The starter registers these
 * methods; no {@code @Enable...} annotation is needed. The {@link ZmqListenerEndpointRegistry}
 * lists, pauses, resumes, stops and starts them.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Reflective(ZmqListenerReflectiveProcessor.class)
@Documented
@Repeatable(ZmqListeners.class)
public @interface ZmqListener {

    /** The bean name of the starter's virtual-thread executor, which {@link #virtualThreads()} uses. */
    String VIRTUAL_THREAD_EXECUTOR = "zmqListenerVirtualThreadExecutor";

    /**
     * The stream to receive from: a {@code zmq.streams} key, or the bean name of any
     * {@code ZMQStream} bean. {@code ${...}} placeholders are resolved.
     *
     * @return the stream's name
     */
    String value();

    /**
     * The listener's id in the {@link ZmqListenerEndpointRegistry}; {@code <bean>.<method>} by
     * default. Placeholders are resolved.
     *
     * @return the id, or empty for the default
     */
    String id() default "";

    /**
     * Whether the listener starts receiving when the application starts; {@code "false"} leaves
     * it to {@link ZmqListenerEndpointRegistry#start(String)}. Placeholders are resolved.
     *
     * @return {@code "true"} or {@code "false"}
     */
    String autoStartup() default "true";

    /**
     * pyzmq's {@code copy}: {@code true} hands the method bytes; {@code false} also allows
     * {@link io.zmqstream.Frame} parameters, JeroMQ's own message objects with the connection's
     * metadata (such as {@code Peer-Address}). JeroMQ gives each received frame its own array, so
     * neither setting copies the frames' bytes.
     *
     * @return whether the method gets bytes only
     */
    boolean copy() default true;

    /**
     * The bean name of an {@link java.util.concurrent.Executor} to run the method on, off the loop
     * thread; replies still leave through the loop. Placeholders are resolved.
     *
     * @return the executor's bean name, or empty to run on the loop thread
     */
    String executor() default "";

    /**
     * For methods that run on an {@link #executor()} or return a
     * {@link java.util.concurrent.CompletionStage}: the most messages in progress at once; the
     * stream receives no more (they wait in ZeroMQ's queue) until one is done.
     *
     * @return the limit, or 0 for none
     */
    int maxInFlight() default 0;

    /**
     * For methods off the loop thread ({@link #executor()} or {@link #virtualThreads()}): how many
     * messages run at once, each lane of them one at a time in the order they came. On a ROUTER
     * stream a peer's messages (by routing id) always share a lane, so they never overlap and keep
     * their order while other peers are served in parallel; other streams' messages take the lanes
     * in turn. Placeholders are resolved.
     *
     * @return the number of lanes, at least 1, or empty to hand each message to the executor as it comes
     */
    String concurrency() default "";

    /**
     * Makes the method a batch listener: it takes one {@code List} parameter with what one turn of
     * the loop read from the stream, up to this many messages: {@code List<byte[]>} or
     * {@code List<String>} (each message's last frame), {@code List<ZmqListenerMessage>} (the whole
     * messages) or a {@code List} of a JSON type. Where the listener replies (ROUTER, or
     * {@link #replyTo()}) it returns a {@code List} of replies, one per message in the batch's order
     * ({@code null}: none for that message). Not on REP streams, whose requests come one at a time,
     * and not with {@link #retry()} or {@link #concurrency()}. Placeholders are resolved.
     *
     * @return the most messages one call gets, or empty for a call per message
     */
    String batch() default "";

    /**
     * Runs the method on a virtual thread per message, instead of on the loop thread: the starter's
     * virtual-thread executor, there when {@code spring.threads.virtual.enabled=true} on Java 21 or
     * later. Not with {@link #executor()}.
     *
     * @return whether the method runs on virtual threads
     */
    boolean virtualThreads() default false;

    /**
     * The bean name of the {@link ZmqListenerErrorHandler} for this listener. Placeholders are
     * resolved.
     *
     * @return the handler's bean name, or empty for the application's {@code ZmqListenerErrorHandler} bean
     */
    String errorHandler() default "";

    /**
     * The stream the method's return values are sent to, for streams that do not reply
     * themselves (any type but REP and ROUTER), or to forward what a ROUTER receives; not
     * allowed on REP streams, which answer every request themselves. Placeholders are resolved.
     *
     * @return the reply stream's name, or empty to reply on REP and ROUTER streams only
     */
    String replyTo() default "";

    /**
     * How the method is called again for a message it failed on: attempts, delays and which
     * failures; what is left empty comes from {@code zmq.streams.<name>.listener.retry}, which
     * never retries unless set.
     *
     * @return the retry settings
     */
    ZmqRetry retry() default @ZmqRetry;

    /**
     * The stream that gets each message the method failed on for good (after its last attempt, or
     * when its arguments could not be made), behind a frame that says why ({@link ZmqDeadLetter});
     * typically a PUSH to a dead-letter service. Placeholders are resolved.
     *
     * @return the dead-letter stream's name, or empty for the stream's
     *         {@code zmq.streams.<name>.listener.dead-letter}, which has none unless set
     */
    String deadLetter() default "";
}
