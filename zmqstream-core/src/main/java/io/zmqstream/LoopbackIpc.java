package io.zmqstream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once per endpoint, that an {@code ipc://} endpoint is loopback tcp on a JeroMQ without Unix
 * domain sockets ({@link JeroMqRuntime#hasUnixDomainIpc()}): anyone on the machine can reach it,
 * whatever the path's permissions, and a libzmq peer on the same path never connects.
 */
final class LoopbackIpc {

    private static final Logger log = LoggerFactory.getLogger(LoopbackIpc.class);
    private static final String SCHEME = "ipc://";
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private LoopbackIpc() {
    }

    static void warnOf(String endpoint) {
        if (endpoint == null || !endpoint.startsWith(SCHEME) || JeroMqRuntime.current().hasUnixDomainIpc()
                || !WARNED.add(endpoint)) {
            return;
        }
        log.warn("{} is not inter-process communication on {}: JeroMQ maps the path to a tcp port on the loopback "
                + "interface, which any local user can reach and no libzmq peer on the same path connects to. Use "
                + "fr.loghub:jeromq 0.7.0 on Java 16 or later for Unix domain sockets (see the README)", endpoint,
                JeroMqRuntime.current());
    }
}
