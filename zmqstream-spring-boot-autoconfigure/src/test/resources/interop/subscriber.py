"""A SUB peer subscribed to --topic. It says FIRST when the first message arrives (the subscription
has reached the publisher), then counts what arrives between "<topic> begin" and "<topic> end",
leaving out "<topic> probe" messages a publisher may send until it hears of FIRST."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--topic", required=True)))

context = zmq.Context()
sub = context.socket(zmq.SUB)
sub.setsockopt_string(zmq.SUBSCRIBE, args.topic)
interop_peer.attach(sub, args)
seen = {"messages": 0, "in_burst": 0, "other_topics": 0, "burst": False, "ended": False}


def count(frames):
    text = frames[0].decode()
    if seen["messages"] == 0:
        interop_peer.say("FIRST")
    seen["messages"] += 1
    if not text.startswith(args.topic):
        seen["other_topics"] += 1
    elif text == args.topic + " begin":
        seen["burst"] = True
    elif text == args.topic + " end":
        seen["ended"] = True
    elif seen["burst"] and text != args.topic + " probe":
        seen["in_burst"] += 1


interop_peer.receive_until(sub, count, lambda: seen["ended"])
interop_peer.result(in_burst=seen["in_burst"], other_topics=seen["other_topics"], ended=seen["ended"])
context.destroy(linger=0)
