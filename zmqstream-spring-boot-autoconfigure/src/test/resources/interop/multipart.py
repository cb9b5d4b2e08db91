"""A DEALER client of an echo service: sends messages of awkward shapes (empty frames, 0-byte
messages, 4 MiB frames) one at a time and checks each comes back unchanged, then a burst of
--burst three-frame messages, read while it is being sent, and checks all come back in order."""
import os

import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--burst", type=int, default=10000)))

FOUR_MIB = os.urandom(4 * 1024 * 1024)
SHAPES = [
    [b""],
    [b"", b"", b""],
    [b"head", b"", b"tail"],
    [b"", b"", b"after two empty frames"],
    [b"", FOUR_MIB],
    [FOUR_MIB, b"", FOUR_MIB[:1024], b""],
]

context = zmq.Context()
dealer = context.socket(zmq.DEALER)
interop_peer.attach(dealer, args)
shapes_echoed = 0
for shape in SHAPES:
    dealer.send_multipart(shape)
    if dealer.poll(20000) and dealer.recv_multipart() == shape:
        shapes_echoed += 1


def burst_message(n):
    return [b"", ("burst-%d" % n).encode(), b""]


sent = received = in_order = 0
poller = zmq.Poller()
poller.register(dealer, zmq.POLLIN | zmq.POLLOUT)
while received < args.burst:
    events = dict(poller.poll(20000)).get(dealer, 0)
    if not events:
        break
    if events & zmq.POLLIN:
        if dealer.recv_multipart() == burst_message(received):
            in_order += 1
        received += 1
    if events & zmq.POLLOUT and sent < args.burst:
        dealer.send_multipart(burst_message(sent))
        sent += 1
        if sent == args.burst:
            poller.modify(dealer, zmq.POLLIN)
interop_peer.result(shapes=len(SHAPES), shapes_echoed=shapes_echoed, burst_sent=sent,
                    burst_received=received, burst_in_order=in_order)
context.destroy(linger=0)
