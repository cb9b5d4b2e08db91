"""A PULL, ROUTER or SUB (subscribed to everything) that receives messages "seq <n>" until "end".
It says FIRST at its first message of any kind (a publisher's probe included), REACHED <n> once it
has --report-at sequence numbers, and at "end" reports every sequence number it got, in order."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--type", choices=["pull", "router", "sub"], required=True),
    parser.add_argument("--report-at", type=int, default=0)))

context = zmq.Context()
socket = context.socket({"pull": zmq.PULL, "router": zmq.ROUTER, "sub": zmq.SUB}[args.type])
if args.type == "sub":
    socket.subscribe(b"")
interop_peer.attach(socket, args)
seqs = []
state = {"first": False, "ended": False}


def take(frames):
    text = frames[-1].decode()
    if not state["first"]:
        state["first"] = True
        interop_peer.say("FIRST")
    if text == "end":
        state["ended"] = True
    elif text.startswith("seq "):
        seqs.append(int(text[4:]))
        if len(seqs) == args.report_at:
            interop_peer.say("REACHED", len(seqs))


interop_peer.receive_until(socket, take, lambda: state["ended"])
interop_peer.result(seqs=seqs, ended=state["ended"])
context.destroy(linger=0)
