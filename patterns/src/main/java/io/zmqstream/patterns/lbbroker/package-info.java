/**
 * The Guide's load-balancing broker ({@code lbbroker}): REQ clients and REQ workers, each request
 * to the worker that has waited longest, clients read only while a worker is ready.
 */
package io.zmqstream.patterns.lbbroker;
