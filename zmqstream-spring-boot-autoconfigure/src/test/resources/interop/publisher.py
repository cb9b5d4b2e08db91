"""A publisher on an XPUB socket: waits until a subscriber subscribes to --topic (SUBSCRIBED), then
publishes --count messages on --topic and as many on --other-topic, interleaved, and "<topic> end"."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--topic", required=True),
    parser.add_argument("--other-topic", required=True),
    parser.add_argument("--count", type=int, required=True)))

context = zmq.Context()
xpub = context.socket(zmq.XPUB)
xpub.setsockopt(zmq.SNDHWM, 0)
interop_peer.attach(xpub, args)
subscriptions = []
interop_peer.receive_until(xpub, lambda frames: subscriptions.append(frames[0]),
                           lambda: b"\x01" + args.topic.encode() in subscriptions)
interop_peer.say("SUBSCRIBED", args.topic)
for n in range(args.count):
    xpub.send_string("%s %d" % (args.topic, n))
    xpub.send_string("%s %d" % (args.other_topic, n))
xpub.send_string(args.topic + " end")
xpub.close(linger=20000)
context.term()
interop_peer.result(sent=2 * args.count + 1, subscriptions=[s.decode("latin-1") for s in subscriptions])
