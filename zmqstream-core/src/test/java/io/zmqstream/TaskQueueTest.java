package io.zmqstream;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The task queue alone: order, and loop tasks run out of turn while the application's wait. */
class TaskQueueTest {

    private final TaskQueue tasks = new TaskQueue();
    private final List<String> ran = new ArrayList<>();

    @Test
    void tasksLeaveInTheOrderTheyCame() {
        tasks.add(() -> ran.add("a"));
        tasks.add((LoopTask) () -> ran.add("b"));
        tasks.add(() -> ran.add("c"));
        assertThat(tasks.size()).isEqualTo(3);

        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }

        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(tasks.isEmpty()).isTrue();
    }

    @Test
    void runningTheLoopTasksRunsThoseTheyQueueAndLeavesTheApplicationsTasksInOrder() {
        tasks.add(() -> ran.add("application 1"));
        tasks.add((LoopTask) () -> {
            ran.add("loop 1");
            tasks.add((LoopTask) () -> ran.add("loop 2, queued by loop 1"));
        });
        tasks.add(() -> ran.add("application 2"));

        tasks.runLoopTasks(Runnable::run);

        assertThat(ran).containsExactly("loop 1", "loop 2, queued by loop 1");
        ran.clear();
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
        assertThat(ran).containsExactly("application 1", "application 2");
    }
}
