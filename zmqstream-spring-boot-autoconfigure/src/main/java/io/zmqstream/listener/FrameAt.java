package io.zmqstream.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link ZmqListener} method's parameter to one frame of the message's body, instead of
 * the last: {@code @FrameAt(0) String topic, @FrameAt(1) Order order}. A message without that frame
 * cannot be converted and goes to the error handler.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FrameAt {

    /**
     * The frame's index in the body: 0 is the first; negative numbers count from the end, -1 being the last.
     *
     * @return the index
     */
    int value();
}
