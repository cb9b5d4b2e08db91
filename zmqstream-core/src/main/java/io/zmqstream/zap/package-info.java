/**
 * Who may connect to the CURVE servers of a context: the ZAP handler
 * ({@link io.zmqstream.zap.ZapHandler}) and the rules of one ZAP domain
 * ({@link io.zmqstream.zap.ZapPolicy}).
 */
package io.zmqstream.zap;
