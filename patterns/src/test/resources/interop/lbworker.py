"""A worker of the ZeroMQ Guide's load-balancing broker: a REQ that says READY, then answers each
[client, "", request] with [client, "", "re:" + request]. Says READY, then SERVED <n> after each
reply. Runs until it is killed."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: parser.add_argument("--connect", required=True))

context = zmq.Context()
worker = context.socket(zmq.REQ)
worker.connect(args.connect)
worker.send(b"READY")
interop_peer.say("READY", args.connect)
served = 0
while True:
    client, empty, request = worker.recv_multipart()
    worker.send_multipart([client, empty, b"re:" + request])
    served += 1
    interop_peer.say("SERVED", served)
