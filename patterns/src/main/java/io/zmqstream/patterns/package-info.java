/**
 * The ZeroMQ Guide's reliable patterns written on the starter, without raw socket access or frame
 * indexes: {@link io.zmqstream.patterns.lbbroker}, {@link io.zmqstream.patterns.ppqueue},
 * {@link io.zmqstream.patterns.majordomo}.
 */
package io.zmqstream.patterns;
