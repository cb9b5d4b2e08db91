package io.zmqstream.listener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ZmqListenerErrorHandler}: logs the failure with the listener's id and the
 * stream's name (never the message's content) and sends no reply.
 */
public class LoggingListenerErrorHandler implements ZmqListenerErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoggingListenerErrorHandler.class);

    /** Creates the handler. */
    public LoggingListenerErrorHandler() {
    }

    @Override
    public Object handleError(ZmqListenerMessage message, ZmqListenerException exception) {
        log.error("Listener '{}' on stream '{}' failed on a message of {} frames; the stream goes on",
                exception.getListenerId(), exception.getStreamName(), message.getFrames().size(), exception);
        return null;
    }
}
