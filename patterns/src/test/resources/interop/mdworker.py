"""A Majordomo Protocol 0.1 worker as the ZeroMQ Guide's mdwrkapi is: a DEALER that registers for
--service with READY, answers each REQUEST [client, "", request] with a REPLY
[client, "", "re:" + request], heartbeats every --heartbeat ms, and when the broker says DISCONNECT
or has been silent for --liveness heartbeats reconnects and registers again. Says READY, then
SERVED <n> after each reply. Runs until it is killed."""
import time

import zmq

import interop_peer

WORKER = b"MDPW01"
READY, REQUEST, REPLY, HEARTBEAT, DISCONNECT = b"\x01", b"\x02", b"\x03", b"\x04", b"\x05"

args = interop_peer.arguments(__doc__, lambda parser: (
    parser.add_argument("--connect", required=True),
    parser.add_argument("--service", default="echo"),
    parser.add_argument("--heartbeat", type=int, default=1000),
    parser.add_argument("--liveness", type=int, default=3)))

context = zmq.Context()


def open_worker():
    worker = context.socket(zmq.DEALER)
    worker.linger = 0
    worker.connect(args.connect)
    worker.send_multipart([b"", WORKER, READY, args.service.encode()])
    return worker


worker = open_worker()
interop_peer.say("READY", args.connect)
liveness = args.liveness
next_heartbeat = time.monotonic() + args.heartbeat / 1000
served = 0
while True:
    if worker.poll(args.heartbeat):
        empty, header, command, *rest = worker.recv_multipart()
        liveness = args.liveness
        if command == REQUEST:
            client, delimiter, *request = rest
            worker.send_multipart([b"", WORKER, REPLY, client, delimiter, b"re:" + b"".join(request)])
            served += 1
            interop_peer.say("SERVED", served)
        elif command == DISCONNECT:
            liveness = 0
    else:
        liveness -= 1
    if liveness <= 0:
        worker.close()
        worker = open_worker()
        liveness = args.liveness
    if time.monotonic() >= next_heartbeat:
        next_heartbeat = time.monotonic() + args.heartbeat / 1000
        worker.send_multipart([b"", WORKER, HEARTBEAT])
