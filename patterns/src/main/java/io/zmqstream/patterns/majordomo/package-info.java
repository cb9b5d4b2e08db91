/**
 * The Guide's Majordomo broker ({@code mdbroker}) and worker ({@code mdworker}), speaking
 * Majordomo Protocol 0.1 (RFC 7/MDP): clients ask for a service by name, workers register for one,
 * the broker queues requests per service and heartbeats its idle workers.
 */
package io.zmqstream.patterns.majordomo;
