"""A pyzmq dead-letter service, written from README "Retries and dead letters" alone: it pushes
--count orders to --orders, then reads the dead letters from --letters. A dead letter's first frame
is the text "zmq-dead-letter/1\\n" then "name: value\\n" lines; the message's frames follow. It says
RESULT with each dead letter's fields and frames, in the order they came."""
import zmq

import interop_peer

FIRST_LINE = b"zmq-dead-letter/1\n"

args = interop_peer.arguments(__doc__, lambda parser: (
    parser.add_argument("--orders", required=True),
    parser.add_argument("--letters", required=True),
    parser.add_argument("--count", type=int, default=3)))


context = zmq.Context()
letters = context.socket(zmq.PULL)
letters.connect(args.letters)
orders = context.socket(zmq.PUSH)
orders.connect(args.orders)
interop_peer.say("READY", args.orders)
for n in range(args.count):
    orders.send(("order-%d" % n).encode())

found = []


def take(message):
    head, *frames = message
    found.append({"format": head.startswith(FIRST_LINE), "fields": interop_peer.frame_fields(FIRST_LINE, head) or {},
                  "frames": [frame.decode() for frame in frames]})


interop_peer.receive_until(letters, take, lambda: len(found) == args.count)
interop_peer.result(letters=found)
