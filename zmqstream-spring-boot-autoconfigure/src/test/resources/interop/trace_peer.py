"""A pyzmq peer that reads and writes the trace context frame of README "Tracing across services":
the last frame of a message, the text "zmq-trace/1\\n" then "name: value\\n" lines.

--role server: a REP server; for each request it reads the trace context, answers the request
behind a trace context of its own (same trace, a new span whose parent is the request's), and says
GOT <traceparent>. --role client: a REQ client; it sends --request behind the trace context
--traceparent, and says RESULT with the reply and the reply's traceparent."""
import json
import os

import zmq

import interop_peer

FIRST_LINE = b"zmq-trace/1\n"

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--role", choices=["server", "client"], required=True),
    parser.add_argument("--traceparent"),
    parser.add_argument("--request", default="hello")))


def trace_frame(fields):
    return interop_peer.fields_frame(FIRST_LINE, fields)


def trace_fields(frame):
    return interop_peer.frame_fields(FIRST_LINE, frame)


context = zmq.Context()
if args.role == "server":
    server = context.socket(zmq.REP)
    interop_peer.attach(server, args)
    while True:
        *body, last = server.recv_multipart()
        fields = trace_fields(last)
        if fields is None:
            server.send_multipart(body + [last])
            continue
        interop_peer.say("GOT", fields["traceparent"])
        version, trace_id, parent_id, flags = fields["traceparent"].split("-")
        child = "%s-%s-%s-%s" % (version, trace_id, os.urandom(8).hex(), flags)
        server.send_multipart([b"pyzmq answered " + body[-1], trace_frame({"traceparent": child})])
else:
    client = context.socket(zmq.REQ)
    interop_peer.attach(client, args)
    client.send_multipart([args.request.encode(), trace_frame({"traceparent": args.traceparent})])
    if client.poll(20000):
        *reply, last = client.recv_multipart()
        fields = trace_fields(last) or {}
        interop_peer.result(reply=[frame.decode() for frame in reply], traceparent=fields.get("traceparent"))
    else:
        interop_peer.result(reply=None, traceparent=None)
