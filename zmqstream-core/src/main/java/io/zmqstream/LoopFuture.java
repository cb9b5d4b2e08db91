package io.zmqstream;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/** A task whose caller waits for its result, and which a stopping loop thread never leaves behind. */
final class LoopFuture<T> extends FutureTask<T> implements LoopTask {

    LoopFuture(Callable<T> task) {
        super(task);
    }
}
