/**
 * Helpers the core's packages share: not API. Their names and behaviour may change in any release;
 * applications and the Spring parts do not use them (a test holds that).
 */
package io.zmqstream.internal;
