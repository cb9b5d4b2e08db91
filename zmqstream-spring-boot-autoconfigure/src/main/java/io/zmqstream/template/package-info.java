/**
 * {@link io.zmqstream.template.ZmqTemplate}: sends and request/reply from application code, by
 * stream name, converting payloads as {@code @ZmqListener} methods do.
 */
package io.zmqstream.template;
