"""A PULL peer: receives --count messages "msg-<n>" and reports how many came and whether in order."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--count", type=int, required=True)))

context = zmq.Context()
pull = context.socket(zmq.PULL)
interop_peer.attach(pull, args)
received = []
interop_peer.receive_until(pull, lambda frames: received.append(frames), lambda: len(received) == args.count)
expected = [[interop_peer.numbered(n)] for n in range(len(received))]
interop_peer.result(received=len(received), in_order=received == expected)
context.destroy(linger=0)
