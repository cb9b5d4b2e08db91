/**
 * Test peers for ZMQStreams, without Spring: {@link io.zmqstream.test.ZmqTestPeers} makes a real
 * socket of the right type for a stream, and {@link io.zmqstream.test.ZmqTestPeer} sends to it and
 * waits for what it sends back, never with a fixed sleep.
 */
package io.zmqstream.test;
