package io.zmqstream.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the sample is ready, where its streams are and where to look. */
@Component
public class SampleGuide {

    private static final Logger log = LoggerFactory.getLogger(SampleGuide.class);

    /** Creates the guide. */
    public SampleGuide() {
    }

    /**
     * Logs the one line a newcomer needs.
     *
     * @param ready the event, whose environment has the ports in use
     */
    @EventListener
    public void ready(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        String http = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        log.info("Sample ready: echo on tcp://127.0.0.1:{}, ticker on :{}, orders on :{}, receipts on :{}, pricing on "
                + ":{}, dead letters on :{}, actuator on {}. Look at {}/actuator/zmq, {}/actuator/prometheus, POST "
                + "{}/orders and {}/quotes; sample-app/README.md has the commands", environment.getProperty("sample.ports.echo"),
                environment.getProperty("sample.ports.ticker"), environment.getProperty("sample.ports.orders"),
                environment.getProperty("sample.ports.receipts"), environment.getProperty("sample.ports.pricing"),
                environment.getProperty("sample.ports.dead-letters"), http, http, http, http, http);
    }
}
