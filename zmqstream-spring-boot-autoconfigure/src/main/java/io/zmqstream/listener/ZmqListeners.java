package io.zmqstream.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Holds several {@link ZmqListener} annotations on one method, one per stream; Java writes it for
 * a repeated {@code @ZmqListener}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Reflective(ZmqListenerReflectiveProcessor.class)
@Documented
public @interface ZmqListeners {

    /**
     * The listeners.
     *
     * @return one annotation per stream
     */
    ZmqListener[] value();
}
