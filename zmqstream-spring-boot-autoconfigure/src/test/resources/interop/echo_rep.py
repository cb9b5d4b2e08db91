"""A plain REP server, as the Guide's hello world is: each request goes back as its reply. It knows
nothing of the requests' correlation envelope; its REP socket keeps that envelope for the reply, as
libzmq does. Runs until it is killed or its stdin closes."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, interop_peer.endpoint_options)

context = zmq.Context()
server = context.socket(zmq.REP)
interop_peer.attach(server, args)
while True:
    server.send_multipart(server.recv_multipart())
