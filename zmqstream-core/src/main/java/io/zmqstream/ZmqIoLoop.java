package io.zmqstream;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One thread that owns many JeroMQ sockets, runs their callbacks, timers and tasks: tornado's
 * {@code IOLoop} for JeroMQ.
 *
 * <h2>Thread rule</h2>
 * Every public method may be called from any thread, whether the loop runs or not. Sockets, handlers,
 * timers and tasks run on the loop thread. Work from other threads enters through a lock-free queue;
 * the selector is woken once per burst of work (a wake-up is issued only when none is pending).
 * While the loop thread is not running, calls that must touch a socket run on the calling thread,
 * one caller at a time, which owns the sockets for that call. The application's tasks queued while
 * the loop is stopped wait for its next {@link #start()}.
 *
 * <h2>An iteration</h2>
 * Run due timers, run queued tasks, give every ready socket one turn (its handler drains up to
 * {@link #getBatchBudget()} messages each way), then select: without blocking while work is left,
 * otherwise until the next timer. JeroMQ signals a socket's file descriptor edge-triggered, so after
 * each turn the socket's {@code ZMQ_EVENTS} are read again and the socket stays ready while it has
 * events of interest; the loop never sleeps on a socket that still has input or room for output.
 *
 * <h2>Ways onto the loop</h2>
 * <table>
 * <caption>Each way work reaches the loop thread</caption>
 * <tr><th>call</th><th>what it is for</th><th>while the loop is stopped</th></tr>
 * <tr><td>{@link #execute(Runnable)}, {@link #addCallback(Runnable)}</td><td>run a task soon,
 *     in order with the others (pyzmq's {@code add_callback})</td><td>waits for the next start</td></tr>
 * <tr><td>{@link #submit(java.util.concurrent.Callable)}</td><td>the same, with a future of the
 *     result</td><td>waits for the next start</td></tr>
 * <tr><td>{@link #runSync(java.util.concurrent.Callable, Duration)}</td><td>run a task and wait
 *     for it, up to a timeout</td><td>runs on the calling thread</td></tr>
 * <tr><td>{@link #callLater(Duration, Runnable)}, {@link PeriodicCallback}</td><td>run once after a
 *     delay, or every period</td><td>runs after the next start, when due</td></tr>
 * <tr><td>{@link #addHandler(ZMQ.Socket, SocketHandler, int)},
 *     {@link #addHandler(java.nio.channels.SelectableChannel, ChannelHandler, int)}</td><td>call a
 *     handler while a socket or channel has events</td><td>registered at once by the caller</td></tr>
 * <tr><td>{@link ZMQStream}</td><td>callbacks on a socket's messages, and sends from any thread;
 *     the way most applications use</td><td>its socket calls run on the calling thread</td></tr>
 * </table>
 * Inside the package, streams use loop tasks, which a stopping loop never leaves behind:
 * {@code runOnLoop} (at once where the caller owns the sockets, queued otherwise), {@code callOnLoop}
 * (the same, waiting) and {@code queueLoopTask} (always queued, from JeroMQ's I/O threads). One rule
 * says who may touch the sockets, {@code ownsSockets()}, for the loop and its streams alike.
 *
 * <p>A callback that throws is logged and the loop goes on: the loop thread never dies of it.
 */
public final class ZmqIoLoop implements Executor, AutoCloseable {

    /** The loop thread's name unless another is given. */
    public static final String DEFAULT_THREAD_NAME = "zmq-ioloop";

    /** Messages a stream handles each way in one turn unless set otherwise. */
    public static final int DEFAULT_BATCH_BUDGET = 512;

    /**
     * How long a loop that just did work watches for new tasks before it sleeps, unless set otherwise:
     * none, since on a machine with few cores the spin takes the CPU that senders and JeroMQ's I/O
     * threads need (measured with the benchmarks' {@code SendThroughput}).
     */
    public static final Duration DEFAULT_SPIN_TIME = Duration.ZERO;

    /**
     * How long {@link #close()} lets the loop thread stay in one callback (a socket's turn, a task or
     * a timer) before it interrupts the thread, and then how much longer it waits before it gives up
     * on the thread.
     */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ZmqIoLoop.class);
    private static final ThreadLocal<ZmqIoLoop> CURRENT = new ThreadLocal<>();
    /** Tasks run per iteration, so that tasks which queue tasks cannot starve the sockets. */
    private static final int TASK_BUDGET = 4096;
    private static final long WAIT_POLL_MILLIS = 50;
    /** While work is left, other descriptors are polled at most this often: a selectNow is a system call. */
    private static final long BUSY_SELECT_INTERVAL_NANOS = 100_000;

    private final ZContext context;
    private final String threadName;
    private final LoopHandlers handlers;
    private final TaskQueue tasks = new TaskQueue();
    private final SocketOwnership ownership;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** The open streams in the order they were created; guarded by itself. */
    private final Set<ZMQStream> streams = new LinkedHashSet<>();
    private final List<StreamLifecycleListener> streamListeners = new CopyOnWriteArrayList<>();
    private final Object lifecycleLock = new Object();
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    /** The loop thread while it takes work; {@code null} from its last iteration on. */
    private volatile Thread thread;
    /** A loop thread that was started and has not ended yet; guarded by {@code lifecycleLock}. */
    private Thread liveThread;
    private volatile boolean stopRequested;
    private volatile boolean terminated;
    private volatile int batchBudget = DEFAULT_BATCH_BUDGET;
    private volatile long spinNanos = DEFAULT_SPIN_TIME.toNanos();
    private long lastSelectNanos;

    // Owned by the loop thread.
    private final TimerQueue timers = new TimerQueue();
    private final Consumer<Runnable> runTimer = callback -> runCallback(callback, "timer");
    /** How long the loop thread has been in the callback it runs: how close tells a stuck thread. */
    private final CallbackWatch callbacks;
    /** Set when a socket turned out unusable: the others of its context may be too. */

    /**
     * Creates a loop, not yet started, whose thread is named {@value #DEFAULT_THREAD_NAME}.
     *
     * @param context the context the loop's sockets come from
     */
    public ZmqIoLoop(ZContext context) {
        this(context, DEFAULT_THREAD_NAME);
    }

    /**
     * Creates a loop, not yet started.
     *
     * @param context the context the loop's sockets come from
     * @param threadName the loop thread's name
     */
    public ZmqIoLoop(ZContext context, String threadName) {
        this.context = Objects.requireNonNull(context, "context");
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.ownership = new SocketOwnership(this::isRunning, tasks, task -> runGuarded(task, "task"));
        this.callbacks = new CallbackWatch(threadName, CLOSE_GRACE);
        this.handlers = new LoopHandlers(threadName, timers, callbacks);
    }

    /**
     * The loop whose thread is calling.
     *
     * @return the loop, or {@code null} when the caller is not a loop thread
     */
    public static ZmqIoLoop current() {
        return CURRENT.get();
    }

    /**
     * Starts the loop on its own thread and returns at once; does nothing if it runs already. After
     * {@link #stop()}, it waits for the stopping thread to end and starts a new one; on the loop
     * thread itself it simply cancels the stop.
     *
     * @throws IllegalStateException when the loop was closed
     */
    public void start() {
        synchronized (lifecycleLock) {
            if (closeStarted.get()) {
                throw new IllegalStateException("The loop " + threadName + " is closed");
            }
            if (inLoopThread()) {
                stopRequested = false;
                return;
            }
            if (thread != null && !stopRequested) {
                return;
            }
            awaitThreadEnd();
            if (liveThread != null) {
                throw new IllegalStateException("Interrupted while the loop " + threadName + " was stopping");
            }
            stopRequested = false;
            Thread loopThread = new Thread(this::run, threadName);
            liveThread = loopThread;
            thread = loopThread;
            loopThread.start();
        }
    }

    /**
     * Asks the loop to end after the current iteration; thread-safe. Sockets, timers and queued
     * tasks stay, and {@link #start()} resumes them.
     */
    public void stop() {
        stopRequested = true;
        handlers.wakeup();
    }

    /**
     * Stops the loop, closes every stream still open on it, waits for the loop thread to end and
     * releases the selector. Streams close with their socket's linger, sending what they have queued
     * within it while the loop runs; on a loop that is stopped or stopping, what the sockets cannot
     * take at once is reported as not sent. Called on the loop thread, streams close at once
     * (linger 0) and the thread ends after the current iteration. Idempotent.
     *
     * <p>Close waits for a callback in progress, but not forever: a loop thread that has been in one
     * callback for {@link #CLOSE_GRACE} is interrupted, and {@code CLOSE_GRACE} later close stops
     * waiting for it and logs where it is stuck. So close takes at most the streams' longest linger
     * plus twice {@code CLOSE_GRACE}, whatever a callback does. An interrupt of the calling thread
     * ends the wait sooner, the interrupt flag kept set.
     */
    @Override
    public void close() {
        if (!closeStarted.compareAndSet(false, true)) {
            return;
        }
        BooleanSupplier stuck = callbacks.closeWatch(() -> thread);
        closeStreams(stuck);
        stop();
        if (!inLoopThread() && awaitThreadEnd(stuck)) {
            releaseSelector();
        }
    }

    private void closeStreams(BooleanSupplier stuck) {
        boolean onLoop = inLoopThread();
        List<ZMQStream> open = getStreams();
        stopDeliveries(open, stuck);
        open.forEach(stream -> stream.closeAsync(onLoop ? 0 : -1));
        if (!onLoop) {
            open.forEach(stream -> stream.awaitClosed(stuck));
        }
    }

    /**
     * Stops every stream's receive callback and waits until none still runs, before any stream
     * closes: a callback on one stream may send on another (a listener's reply), which must not be
     * closed under it. Messages not yet delivered stay in ZeroMQ's queues, as they would at close.
     */
    private void stopDeliveries(List<ZMQStream> open, BooleanSupplier stuck) {
        open.forEach(ZMQStream::stopOnRecv);
        if (ownsSockets()) {
            return;
        }
        LoopFuture<Void> callbacksDone = new LoopFuture<>(() -> null);
        if (!ownership.runWhileLoopStopped(callbacksDone)) {
            queueForRunningLoop(callbacksDone);
            awaitLoop(callbacksDone, () -> { }, stuck);
        }
    }

    /** Like {@link #awaitThreadEnd()}, unless {@code stuck} gives up first: then {@code false}. */
    private boolean awaitThreadEnd(BooleanSupplier stuck) {
        synchronized (lifecycleLock) {
            while (liveThread != null) {
                if (stuck.getAsBoolean()) {
                    return false;
                }
                try {
                    lifecycleLock.wait(WAIT_POLL_MILLIS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void awaitThreadEnd() {
        synchronized (lifecycleLock) {
            if (liveThread == Thread.currentThread()) {
                throw new IllegalStateException("The loop " + threadName + " cannot wait for its own thread to end");
            }
            while (liveThread != null) {
                try {
                    lifecycleLock.wait();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void releaseSelector() {
        if (terminated) {
            return;
        }
        terminated = true;
        try {
            handlers.close();
        }
        catch (IOException ex) {
            log.warn("Closing the selector of loop {} failed", threadName, ex);
        }
    }

    /**
     * Whether the loop thread is running.
     *
     * @return {@code true} from {@link #start()} until the thread has finished its last iteration
     */
    public boolean isRunning() {
        return thread != null;
    }

    /**
     * Whether the caller is this loop's thread.
     *
     * @return {@code true} on the loop thread
     */
    public boolean inLoopThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Whether the caller may touch the sockets now: the loop thread while it runs, or a caller that
     * took them while it does not. The one rule for "may I touch the socket", in the loop and its streams.
     */
    boolean ownsSockets() {
        return ownership.isOwner();
    }

    /**
     * The context this loop's sockets come from.
     *
     * @return the context
     */
    public ZContext getContext() {
        return context;
    }

    /**
     * The loop thread's name.
     *
     * @return the name
     */
    public String getThreadName() {
        return threadName;
    }

    /**
     * Tasks queued for the loop thread and not yet run, for monitoring: counting walks the queue.
     *
     * @return the number of pending tasks
     */
    public int getPendingTasks() {
        return tasks.size();
    }

    /**
     * How many messages a stream handles each way in one turn before the next stream gets its turn.
     *
     * @return the budget
     */
    public int getBatchBudget() {
        return batchBudget;
    }

    /**
     * Sets how many messages a stream handles each way in one turn; pyzmq handles one.
     *
     * @param budget at least 1
     */
    public void setBatchBudget(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("The batch budget must be at least 1, was " + budget);
        }
        this.batchBudget = budget;
    }

    /**
     * How long the loop, after an iteration that did work, watches for new tasks before it sleeps.
     *
     * @return the spin time
     */
    public Duration getSpinTime() {
        return Duration.ofNanos(spinNanos);
    }

    /**
     * Sets how long the loop, after an iteration that did work, watches for new tasks before it
     * sleeps. Longer spins make sends from other threads faster under load at the cost of up to
     * that much CPU each time the loop goes idle; zero never spins. An idle loop never spins.
     *
     * @param spinTime zero or positive
     */
    public void setSpinTime(Duration spinTime) {
        if (spinTime.isNegative()) {
            throw new IllegalArgumentException("The spin time must not be negative, was " + spinTime);
        }
        this.spinNanos = spinTime.toNanos();
    }

    /**
     * Runs a task on the loop thread, after the tasks queued before it: tornado's {@code add_callback}.
     *
     * @param task the task
     * @throws RejectedExecutionException when the loop was closed
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (terminated) {
            throw new RejectedExecutionException("The loop " + threadName + " is closed");
        }
        queue(task);
    }

    private void queue(Runnable task) {
        tasks.add(task);
        if (!inLoopThread() && !wakeupPending.get() && wakeupPending.compareAndSet(false, true)) {
            handlers.wakeup();
        }
    }

    /**
     * Queues a loop task from any thread, JeroMQ's I/O threads and the loop thread included, for a
     * later turn: never run on the calling thread and never blocking. The loop thread runs it, or
     * whoever owns the sockets next.
     */
    void queueLoopTask(LoopTask task) {
        queue(task);
    }

    /**
     * Queues a loop task for the loop thread, even one that is closing the loop: if the thread ends
     * before reaching it, the caller runs it as the sockets' owner.
     */
    private void queueForRunningLoop(LoopTask task) {
        queue(task);
        ownership.runLeftBehind();
    }

    /**
     * Runs a callback on the loop thread, after the tasks queued before it; same as {@link #execute(Runnable)}.
     *
     * @param callback the callback
     */
    public void addCallback(Runnable callback) {
        execute(callback);
    }

    /**
     * Runs a callback on the loop thread once a delay has passed: tornado's {@code call_later}.
     *
     * @param delay how long to wait
     * @param callback what to run
     * @return a handle that cancels the callback
     */
    public Timeout callLater(Duration delay, Runnable callback) {
        return callAt(System.nanoTime() + delay.toNanos(), callback);
    }

    Timeout callAt(long deadlineNanos, Runnable callback) {
        Timeout timeout = timers.newTimeout(deadlineNanos, Objects.requireNonNull(callback, "callback"));
        runOnLoop(() -> timers.add(timeout));
        return timeout;
    }

    /** Timers scheduled and not yet run or removed, cancelled ones included; for tests. */
    int scheduledTimers() {
        return callOnLoop(timers::size);
    }

    /**
     * Runs a task on the loop thread and completes the future with its result.
     *
     * @param <T> the result type
     * @param task the task
     * @return a future completed on the loop thread, with the task's result or its exception
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            }
            catch (Throwable ex) {
                result.completeExceptionally(ex);
            }
        });
        return result;
    }

    /**
     * Runs a task on the loop thread and waits for its result: tornado's {@code run_sync}. On the
     * loop thread, or while the loop is not running, the task runs at once on the calling thread,
     * which owns the sockets meanwhile.
     *
     * @param <T> the result type
     * @param task the task
     * @param timeout how long to wait
     * @return the task's result
     * @throws TimeoutException when the task has not finished in time
     * @throws Exception what the task threw
     */
    public <T> T runSync(Callable<T> task, Duration timeout) throws Exception {
        if (ownsSockets()) {
            return task.call();
        }
        LoopFuture<T> future = new LoopFuture<>(task);
        if (!ownership.runWhileLoopStopped(future)) {
            queueForRunningLoop(future);
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof Exception cause ? cause : ex;
        }
    }

    /**
     * Runs a task where the sockets are owned and waits for it: on the loop thread when the loop runs,
     * otherwise on the calling thread. Unchecked exceptions reach the caller as thrown.
     */
    <T> T callOnLoop(Callable<T> task) {
        if (ownsSockets()) {
            return callUnchecked(task);
        }
        LoopFuture<T> future = new LoopFuture<>(task);
        if (!ownership.runWhileLoopStopped(future)) {
            queueForRunningLoop(future);
            awaitLoop(future, () -> { });
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Interrupted while waiting for loop " + threadName
                    + "; the task still runs there");
        }
        try {
            return future.get();
        }
        catch (ExecutionException ex) {
            throw rethrowUnchecked(ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for loop " + threadName, ex);
        }
    }

    /** Runs a task where the sockets are owned: at once on the loop thread or while the loop is not running. */
    void runOnLoop(LoopTask task) {
        if (ownsSockets()) {
            task.run();
        }
        else if (!ownership.runWhileLoopStopped(task)) {
            queueForRunningLoop(task);
        }
    }

    /**
     * Waits for work handed to the loop thread. If that thread stops before finishing it, the caller
     * takes over the sockets, runs the loop tasks left behind and then {@code ifLoopEnded}, unless
     * the work is done by then. An interrupt of the caller ends the wait at once, the interrupt
     * flag kept set; the work goes on on the loop.
     */
    void awaitLoop(Future<?> work, Runnable ifLoopEnded) {
        awaitLoop(work, ifLoopEnded, () -> false);
    }

    /** Like {@link #awaitLoop(Future, Runnable)}, until {@code giveUp} says to stop waiting. */
    void awaitLoop(Future<?> work, Runnable ifLoopEnded, BooleanSupplier giveUp) {
        while (!work.isDone() && !giveUp.getAsBoolean()) {
            try {
                work.get(WAIT_POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException ex) {
                ownership.runWhileLoopStopped(() -> {
                    if (!work.isDone()) {
                        ifLoopEnded.run();
                    }
                });
            }
            catch (ExecutionException ex) {
                return;
            }
            catch (InterruptedException ex) {
                // The caller was told to stop: it stops waiting, the loop goes on with the work.
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static <T> T callUnchecked(Callable<T> task) {
        try {
            return task.call();
        }
        catch (Exception ex) {
            throw rethrowUnchecked(ex);
        }
    }

    private static RuntimeException rethrowUnchecked(Throwable ex) {
        if (ex instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (ex instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(ex);
    }

    /**
     * Calls a handler on the loop thread while a socket has any of the given events: tornado's
     * {@code add_handler}. The handler is called again as long as the events remain. When the socket
     * can no longer be polled (its context was terminated), the handler is called once with
     * {@link ZMQ.Poller#POLLERR} and removed. Waits for the loop thread, so that a registration the
     * loop refuses fails the caller.
     *
     * @param socket the socket; from now on only the loop thread may touch it
     * @param handler the handler
     * @param events a mask of {@link ZMQ.Poller#POLLIN} and {@link ZMQ.Poller#POLLOUT}; 0 registers without interest
     * @throws IllegalStateException when the socket already has a handler on this loop
     */
    public void addHandler(ZMQ.Socket socket, SocketHandler handler, int events) {
        addSocketHandler(socket, handler, events, false);
    }

    /**
     * Registers a socket's handler, waiting for the loop thread.
     *
     * @param reportsOwnErrors whether the handler logs what makes its socket unusable itself, so
     *        that the loop does not log it too
     */
    void addSocketHandler(ZMQ.Socket socket, SocketHandler handler, int events, boolean reportsOwnErrors) {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(handler, "handler");
        callOnLoop(Executors.callable(() -> handlers.addSocket(socket, handler, events, reportsOwnErrors)));
    }

    /**
     * Calls a handler on the loop thread when a non-blocking channel is ready. Waits for the loop
     * thread, so that a registration the loop refuses fails the caller.
     *
     * @param channel the channel; it is switched to non-blocking mode
     * @param handler the handler
     * @param events a mask of {@code ZMQ.Poller.POLLIN} (read or accept) and {@code ZMQ.Poller.POLLOUT} (write or connect)
     */
    public void addHandler(SelectableChannel channel, ChannelHandler handler, int events) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(handler, "handler");
        callOnLoop(Executors.callable(() -> handlers.addChannel(channel, handler, events)));
    }

    /**
     * Changes the events a registered socket's handler is called for: tornado's {@code update_handler}.
     *
     * @param socket the registered socket
     * @param events the new mask of {@link ZMQ.Poller#POLLIN} and {@link ZMQ.Poller#POLLOUT}
     */
    public void updateHandler(ZMQ.Socket socket, int events) {
        runOnLoop(() -> handlers.changeInterest(socket, events));
    }

    /**
     * Changes the events a registered channel's handler is called for.
     *
     * @param channel the registered channel
     * @param events the new mask of {@code ZMQ.Poller.POLLIN} and {@code ZMQ.Poller.POLLOUT}
     */
    public void updateHandler(SelectableChannel channel, int events) {
        runOnLoop(() -> handlers.changeInterest(channel, events));
    }

    /**
     * Leaves {@code POLLOUT} out of a socket's ready events until its descriptor signals a change of
     * state, or a few milliseconds have passed: for a socket that reports room while it refuses a
     * message, as JeroMQ's ROUTER does for a peer whose pipe is full. Calling its handler again at
     * once would spin the loop until that peer reads. Loop thread only.
     *
     * @param socket the registered socket that refused a message although it reported {@code POLLOUT}
     */
    void deferOutput(ZMQ.Socket socket) {
        handlers.deferOutput(socket);
    }

    /**
     * Stops calling the socket's handler: tornado's {@code remove_handler}. The socket is not closed.
     *
     * @param socket the registered socket
     */
    public void removeHandler(ZMQ.Socket socket) {
        runOnLoop(() -> handlers.unregister(socket));
    }

    /**
     * Stops calling the channel's handler. The channel is not closed.
     *
     * @param channel the registered channel
     */
    public void removeHandler(SelectableChannel channel) {
        runOnLoop(() -> handlers.unregister(channel));
    }

    /**
     * The streams open on this loop: created and not yet closed.
     *
     * @return a snapshot, in the order the streams were created
     */
    public List<ZMQStream> getStreams() {
        synchronized (streams) {
            return List.copyOf(streams);
        }
    }

    /**
     * Adds a listener that hears when streams of this loop open, are named and close. Streams open
     * already are not announced: read them with {@link #getStreams()} after adding the listener.
     *
     * @param listener the listener
     */
    public void addStreamLifecycleListener(StreamLifecycleListener listener) {
        streamListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added with {@link #addStreamLifecycleListener(StreamLifecycleListener)}.
     *
     * @param listener the listener
     */
    public void removeStreamLifecycleListener(StreamLifecycleListener listener) {
        streamListeners.remove(listener);
    }

    void attach(ZMQStream stream) {
        synchronized (streams) {
            streams.add(stream);
        }
        announce(stream, listener -> listener.streamOpened(stream));
    }

    void renamed(ZMQStream stream, String previousName) {
        announce(stream, listener -> listener.streamRenamed(stream, previousName));
    }

    void detach(ZMQStream stream) {
        boolean removed;
        synchronized (streams) {
            removed = streams.remove(stream);
        }
        if (removed) {
            announce(stream, listener -> listener.streamClosed(stream));
        }
    }

    private void announce(ZMQStream stream, Consumer<StreamLifecycleListener> event) {
        for (StreamLifecycleListener listener : streamListeners) {
            try {
                event.accept(listener);
            }
            catch (RuntimeException ex) {
                log.error("A stream lifecycle listener failed on {}; the stream goes on", stream, ex);
            }
        }
    }

    /** Runs a callback on the loop thread, noting how long it has been in it. */
    private void runCallback(Runnable callback, String what) {
        callbacks.enter();
        try {
            runGuarded(callback, what);
        }
        finally {
            callbacks.leave();
        }
    }

    /** Runs a callback, logging instead of propagating what it throws. */
    void runGuarded(Runnable callback, String what) {
        try {
            callback.run();
        }
        catch (Throwable ex) {
            log.error("A {} failed on loop {}; the loop goes on", what, threadName, ex);
        }
    }

    // ---- the loop thread ----

    private void run() {
        ownership.acquireForLoopThread();
        CURRENT.set(this);
        try {
            while (!stopRequested) {
                try {
                    runIteration();
                }
                catch (Throwable ex) {
                    if (!handlers.isOpen()) {
                        break;
                    }
                    log.error("Loop {} iteration failed; the loop goes on", threadName, ex);
                }
            }
        }
        finally {
            CURRENT.remove();
            // From here callers that need the sockets run their work themselves, once this thread
            // has run the loop tasks it did not reach and let go of the sockets.
            thread = null;
            ownership.releaseFromLoopThread();
            synchronized (lifecycleLock) {
                liveThread = null;
                lifecycleLock.notifyAll();
            }
            if (closeStarted.get()) {
                releaseSelector();
            }
        }
    }

    private void runIteration() throws IOException {
        timers.runDue(System.nanoTime(), runTimer);
        boolean worked = runTasks() | handlers.runReadyHandlers();
        waitForEvents(worked);
    }

    private boolean runTasks() {
        int run = 0;
        Runnable task;
        while (run < TASK_BUDGET && (task = tasks.poll()) != null) {
            runCallback(task, "task");
            run++;
        }
        return run > 0;
    }

    private void waitForEvents(boolean worked) throws IOException {
        long now = System.nanoTime();
        if (handlers.hasReady() || !tasks.isEmpty()) {
            if (now - lastSelectNanos >= BUSY_SELECT_INTERVAL_NANOS) {
                selectNow(now);
            }
            return;
        }
        long timeoutMillis = timers.millisUntilNext(now);
        if (timeoutMillis == 0 || (worked && taskArrivesWhileSpinning())) {
            selectNow(now);
            return;
        }
        // From here a producer that queues a task must wake the selector; re-check after opening the gate.
        wakeupPending.set(false);
        if (!tasks.isEmpty() || stopRequested) {
            selectNow(now);
            return;
        }
        // A timeout of 0 selects without a time limit: there is no timer (-1).
        handlers.select(Math.max(timeoutMillis, 0));
        lastSelectNanos = System.nanoTime();
    }

    private void selectNow(long now) throws IOException {
        handlers.selectNow();
        lastSelectNanos = now;
    }

    /**
     * After a busy iteration, watch the task queue for a moment before sleeping: waking a sleeping
     * selector costs the sender a system call and the loop tens of microseconds, so a steady stream
     * of sends from other threads runs much faster when the loop stays awake between them. An idle
     * loop does no work and therefore never spins.
     */
    private boolean taskArrivesWhileSpinning() {
        long spin = spinNanos;
        if (spin <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + spin;
        do {
            if (!tasks.isEmpty()) {
                return true;
            }
            Thread.onSpinWait();
        }
        while (System.nanoTime() - deadline < 0);
        return false;
    }
}
