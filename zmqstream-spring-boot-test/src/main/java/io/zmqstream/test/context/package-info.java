/**
 * ZeroMQ test support in a Spring test: {@link io.zmqstream.test.context.ZmqTest} on a test class
 * gives it peers for the application's streams by name, and on request inproc endpoints and
 * captured listener invocations; {@link io.zmqstream.test.context.ZmqApplicationPeers} gives the
 * peers to any application context.
 */
package io.zmqstream.test.context;
