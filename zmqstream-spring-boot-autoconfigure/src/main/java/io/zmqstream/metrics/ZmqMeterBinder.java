package io.zmqstream.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Binds the meters of the shared loop and of every {@link ZMQStream} bean to each registry that
 * Spring Boot binds meter binders to, once all singletons exist. Streams that are not beans can be
 * metered with {@link ZmqStreamMetrics#bind}.
 */
public class ZmqMeterBinder implements MeterBinder {

    private final ZmqIoLoop loop;
    private final LoopLagMonitor lag;
    private final ObjectProvider<ZMQStream> streams;

    /**
     * Creates the binder.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     * @param streams every stream bean
     */
    public ZmqMeterBinder(ZmqIoLoop loop, LoopLagMonitor lag, ObjectProvider<ZMQStream> streams) {
        this.loop = loop;
        this.lag = lag;
        this.streams = streams;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ZmqIoLoopMetrics.bind(loop, lag, registry);
        streams.orderedStream().forEach(stream -> ZmqStreamMetrics.bind(stream, registry));
    }
}
