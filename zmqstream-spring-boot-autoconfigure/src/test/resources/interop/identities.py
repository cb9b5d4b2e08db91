"""DEALER clients with identities set here: each says "hello" and then expects --count messages
"for <identity> <n>" from the ROUTER it is connected to, and only those."""
import zmq

import interop_peer

args = interop_peer.arguments(__doc__, lambda parser: (
    interop_peer.endpoint_options(parser),
    parser.add_argument("--identities", required=True, help="comma-separated"),
    parser.add_argument("--count", type=int, required=True)))

context = zmq.Context()
dealers = {}
for identity in args.identities.split(","):
    dealer = context.socket(zmq.DEALER)
    dealer.identity = identity.encode()
    dealer.connect(args.connect)
    dealer.send_string("hello")
    dealers[identity] = dealer
interop_peer.say("READY", args.connect)
received = {identity: 0 for identity in dealers}
misaddressed = 0
poller = zmq.Poller()
for dealer in dealers.values():
    poller.register(dealer, zmq.POLLIN)
while sum(received.values()) < args.count * len(dealers):
    ready = dict(poller.poll(20000))
    if not ready:
        break
    for identity, dealer in dealers.items():
        if dealer in ready:
            text = dealer.recv_string()
            if text.startswith("for %s " % identity):
                received[identity] += 1
            else:
                misaddressed += 1
interop_peer.result(received=received, misaddressed=misaddressed)
context.destroy(linger=0)
