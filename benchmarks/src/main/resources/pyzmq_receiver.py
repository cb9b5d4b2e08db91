"""The pyzmq side of the comparison table: receives --count messages on a PULL socket bound to a
random tcp loopback port, with a plain recv() loop (--mode raw) or with pyzmq's ZMQStream on
tornado's IOLoop (--mode zmqstream). Prints "PORT <port>" once bound and "DONE" after the last
message."""
import argparse

import zmq

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--mode", choices=["raw", "zmqstream"], required=True)
parser.add_argument("--count", type=int, required=True)
args = parser.parse_args()

context = zmq.Context()
pull = context.socket(zmq.PULL)
port = pull.bind_to_random_port("tcp://127.0.0.1")
print("PORT", port, flush=True)

if args.mode == "raw":
    receive = pull.recv
    for _ in range(args.count):
        receive()
else:
    from tornado.ioloop import IOLoop
    from zmq.eventloop.zmqstream import ZMQStream

    loop = IOLoop.current()
    stream = ZMQStream(pull, loop)
    remaining = [args.count]

    def count(frames):
        remaining[0] -= 1
        if remaining[0] == 0:
            loop.stop()

    stream.on_recv(count)
    loop.start()

print("DONE", flush=True)
pull.close(linger=0)
context.term()
