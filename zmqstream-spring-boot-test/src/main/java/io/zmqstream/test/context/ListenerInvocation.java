package io.zmqstream.test.context;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One call of a {@code @ZmqListener} method, as {@link ZmqListenerInvocations} captured it.
 *
 * @param bean the listener bean, as the application context holds it
 * @param method the method
 * @param arguments what the method was called with
 * @param result what it returned ({@code null} for {@code void}, or when it threw); a stage as returned
 * @param failure what it threw, or {@code null}
 */
public record ListenerInvocation(Object bean, Method method, List<Object> arguments, Object result,
        Throwable failure) {

    /**
     * One argument.
     *
     * @param index its position, from 0
     * @return the argument
     */
    public Object argument(int index) {
        return arguments.get(index);
    }
}
