package io.zmqstream.request;

/** How a request of a {@link ZmqRequester} ended. */
public enum RequestOutcome {

    /** Its reply came. */
    REPLY,

    /** No reply came within the timeout, after every attempt. */
    TIMEOUT,

    /** It was never sent: too many in flight, or the send queue refused it. */
    REJECTED,

    /** The requester or its stream closed first. */
    CLOSED
}
