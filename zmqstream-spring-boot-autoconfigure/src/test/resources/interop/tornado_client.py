"""pyzmq's own ZMQStream on tornado's IOLoop as a DEALER client: sends --requests requests
"req-<n>" behind an empty delimiter at once and counts the replies "re:req-<n>" in on_recv."""
import zmq
from tornado.ioloop import IOLoop
from zmq.eventloop.zmqstream import ZMQStream

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--requests", type=int, required=True)))

context = zmq.Context()
dealer = context.socket(zmq.DEALER)
interop_peer.attach(dealer, args)
loop = IOLoop.current()
stream = ZMQStream(dealer, loop)
replies = {"count": 0, "matching": 0}


def on_reply(frames):
    if frames == [b"", ("re:req-%d" % replies["count"]).encode()]:
        replies["matching"] += 1
    replies["count"] += 1
    if replies["count"] == args.requests:
        loop.stop()


stream.on_recv(on_reply)
for n in range(args.requests):
    stream.send_multipart([b"", ("req-%d" % n).encode()])
loop.call_later(30, loop.stop)
loop.start()
interop_peer.result(replies=replies["count"], matching=replies["matching"])
stream.close(linger=0)
context.destroy(linger=0)
