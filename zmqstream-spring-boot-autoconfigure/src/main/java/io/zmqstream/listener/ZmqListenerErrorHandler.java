package io.zmqstream.listener;

/**
 * Handles a {@link ZmqListener} method's failure. The application's bean of this type replaces
 * the default {@link LoggingListenerErrorHandler}; {@link ZmqListener#errorHandler()} picks one
 * per listener. Handlers run on the thread that ran the method.
 */
@FunctionalInterface
public interface ZmqListenerErrorHandler {

    /**
     * Handles one failure; failures are counted before this is called.
     *
     * @param message the message, its raw frames included
     * @param exception what failed, a {@link ZmqMessageConversionException} when the method was not called
     * @return a reply to send instead, where the listener replies, or {@code null} for none (a REP
     *         stream then sends one empty frame, so that it can take the next request)
     * @throws Exception when handling fails; it is logged and the stream goes on
     */
    Object handleError(ZmqListenerMessage message, ZmqListenerException exception) throws Exception;
}
