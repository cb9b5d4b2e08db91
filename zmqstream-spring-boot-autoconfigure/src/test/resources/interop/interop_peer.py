"""What every pyzmq peer of the interop tests shares.

The Java test reads this process's stdout line by line ("READY <endpoint>", "RESULT <json>", ...).
The process never outlives its test: it exits when its stdin closes (the JVM that started it
ended) and is killed by SIGALRM after its deadline.
"""
import argparse
import json
import os
import signal
import sys
import threading

import zmq


def arguments(description, configure):
    """Parses the command line: the options `configure` adds, plus --deadline (seconds)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--deadline", type=int, default=60, help="seconds before SIGALRM ends the process")
    configure(parser)
    args = parser.parse_args()
    signal.alarm(args.deadline)
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()
    return args


def _exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(3)


def say(*words):
    """One control line to the test."""
    print(" ".join(str(word) for word in words), flush=True)


def result(**fields):
    """The peer's findings, as one JSON line the test parses."""
    say("RESULT", json.dumps(fields, sort_keys=True))


def bind(socket, endpoint):
    """Binds and returns the endpoint actually bound (the port chosen for a wildcard)."""
    socket.bind(endpoint)
    return socket.getsockopt_string(zmq.LAST_ENDPOINT)


def receive_until(socket, handle, done, timeout_ms=30000):
    """Hands every multipart message to `handle` until `done()`, or until `timeout_ms` pass in silence."""
    while not done() and socket.poll(timeout_ms):
        handle(socket.recv_multipart())


def endpoint_options(parser):
    """--bind or --connect, exactly one."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--bind", help="endpoint to bind, such as tcp://127.0.0.1:*")
    where.add_argument("--connect", help="endpoint to connect to")


def numbered(n):
    """The n-th of the messages "msg-<n>" that push.py sends and pull.py expects."""
    return ("msg-%d" % n).encode()


def attach(socket, args):
    """Binds or connects as the command line says, then tells the test: READY <endpoint>."""
    if args.bind:
        say("READY", bind(socket, args.bind))
    else:
        socket.connect(args.connect)
        say("READY", args.connect)


def curve_client(socket, server_key, key_pair=None):
    """Makes `socket` a CURVE client of the server whose Z85 public key is `server_key`, with the
    Z85 (public, secret) `key_pair` given or a new one."""
    public, secret = key_pair or zmq.curve_keypair()
    socket.curve_serverkey = server_key.encode()
    socket.curve_publickey = public.encode() if isinstance(public, str) else public
    socket.curve_secretkey = secret.encode() if isinstance(secret, str) else secret


def fields_frame(first_line, fields):
    """A frame of named fields as the README describes them: `first_line` (bytes, with its "\\n"), then
    "name: value\\n" lines."""
    return first_line + b"".join(("%s: %s\n" % (name, value)).encode() for name, value in fields.items())


def frame_fields(first_line, frame):
    """The fields of a frame that begins with `first_line`, by name; None for another frame."""
    if not frame.startswith(first_line):
        return None
    fields = {}
    for line in frame[len(first_line):].decode().split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip()] = value.strip()
    return fields
