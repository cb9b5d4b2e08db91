package io.zmqstream.sample;

import java.nio.charset.StandardCharsets;

import io.zmqstream.ZMQStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Echoes every request on the {@code echo} ROUTER stream back to the client that sent it: the
 * ROUTER's first frame names the client, so sending the frames back unchanged answers it.
 */
@Component
public class EchoServer {

    private static final Logger log = LoggerFactory.getLogger(EchoServer.class);

    /**
     * Starts echoing.
     *
     * @param echo the {@code zmq.streams.echo} stream
     */
    public EchoServer(@Qualifier("echo") ZMQStream echo) {
        echo.onRecv(frames -> {
            log.info("router <- {}", new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8));
            echo.sendMultipart(frames);
        });
    }
}
