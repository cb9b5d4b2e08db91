/**
 * Spring Boot auto-configuration of ZeroMQ streams: {@code zmq.*} properties, the shared context
 * and loop, one {@link io.zmqstream.ZMQStream} bean per {@code zmq.streams} entry, and start-up
 * failure analysis. The core ({@code io.zmqstream}) knows nothing of Spring.
 */
package io.zmqstream.autoconfigure;
