package io.zmqstream.listener;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.zmqstream.Frame;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.zeromq.ZMsg;

import static io.zmqstream.autoconfigure.TestPeers.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A listener that cannot work fails start-up, naming the method, the problem and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class ZmqListenerFailureTest {

    @Test
    void aListenerNamingAStreamThatDoesNotExistFailsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(Misnamed.class, "--zmq.streams.orders.type=pull",
                "--zmq.streams.orders.bind=inproc://orders")).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The @ZmqListener method Misnamed.receive cannot work: it names stream 'ordrs', but there "
                        + "is no such stream; the streams are [orders]")
                .contains("Name one of those streams, or configure zmq.streams.ordrs.");
    }

    @Test
    void aReturnValueOnAStreamThatDoesNotReplyIsRefused() {
        assertFailure(analysis(ReturnsOnPull.class, boundStream("jobs", "pull")), "ReturnsOnPull.receive",
                "it returns java.lang.String, but stream 'jobs' is a PULL, which does not reply",
                "Name the stream that replies in replyTo, or return void or CompletionStage<Void>.");
    }

    @Test
    void aStageOfUnknownTypeOnAStreamThatDoesNotReplyIsRefused() {
        assertFailure(analysis(WildcardStage.class, boundStream("jobs", "pull")), "WildcardStage.receive",
                "it returns java.util.concurrent.CompletableFuture<?>, but stream 'jobs' is a PULL",
                "Name the stream that replies in replyTo, or return void or CompletionStage<Void>.");
    }

    @Test
    void anEnvelopeOnAStreamThatIsNotARouterIsRefused() {
        assertFailure(analysis(EnvelopeOnPull.class, boundStream("jobs", "pull")), "EnvelopeOnPull.receive",
                "parameter 0: a RoutingEnvelope parameter needs a ROUTER stream, but stream 'jobs' is a PULL",
                "Remove the parameter.");
    }

    @Test
    void jeroMqFramesWhileCopyingAreRefused() {
        assertFailure(analysis(FramesWithCopy.class, boundStream("jobs", "pull")), "FramesWithCopy.receive",
                "parameter 0: io.zmqstream.Frame parameters are JeroMQ's message objects, given only without copying",
                "Set copy = false on the @ZmqListener");
    }

    @Test
    void aFrameIndexOnAWholeMessageParameterIsRefused() {
        assertFailure(analysis(FrameOnZMsg.class, boundStream("jobs", "pull")), "FrameOnZMsg.receive",
                "parameter 0: @FrameAt picks one frame, but a org.zeromq.ZMsg parameter takes the whole message",
                "Remove @FrameAt");
    }

    @Test
    void twoListenersOnOneStreamAreRefused() {
        assertFailure(analysis(TwoOnOneStream.class, boundStream("jobs", "pull")), "TwoOnOneStream.",
                "stream 'jobs' already has listener", "Receive from another stream, or handle both in one method.");
    }

    @Test
    void anExecutorThatIsNotABeanIsRefused() {
        assertFailure(analysis(MissingExecutor.class, boundStream("jobs", "pull")), "MissingExecutor.receive",
                "its executor 'workers' is not an Executor bean", "Declare an Executor bean named 'workers'");
    }

    @Test
    void anErrorHandlerThatIsNotABeanIsRefused() {
        assertFailure(analysis(MissingErrorHandler.class, boundStream("jobs", "pull")), "MissingErrorHandler.receive",
                "its error handler 'handler' is not a ZmqListenerErrorHandler bean",
                "Declare a ZmqListenerErrorHandler bean named 'handler'");
    }

    @Test
    void aReplyStreamThatDoesNotExistIsRefused() {
        assertFailure(analysis(MissingReplyStream.class, boundStream("jobs", "pull")), "MissingReplyStream.receive",
                "it replies to stream 'results', but there is no such stream", "configure zmq.streams.results.");
    }

    @Test
    void aReplyStreamThatNeverSendsIsRefused() {
        String[] streams = concat(boundStream("jobs", "pull"), boundStream("results", "pull"));
        assertFailure(analysis(MissingReplyStream.class, streams), "MissingReplyStream.receive",
                "it replies to stream 'results', a PULL, which never sends", "Name a stream that sends in replyTo.");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void anInFlightLimitOnAMethodThatIsNeverInFlightIsRefused() {
        assertFailure(analysis(LimitWithoutAsync.class, boundStream("jobs", "pull")), "LimitWithoutAsync.receive",
                "maxInFlight is set, but the method runs on the loop thread and returns no CompletionStage",
                "Remove maxInFlight, or name an executor.");
    }

    @Test
    void aListenerOnAStreamThatNeverReceivesIsRefused() {
        assertFailure(analysis(OnPush.class, boundStream("jobs", "push")), "OnPush.receive",
                "stream 'jobs' is a PUSH, which never receives", "Name a stream that receives.");
    }

    @Test
    void replyToOnARepStreamIsRefused() {
        assertFailure(analysis(RepWithReplyTo.class, boundStream("jobs", "rep")), "RepWithReplyTo.receive",
                "it replies to stream 'jobs', but stream 'jobs' is a REP, which must answer every request itself",
                "Remove replyTo");
    }

    @Test
    void anAutoStartupThatIsNeitherTrueNorFalseIsRefused() {
        assertFailure(analysis(VagueAutoStartup.class, boundStream("jobs", "pull")), "VagueAutoStartup.receive",
                "autoStartup is 'yes'", "Set autoStartup to \"true\" or \"false\".");
    }

    @Test
    void aRepeatedListenerGetsOneEndpointPerStreamWithTheStreamInItsDefaultId() {
        runner().withUserConfiguration(OnTwoStreams.class).withPropertyValues(boundStream("a", "pull"))
                .withPropertyValues(boundStream("b", "pull")).run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
                    assertThat(registry.getListenerIds()).containsExactlyInAnyOrder(
                            "zmqListenerFailureTest.OnTwoStreams.receive[a]",
                            "zmqListenerFailureTest.OnTwoStreams.receive[b]");
                    assertThat(context.getBean("a", ZMQStream.class).isReceiving()).isTrue();
                    assertThat(context.getBean("b", ZMQStream.class).isReceiving()).isTrue();
                });
    }

    private static void start(Class<?> listeners, String... args) {
        SpringApplication application = new SpringApplication(FailingApp.class, listeners);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args).close();
    }

    /** The properties of a stream of the given type bound to {@code inproc://<name>}. */
    private static String[] boundStream(String name, String type) {
        return new String[] { "zmq.streams." + name + ".type=" + type, "zmq.streams." + name + ".bind=inproc://" + name };
    }

    private static FailureAnalysis analysis(Class<?> listeners, String... properties) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner().withUserConfiguration(listeners).withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = new ZmqListenerFailureAnalyzer().analyze(context.getStartupFailure());
        });
        return analysis[0];
    }

    private static void assertFailure(FailureAnalysis analysis, String method, String problem, String action) {
        assertThat(analysis).as("a @ZmqListener failure analysis").isNotNull();
        assertThat(analysis.getDescription()).startsWith("The @ZmqListener method " + method).contains(problem);
        assertThat(analysis.getAction()).contains(action);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class FailingApp {
    }

    @Configuration(proxyBeanMethods = false)
    static class Misnamed {
        @ZmqListener("ordrs")
        void receive(String order) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReturnsOnPull {
        @ZmqListener("jobs")
        String receive(String job) {
            return job;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WildcardStage {
        @ZmqListener("jobs")
        CompletableFuture<?> receive(String job) {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EnvelopeOnPull {
        @ZmqListener("jobs")
        void receive(RoutingEnvelope envelope, String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FramesWithCopy {
        @ZmqListener("jobs")
        void receive(List<Frame> frames) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FrameOnZMsg {
        @ZmqListener("jobs")
        void receive(@FrameAt(0) ZMsg msg) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoOnOneStream {
        @ZmqListener("jobs")
        void receive(String job) {
        }

        @ZmqListener("jobs")
        void alsoReceive(String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MissingExecutor {
        @ZmqListener(value = "jobs", executor = "workers")
        void receive(String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MissingErrorHandler {
        @ZmqListener(value = "jobs", errorHandler = "handler")
        void receive(String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MissingReplyStream {
        @ZmqListener(value = "jobs", replyTo = "results")
        String receive(String job) {
            return job;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LimitWithoutAsync {
        @ZmqListener(value = "jobs", maxInFlight = 4)
        void receive(String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OnPush {
        @ZmqListener("jobs")
        void receive(String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RepWithReplyTo {
        @ZmqListener(value = "jobs", replyTo = "jobs")
        String receive(String job) {
            return job;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VagueAutoStartup {
        @ZmqListener(value = "jobs", autoStartup = "${jobs.auto-startup:yes}")
        void receive(String job) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OnTwoStreams {
        @ZmqListener("a")
        @ZmqListener("b")
        void receive(String message) {
        }
    }
}
