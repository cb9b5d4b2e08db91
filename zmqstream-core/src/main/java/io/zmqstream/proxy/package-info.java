/**
 * Proxies between two streams on one loop ({@link io.zmqstream.proxy.ZmqProxy}), what they moved
 * ({@link io.zmqstream.proxy.ProxyStatistics}), and a set of proxies by name
 * ({@link io.zmqstream.proxy.ZmqProxies}), as the Spring parts show and steer them.
 */
package io.zmqstream.proxy;
