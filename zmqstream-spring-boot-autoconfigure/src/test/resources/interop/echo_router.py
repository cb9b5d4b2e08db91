"""A ROUTER that sends every message back as it came, in its envelope, to the client that sent it;
it waits when a client's queue is full instead of dropping. With --curve it is a CURVE server with a
new key pair and says KEY <public key> first; with --plain USER:PASSWORD it is a PLAIN server that
pyzmq's own authenticator (zmq.auth) opens to that one user. Runs until it is killed or its stdin
closes."""
import zmq
from zmq.auth.thread import ThreadAuthenticator

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--curve", action="store_true"),
    parser.add_argument("--plain", metavar="USER:PASSWORD", type=lambda user: user.split(":", 1))))

context = zmq.Context()
server = context.socket(zmq.ROUTER)
server.router_mandatory = True
if args.curve:
    public, secret = zmq.curve_keypair()
    server.curve_server = True
    server.curve_secretkey = secret
    interop_peer.say("KEY", public.decode())
if args.plain:
    authenticator = ThreadAuthenticator(context)
    authenticator.start()
    authenticator.configure_plain(domain="*", passwords={args.plain[0]: args.plain[1]})
    server.plain_server = True
interop_peer.attach(server, args)
while True:
    server.send_multipart(server.recv_multipart())
