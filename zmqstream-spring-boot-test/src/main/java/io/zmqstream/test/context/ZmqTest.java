package io.zmqstream.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * ZeroMQ test support for a Spring test class, beside {@code @SpringBootTest}: a
 * {@link io.zmqstream.test.ZmqTestPeers} bean that makes peers for the application's streams by
 * name (closed after each test method), and, on request, {@code inproc://} endpoints in place
 * of the application's tcp and ipc ones, and a {@link ZmqListenerInvocations} bean that captures
 * what each {@code @ZmqListener} method was called with and did.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ZmqTest {

    /**
     * Whether every {@code tcp://} and {@code ipc://} endpoint under {@code zmq.streams} becomes an
     * {@code inproc://} one, so that the test needs no network and no free port: a stream bound to
     * port 5555 and one connecting to any host's port 5555 still meet.
     *
     * @return whether endpoints are rewritten
     */
    boolean inprocEndpoints() default false;

    /**
     * Whether each {@code @ZmqListener} method's invocations are captured (arguments, result,
     * exception) in the {@link ZmqListenerInvocations} bean, cleared after each test method. The
     * listener beans are proxied by class for it, which a final class cannot be.
     *
     * @return whether invocations are captured
     */
    boolean captureInvocations() default false;
}
