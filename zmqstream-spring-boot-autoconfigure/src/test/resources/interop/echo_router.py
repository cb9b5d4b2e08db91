"""A ROUTER that sends every message back as it came, in its envelope, to the client that sent it;
it waits when a client's queue is full instead of dropping. With --curve it is a CURVE server with a
new key pair and says KEY <public key> first. Runs until it is killed or its stdin closes."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--curve", action="store_true")))

context = zmq.Context()
server = context.socket(zmq.ROUTER)
server.router_mandatory = True
if args.curve:
    public, secret = zmq.curve_keypair()
    server.curve_server = True
    server.curve_secretkey = secret
    interop_peer.say("KEY", public.decode())
interop_peer.attach(server, args)
while True:
    server.send_multipart(server.recv_multipart())
