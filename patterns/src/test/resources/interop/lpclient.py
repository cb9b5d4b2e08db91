"""The ZeroMQ Guide's Lazy Pirate client: a REQ that sends numbered requests one at a time, and
when a reply does not come within --timeout ms closes its socket, opens a new one and sends the
request again, up to --retries times. With --majordomo SERVICE it is a Majordomo Protocol 0.1
client as the Guide's mdcliapi is, sending ["MDPC01", service, request]. A reply that answers
anything but the request in flight counts as a mismatch. Says READY, then RESULT with what it saw."""
import zmq

import interop_peer

MAJORDOMO_CLIENT = b"MDPC01"

args = interop_peer.arguments(__doc__, lambda parser: (
    parser.add_argument("--connect", required=True),
    parser.add_argument("--name", default="client"),
    parser.add_argument("--requests", type=int, default=100),
    parser.add_argument("--timeout", type=int, default=2500, help="ms to wait for a reply"),
    parser.add_argument("--retries", type=int, default=5),
    parser.add_argument("--majordomo", metavar="SERVICE", help="ask this Majordomo service")))

context = zmq.Context()
header = [MAJORDOMO_CLIENT, args.majordomo.encode()] if args.majordomo else []


def open_socket():
    socket = context.socket(zmq.REQ)
    socket.linger = 0
    socket.connect(args.connect)
    return socket


client = open_socket()
interop_peer.say("READY", args.connect)
answered = resent = failed = mismatches = 0
for sequence in range(args.requests):
    request = ("%s-%d" % (args.name, sequence)).encode()
    for attempt in range(args.retries + 1):
        client.send_multipart(header + [request])
        if client.poll(args.timeout):
            if client.recv_multipart() == header + [b"re:" + request]:
                answered += 1
            else:
                mismatches += 1
            break
        # No reply: the REQ waits for it forever, so it goes, and a new one asks again.
        client.close()
        client = open_socket()
        if attempt == args.retries:
            failed += 1
        else:
            resent += 1
interop_peer.result(answered=answered, resent=resent, failed=failed, mismatches=mismatches)
context.destroy(linger=0)
