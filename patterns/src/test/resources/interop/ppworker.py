"""The ZeroMQ Guide's Paranoid Pirate worker: a DEALER that says READY (0x01), answers each
[client, "", request] with [client, "", "re:" + request], sends a HEARTBEAT (0x02) every
--heartbeat ms, and when the queue has been silent for --liveness heartbeats reconnects as a new
peer. Says READY, then SERVED <n> after each reply. Runs until it is killed."""
import time
import uuid

import zmq

import interop_peer

READY, HEARTBEAT = b"\x01", b"\x02"

args = interop_peer.arguments(__doc__, lambda parser: (
    parser.add_argument("--connect", required=True),
    parser.add_argument("--heartbeat", type=int, default=1000),
    parser.add_argument("--liveness", type=int, default=3)))

context = zmq.Context()


def open_worker():
    worker = context.socket(zmq.DEALER)
    worker.identity = uuid.uuid4().hex.encode()
    worker.linger = 0
    worker.connect(args.connect)
    worker.send(READY)
    return worker


worker = open_worker()
interop_peer.say("READY", args.connect)
liveness = args.liveness
next_heartbeat = time.monotonic() + args.heartbeat / 1000
served = 0
while True:
    if worker.poll(args.heartbeat):
        frames = worker.recv_multipart()
        liveness = args.liveness
        if len(frames) == 3:
            client, empty, request = frames
            worker.send_multipart([client, empty, b"re:" + request])
            served += 1
            interop_peer.say("SERVED", served)
    else:
        liveness -= 1
        if liveness == 0:
            worker.close()
            worker = open_worker()
            liveness = args.liveness
    if time.monotonic() >= next_heartbeat:
        next_heartbeat = time.monotonic() + args.heartbeat / 1000
        worker.send(HEARTBEAT)
