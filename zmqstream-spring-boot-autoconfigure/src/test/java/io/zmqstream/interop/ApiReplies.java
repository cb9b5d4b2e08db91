package io.zmqstream.interop;

import io.zmqstream.listener.ZmqListener;
import org.springframework.context.annotation.Configuration;

/** The service most interop tests run: on the {@code api} stream, each request is answered by {@code re:<request>}. */
@Configuration(proxyBeanMethods = false)
class ApiReplies {

    @ZmqListener("api")
    String reply(String request) {
        return "re:" + request;
    }
}
