package io.zmqstream.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the AOT check of {@code zmq.listener.observation-enabled} compares: the run-time value against the
 * observer the build chose. (That it runs only in AOT-processed applications, the sample's AotSampleIT shows.)
 */
class ObservationSettingAotCheckTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ZmqAutoConfiguration.class, ZmqMetricsAutoConfiguration.class));

    @Test
    void aBuildWithoutObservationsRefusesARunThatAsksForThem() {
        runner.withUserConfiguration(Observations.class).run(context -> {
            ObservationSettingAotCheck check = context.getBean(ObservationSettingAotCheck.class);

            assertThatCode(() -> check.check(false)).doesNotThrowAnyException();
            assertThatThrownBy(() -> check.check(true)).isInstanceOf(ZmqConfigurationException.class)
                    .hasMessageContaining("zmq.listener.observation-enabled: is true at run time, but the application "
                            + "was AOT-processed with it false");
        });
    }

    @Test
    void aBuildWithObservationsRefusesARunWithout() {
        runner.withUserConfiguration(Observations.class).withPropertyValues("zmq.listener.observation-enabled=true")
                .run(context -> {
                    ObservationSettingAotCheck check = context.getBean(ObservationSettingAotCheck.class);

                    assertThatCode(() -> check.check(true)).doesNotThrowAnyException();
                    assertThatThrownBy(() -> check.check(false)).isInstanceOf(ZmqConfigurationException.class)
                            .hasMessageContaining("is false at run time");
                });
    }

    @Test
    void withoutAnObservationRegistryThePropertyMeansNothingInEitherMode() {
        runner.run(context -> assertThatCode(() -> context.getBean(ObservationSettingAotCheck.class).check(true))
                .doesNotThrowAnyException());
    }

    /** An observation registry, as the actuator provides. */
    @Configuration(proxyBeanMethods = false)
    static class Observations {

        @Bean
        ObservationRegistry observationRegistry() {
            return ObservationRegistry.create();
        }
    }
}
