"""Sends --count hostile multipart messages, generated from --seed: random bytes, invalid UTF-8,
malformed, huge and deeply nested JSON, empty frames and runs of empty delimiters, 1 to 64 frames
of up to 64 KiB. Every --good-every-th message is good instead: {"id":"<source>-<n>","quantity":1}.
A DEALER sends the same messages (a ROUTER sees them behind their envelope)."""
import json
import random

import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--type", choices=["push", "dealer"], required=True),
    parser.add_argument("--count", type=int, required=True),
    parser.add_argument("--seed", type=int, required=True),
    parser.add_argument("--good-every", type=int, default=100),
    parser.add_argument("--source", default="pyzmq")))

rng = random.Random(args.seed)


def size():
    """Mostly small: 90 % up to 256 bytes, 9 % up to 1 KiB, 1 % up to 64 KiB."""
    roll = rng.random()
    return rng.randint(0, 256 if roll < 0.9 else 1024 if roll < 0.99 else 65536)


def nested(depth):
    """Objects in objects: a reader skips the unknown "n" of an order, but still counts its depth."""
    return '{"n":' * depth + "1" + "}" * depth


def frame():
    kind = rng.randrange(7)
    if kind == 0:
        return rng.randbytes(size())
    if kind == 1:
        return bytes([0xC3, 0x28, 0xFF, 0xFE]) * (size() // 4 + 1)
    if kind == 2:
        return b'{"id": "broken", "quantity": '[:rng.randint(1, 29)]
    if kind == 3:
        return json.dumps({"id": "x" * size(), "quantity": 1}).encode()
    if kind == 4:
        return nested(rng.choice([10, 100, 499, 501, 1000, 5000])).encode()
    if kind == 5:
        return b""
    return ("text %d" % rng.randrange(10**9)).encode()


def hostile():
    frames = [frame() for _ in range(1 if rng.random() < 0.8 else rng.randint(1, 64))]
    if rng.random() < 0.1:
        frames = [b""] * rng.randint(1, 8) + frames
    return frames


context = zmq.Context()
socket = context.socket(zmq.PUSH if args.type == "push" else zmq.DEALER)
socket.setsockopt(zmq.SNDHWM, 0)
interop_peer.attach(socket, args)
good = 0
for n in range(args.count):
    if n % args.good_every == args.good_every - 1:
        socket.send_string('{"id":"%s-%d","quantity":1}' % (args.source, good))
        good += 1
    else:
        socket.send_multipart(hostile())
socket.close(linger=30000)
# The result says the messages have left: the test may kill this process as soon as it reads it.
context.term()
interop_peer.result(sent=args.count, good=good)
