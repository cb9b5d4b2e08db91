/**
 * {@code @ZmqListener}: bean methods as the receive callbacks of streams, with their arguments
 * made from each message, their return values sent as replies, their failures handled, and a
 * registry that pauses, resumes, stops and starts them.
 */
package io.zmqstream.listener;
