package io.zmqstream.autoconfigure;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

/** Stream beans that nothing asks for, so that nothing may create them: a prototype and a lazy one. */
@Configuration(proxyBeanMethods = false)
class UncreatedStreamBeans {

    @Bean
    @Scope("prototype")
    ZMQStream prototypeStream(ZContext context, ZmqIoLoop loop) {
        return new ZMQStream(context.createSocket(SocketType.PUSH), loop);
    }

    @Bean
    @Lazy
    ZMQStream lazyStream(ZContext context, ZmqIoLoop loop) {
        return new ZMQStream(context.createSocket(SocketType.PUSH), loop);
    }
}
