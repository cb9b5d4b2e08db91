"""A Majordomo Protocol 0.1 broker as the ZeroMQ Guide's mdbroker is: one ROUTER for clients and
workers, a queue of requests and of idle workers per service, heartbeats to idle workers, which are
forgotten after --liveness silent ones, and DISCONNECT to a worker it does not know. Says READY
<endpoint> once bound, then SERVED <n> after each reply it forwards. Runs until it is killed."""
import collections
import time

import zmq

import interop_peer

CLIENT, WORKER = b"MDPC01", b"MDPW01"
READY, REQUEST, REPLY, HEARTBEAT, DISCONNECT = b"\x01", b"\x02", b"\x03", b"\x04", b"\x05"

args = interop_peer.arguments(__doc__, lambda parser: (
    parser.add_argument("--bind", required=True),
    parser.add_argument("--heartbeat", type=int, default=1000),
    parser.add_argument("--liveness", type=int, default=3)))

context = zmq.Context()
socket = context.socket(zmq.ROUTER)
socket.linger = 0
endpoint = interop_peer.bind(socket, args.bind)
interop_peer.say("READY", endpoint)

requests = collections.defaultdict(collections.deque)   # service -> [(client, body)]
idle = collections.defaultdict(collections.deque)       # service -> [worker]
workers = {}                                            # worker -> [service, expiry]
served = 0


def expiry():
    return time.monotonic() + args.heartbeat * args.liveness / 1000


def dispatch(service):
    while idle[service] and requests[service]:
        worker = idle[service].popleft()
        client, body = requests[service].popleft()
        socket.send_multipart([worker, b"", WORKER, REQUEST, client, b""] + body)


def waiting(worker):
    service = workers[worker][0]
    workers[worker][1] = expiry()
    idle[service].append(worker)
    dispatch(service)


def forget(worker):
    service, _ = workers.pop(worker, (None, None))
    if service is not None and worker in idle[service]:
        idle[service].remove(worker)


next_heartbeat = time.monotonic() + args.heartbeat / 1000
while True:
    if socket.poll(args.heartbeat):
        sender, empty, header, *message = socket.recv_multipart()
        if header == CLIENT:
            service, *body = message
            requests[service].append((sender, body))
            dispatch(service)
        elif header == WORKER:
            command, *rest = message
            if command == READY and sender not in workers:
                workers[sender] = [rest[0], expiry()]
                waiting(sender)
            elif command == REPLY and sender in workers:
                client, delimiter, *reply = rest
                socket.send_multipart([client, b"", CLIENT, workers[sender][0]] + reply)
                served += 1
                interop_peer.say("SERVED", served)
                waiting(sender)
            elif command == HEARTBEAT and sender in workers:
                workers[sender][1] = expiry()
            elif command == DISCONNECT:
                forget(sender)
            else:
                socket.send_multipart([sender, b"", WORKER, DISCONNECT])
                forget(sender)
    if time.monotonic() >= next_heartbeat:
        next_heartbeat = time.monotonic() + args.heartbeat / 1000
        now = time.monotonic()
        for service in list(idle):
            for worker in list(idle[service]):
                if workers[worker][1] < now:
                    forget(worker)
                else:
                    socket.send_multipart([worker, b"", WORKER, HEARTBEAT])
