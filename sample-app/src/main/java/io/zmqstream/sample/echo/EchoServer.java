package io.zmqstream.sample.echo;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.zmqstream.RoutingEnvelope;
import io.zmqstream.listener.ZmqListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Echoes every request on the {@code echo} ROUTER stream back to the client that sent it. The
 * listener gets the request's text and the routing envelope naming the client; what it returns
 * goes back to that client, the envelope put in front by the starter.
 */
@Component
public class EchoServer {

    private static final Logger log = LoggerFactory.getLogger(EchoServer.class);

    /** Creates the server; its listener starts with the application. */
    public EchoServer() {
    }

    /**
     * Answers one request.
     *
     * @param from the envelope: which client asked
     * @param request the request's text
     * @return the reply: the request itself
     */
    @ZmqListener("echo")
    public String echo(RoutingEnvelope from, String request) {
        log.info("router <- {} (from {})", request, readable(from.identity()));
        return request;
    }

    /** An identity set by the client (such as {@code sample-client}) as text, one ZeroMQ made up in hex. */
    private static String readable(byte[] identity) {
        for (byte b : identity) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().formatHex(identity);
            }
        }
        return new String(identity, StandardCharsets.US_ASCII);
    }
}
