"""A PUSH peer: sends --count messages "msg-<n>" and waits until they have left."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--count", type=int, required=True)))

context = zmq.Context()
push = context.socket(zmq.PUSH)
interop_peer.attach(push, args)
for n in range(args.count):
    push.send(interop_peer.numbered(n))
push.close(linger=20000)
context.term()
interop_peer.result(sent=args.count)
