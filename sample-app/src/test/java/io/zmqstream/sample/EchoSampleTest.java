package io.zmqstream.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EchoSampleTest {

    @Test
    void echoesRequestsBackToTheDealer() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();

        int replies = EchoSample.run(3, lines::add);

        assertThat(replies).isGreaterThanOrEqualTo(3);
        assertThat(lines).contains("router <- hello 1", "dealer <- hello 1", "dealer <- hello 3");
    }
}
