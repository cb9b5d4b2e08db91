package io.zmqstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Healing survives a passing shortage: before, one heal that failed while the process was out of
 * file descriptors turned healing off for every context of the JVM for good.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandshakeHealerTest {

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    @Test
    void aHealThatFailsWhileTheProcessIsOutOfFileDescriptorsLeavesHealingOn() throws Exception {
        assertThat(PRLIMIT).as("util-linux's prlimit, which lowers this JVM's descriptor limit for a moment")
                .isExecutable();
        try (ZContext context = new ZContext()) {
            ZMQ.Socket socket = context.createSocket(SocketType.PAIR);
            assertThat(HandshakeHealer.heal(socket)).as("a heal with descriptors to spare").isTrue();

            boolean healedWithoutDescriptors;
            try (DescriptorShortage shortage = DescriptorShortage.start()) {
                healedWithoutDescriptors = HandshakeHealer.heal(socket);
            }
            assertThat(healedWithoutDescriptors).as("a heal without a descriptor to open").isFalse();

            assertThat(HandshakeHealer.heal(socket)).as("the next heal, descriptors back").isTrue();
        }
    }

    /**
     * This JVM's soft limit on open files lowered to the lowest free descriptor, so that opening any
     * file fails, until closed. The process that restores the limit starts first: once the limit is
     * down, this JVM could not start it.
     */
    private static final class DescriptorShortage implements AutoCloseable {

        private final Process restorer;

        private DescriptorShortage(Process restorer) {
            this.restorer = restorer;
        }

        static DescriptorShortage start() throws IOException, InterruptedException {
            long pid = ProcessHandle.current().pid();
            String limits = run("--pid", Long.toString(pid), "--nofile", "--raw", "--noheadings", "--output", "SOFT,HARD");
            String[] softHard = limits.trim().split("\\s+");
            Process restorer = new ProcessBuilder("bash", "-c", "read -r _; exec " + PRLIMIT + " --pid " + pid
                    + " --nofile=" + softHard[0] + ":" + softHard[1]).redirectErrorStream(true).start();
            run("--pid", Long.toString(pid), "--nofile=" + lowestFreeDescriptor() + ":" + softHard[1]);
            return new DescriptorShortage(restorer);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            OutputStream go = restorer.getOutputStream();
            go.write('\n');
            go.flush();
            assertThat(restorer.waitFor(30, TimeUnit.SECONDS)).as("the limit restored").isTrue();
            assertThat(restorer.exitValue()).as(new String(restorer.getInputStream().readAllBytes())).isZero();
        }

        private static long lowestFreeDescriptor() throws IOException {
            Set<Long> open;
            try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
                open = descriptors.map(path -> Long.parseLong(path.getFileName().toString())).collect(Collectors.toSet());
            }
            long free = 0;
            while (open.contains(free)) {
                free++;
            }
            return free;
        }

        private static String run(String... arguments) throws IOException, InterruptedException {
            String[] command = Stream.concat(Stream.of(PRLIMIT.toString()), Stream.of(arguments)).toArray(String[]::new);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        }
    }
}
