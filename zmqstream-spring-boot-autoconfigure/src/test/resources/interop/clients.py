"""Concurrent REQ or DEALER clients. Client c sends --requests requests "c<c>-r<r>" and expects each
answered by "re:c<c>-r<r>". Even DEALER clients put an empty delimiter in front of the body, as REQ
does, odd ones send the body alone: the reply must come back in the same envelope."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--type", choices=["req", "dealer"], required=True),
    parser.add_argument("--clients", type=int, default=1),
    parser.add_argument("--requests", type=int, default=1),
    parser.add_argument("--reply-timeout", type=int, default=20000, help="ms of silence before giving up"),
    parser.add_argument("--curve-server-key", help="Z85 public key of a CURVE server; give it as --curve-server-key=KEY, "
                        "since a Z85 key may begin with '-'"),
    parser.add_argument("--curve-key-pair", metavar="PUBLIC,SECRET", type=lambda pair: pair.split(","),
                        help="the clients' Z85 key pair (--curve-key-pair=PUBLIC,SECRET); a new one without it"),
    parser.add_argument("--plain-username", help="a PLAIN client's user name, with --plain-password"),
    parser.add_argument("--plain-password")))

context = zmq.Context()
clients = []
for c in range(args.clients):
    socket = context.socket(zmq.REQ if args.type == "req" else zmq.DEALER)
    if args.curve_server_key:
        interop_peer.curve_client(socket, args.curve_server_key, args.curve_key_pair)
    if args.plain_username:
        socket.plain_username = args.plain_username.encode()
        socket.plain_password = args.plain_password.encode()
    socket.connect(args.connect)
    clients.append(socket)
interop_peer.say("READY", args.connect)


def envelope(c):
    return [b""] if args.type == "dealer" and c % 2 == 0 else []


def request(c, r):
    return envelope(c) + [("c%d-r%d" % (c, r)).encode()]


def expected_reply(c, r):
    return envelope(c) + [("re:c%d-r%d" % (c, r)).encode()]


in_flight = 1 if args.type == "req" else args.requests
sent = [0] * args.clients
answered = [0] * args.clients
mismatches = []
poller = zmq.Poller()
for c, socket in enumerate(clients):
    poller.register(socket, zmq.POLLIN)
    while sent[c] < in_flight:
        socket.send_multipart(request(c, sent[c]))
        sent[c] += 1
while sum(answered) < args.clients * args.requests:
    ready = dict(poller.poll(args.reply_timeout))
    if not ready:
        break
    for c, socket in enumerate(clients):
        if socket in ready:
            reply = socket.recv_multipart()
            if reply != expected_reply(c, answered[c]):
                mismatches.append(repr(reply))
            answered[c] += 1
            if sent[c] < args.requests:
                socket.send_multipart(request(c, sent[c]))
                sent[c] += 1
interop_peer.result(replies=sum(answered), mismatches=len(mismatches), first_mismatches=mismatches[:3])
context.destroy(linger=0)
