package io.zmqstream;

/**
 * Work on a loop's sockets or on the state only the loop may touch (handlers, ready list, timers,
 * a stream's own fields). Unlike the application's tasks, which wait for the loop's next start, a
 * loop task is never left behind by a loop thread that stops: whoever owns the sockets next runs it
 * (see {@link SocketOwnership}).
 */
@FunctionalInterface
interface LoopTask extends Runnable {
}
