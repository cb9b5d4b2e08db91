"""A Majordomo Protocol 0.1 client as the ZeroMQ Guide's mdcliapi is: a REQ that sends
["MDPC01", service, request] and expects ["MDPC01", service, "re:" + request]; when no reply comes
within --timeout ms it closes its socket, opens a new one and asks again, up to --retries times.
Says READY, then RESULT with what it saw."""
import zmq

import interop_peer

CLIENT = b"MDPC01"

args = interop_peer.arguments(__doc__, lambda parser: (
    parser.add_argument("--connect", required=True),
    parser.add_argument("--service", default="echo"),
    parser.add_argument("--name", default="client"),
    parser.add_argument("--requests", type=int, default=100),
    parser.add_argument("--timeout", type=int, default=2500),
    parser.add_argument("--retries", type=int, default=5)))

context = zmq.Context()


def open_socket():
    socket = context.socket(zmq.REQ)
    socket.linger = 0
    socket.connect(args.connect)
    return socket


client = open_socket()
interop_peer.say("READY", args.connect)
service = args.service.encode()
answered = resent = failed = mismatches = 0
for sequence in range(args.requests):
    request = ("%s-%d" % (args.name, sequence)).encode()
    for attempt in range(args.retries + 1):
        client.send_multipart([CLIENT, service, request])
        if client.poll(args.timeout):
            if client.recv_multipart() == [CLIENT, service, b"re:" + request]:
                answered += 1
            else:
                mismatches += 1
            break
        client.close()
        client = open_socket()
        if attempt == args.retries:
            failed += 1
        else:
            resent += 1
interop_peer.result(answered=answered, resent=resent, failed=failed, mismatches=mismatches)
context.destroy(linger=0)
