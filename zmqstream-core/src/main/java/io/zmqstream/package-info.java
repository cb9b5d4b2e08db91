/**
 * The core of zmqstream: pyzmq's {@code ZMQStream} for JeroMQ sockets, driven by one
 * {@link io.zmqstream.ZmqIoLoop} thread.
 *
 * <p>This package is Spring-free: it depends on JeroMQ and SLF4J only (Jackson optionally, for
 * {@link io.zmqstream.ZMQStream#sendJson(Object)}). Every public method of
 * {@link io.zmqstream.ZmqIoLoop} and {@link io.zmqstream.ZMQStream} may be called from any
 * thread; sockets are only touched by the loop thread once a stream owns them.
 */
package io.zmqstream;
