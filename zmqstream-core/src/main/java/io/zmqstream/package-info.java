/**
 * The core of zmqstream: pyzmq's {@code ZMQStream} for JeroMQ sockets, driven by one
 * {@link io.zmqstream.ZmqIoLoop} thread.
 *
 * <p>This package is Spring-free: it depends on JeroMQ and SLF4J only (Jackson optionally, for
 * {@link io.zmqstream.ZMQStream#sendJson(Object)}). Every public method of
 * {@link io.zmqstream.ZmqIoLoop} and {@link io.zmqstream.ZMQStream} may be called from any
 * thread; sockets are only touched by the loop thread once a stream owns them.
 *
 * <h2>A map of the package</h2>
 * <table>
 * <caption>What each part is for</caption>
 * <tr><th>part</th><th>types</th></tr>
 * <tr><td>front doors</td><td>{@link io.zmqstream.ZmqIoLoop}, {@link io.zmqstream.ZMQStream},
 *     {@link io.zmqstream.PeriodicCallback}, {@link io.zmqstream.Timeout}</td></tr>
 * <tr><td>receive callbacks</td><td>{@link io.zmqstream.RecvCallback}, {@link io.zmqstream.RecvStreamCallback},
 *     {@link io.zmqstream.FrameCallback}, {@link io.zmqstream.FrameStreamCallback},
 *     {@link io.zmqstream.AsyncRecvCallback}, {@link io.zmqstream.AsyncFrameCallback},
 *     {@link io.zmqstream.Frame}</td></tr>
 * <tr><td>sending</td><td>{@link io.zmqstream.SendCallback}, {@link io.zmqstream.SendStreamCallback},
 *     {@link io.zmqstream.MessageTracker}, {@link io.zmqstream.SendFailure},
 *     {@link io.zmqstream.SendQueueOptions}, {@link io.zmqstream.OverflowPolicy},
 *     {@link io.zmqstream.SendQueueFullException}, {@link io.zmqstream.JsonEncoder},
 *     {@link io.zmqstream.JacksonJsonEncoder}, {@link io.zmqstream.JavaSerialization},
 *     {@link io.zmqstream.SocketDirections}</td></tr>
 * <tr><td>context carried with messages</td><td>{@link io.zmqstream.StreamTracing},
 *     {@link io.zmqstream.SendDecorator}, {@link io.zmqstream.TraceContextFrame}</td></tr>
 * <tr><td>raw handlers on the loop</td><td>{@link io.zmqstream.SocketHandler},
 *     {@link io.zmqstream.ChannelHandler}</td></tr>
 * <tr><td>statistics and health</td><td>{@link io.zmqstream.StreamStatistics},
 *     {@link io.zmqstream.LoopLagMonitor}, {@link io.zmqstream.StreamLifecycleListener},
 *     {@link io.zmqstream.JeroMqFailures}, {@link io.zmqstream.JeroMqRuntime}</td></tr>
 * <tr><td>connections</td><td>{@link io.zmqstream.StreamConnections},
 *     {@link io.zmqstream.EndpointConnections}, {@link io.zmqstream.ConnectionEvent},
 *     {@link io.zmqstream.ConnectionEventCallback}</td></tr>
 * <tr><td>internals of a stream (package-private)</td><td>its send path ({@code StreamOutbox}, with
 *     {@code SendQueue} and {@code OutboundMessage}), its receive side ({@code StreamInbox}), what the loop
 *     thread does for it ({@code StreamDriver}), what it puts on its socket ({@code StreamSocketGuard},
 *     {@code StreamEndpoints})</td></tr>
 * <tr><td>internals of the loop (package-private)</td><td>its handler table ({@code LoopHandlers},
 *     {@code PollEvents}), queues and owner ({@code TaskQueue}, {@code TimerQueue}, {@code LoopTask},
 *     {@code LoopFuture}, {@code SocketOwnership}), its watch on slow callbacks ({@code CallbackWatch})</td></tr>
 * <tr><td>guards against hostile peers and JeroMQ's defects (package-private)</td><td>{@code FrameLengthGuard},
 *     {@code OversizePeers}, {@code ConnectionMonitor}, {@code HandshakeHealer}, {@code LoopbackIpc}</td></tr>
 * </table>
 *
 * <p>Capabilities that stand on this package's public API have leaf packages of their own:
 * {@link io.zmqstream.proxy} (proxies between two streams), {@link io.zmqstream.zap} (who may
 * connect to CURVE servers) and {@link io.zmqstream.request} (request/reply with correlation,
 * timeouts and retries); {@code io.zmqstream.internal} holds helpers they share with this
 * package and is not API.
 */
package io.zmqstream;
