"""A read-only SPARQL 1.1 Protocol endpoint, on uvicorn: the wiring of its parts.

- ``app.py``: the protocol as a plain ASGI app (routes, content negotiation, CORS,
  body and load limits, 503 with Retry-After);
- ``endpoint.py``: query slots and time limits; ``workers.py``: the forked query
  processes, killed when a query overruns;
- ``protocol.py``: uvicorn's h11 connection with header and request deadlines;
- ``access.py``: the access log; ``limits.py``: the limits.

uvicorn brings the HTTP/1.1 parsing (h11, which refuses a malformed request such
as ``Content-Length: -1`` with 400), an asyncio loop that holds thousands of
idle connections without a thread each, the listen backlog, keep-alive and a
graceful stop on SIGINT and SIGTERM. Its ``limit_concurrency`` is not used: it
answers 503 without Retry-After and to ``/health`` too, so the app sheds load
itself (``Limits.max_connections``).
"""

from __future__ import annotations

import math
import resource
import signal
import socket
import threading
import time

import uvicorn

from kgraph.sparql.access import AccessLog
from kgraph.sparql.app import EndpointApp, negotiate
from kgraph.sparql.endpoint import Endpoint
from kgraph.sparql.limits import Limits, Load
from kgraph.sparql.protocol import protocol_class

__all__ = ["Endpoint", "Limits", "Running", "listen", "negotiate", "serve", "serve_forever"]


def listen(host: str, port: int, backlog: int = Limits.backlog) -> socket.socket:
    """A socket listening on host and port (0: any free port); OSError if it cannot be had."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family = infos[0][0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(infos[0][4])
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    return sock


def _server(endpoint: Endpoint, limits: Limits, log: AccessLog) -> uvicorn.Server:
    load = Load()
    config = uvicorn.Config(
        EndpointApp(endpoint, limits, load, log),
        http=protocol_class(limits, endpoint.timeout, load, log),
        ws="none",
        lifespan="off",
        interface="asgi3",
        loop="asyncio",
        log_config=None,
        log_level="error",  # requests are in the access log; uvicorn's own lines would repeat them
        access_log=False,
        proxy_headers=False,
        server_header=False,
        backlog=limits.backlog,
        timeout_keep_alive=max(1, math.ceil(limits.keep_alive)),
        h11_max_incomplete_event_size=limits.max_header_bytes,
        timeout_graceful_shutdown=math.ceil(endpoint.timeout) + 1,  # queries in flight end by then
    )
    _enough_files(limits)
    return uvicorn.Server(config)


def _enough_files(limits: Limits) -> None:
    """Raise the open-file limit towards what ``max_connections`` needs (a common default is 1024)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = limits.max_connections + limits.backlog + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        target = want if hard == resource.RLIM_INFINITY else min(want, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, target), hard))
        except (ValueError, OSError):
            pass


def serve_forever(
    endpoint: Endpoint, sock: socket.socket, limits: Limits | None = None, log: AccessLog | None = None
) -> None:
    """Serve on ``sock`` in this (main) thread until SIGINT or SIGTERM, then stop gracefully."""
    server = _server(endpoint, limits or Limits(), log or AccessLog())

    def stop(signum: int, frame: object) -> None:
        server.should_exit = True

    # uvicorn catches both signals while it serves, then hands them to the handlers it found: make those ours,
    # so the command ends with exit code 0 instead of being killed by the signal it re-raises.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run(sockets=[sock])
    finally:
        endpoint.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class Running:
    """A server running in a background thread (for tests and embedding)."""

    def __init__(self, server: uvicorn.Server, sock: socket.socket, endpoint: Endpoint):
        self.server = server
        self.endpoint = endpoint
        self.server_address: tuple[str, int] = sock.getsockname()[:2]
        self.thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="sparql-endpoint")
        self.thread.daemon = True
        self.thread.start()
        while not server.started and self.thread.is_alive():
            time.sleep(0.01)
        if not server.started:
            raise RuntimeError("the SPARQL endpoint did not start")

    def shutdown(self) -> None:
        self.server.should_exit = True
        self.thread.join()
        self.endpoint.close()


def serve(
    endpoint: Endpoint,
    host: str = "127.0.0.1",
    port: int = 7878,
    limits: Limits | None = None,
    log: AccessLog | None = None,
) -> Running:
    """A started server (in a background thread); call ``shutdown()`` to stop it."""
    limits = limits or Limits()
    return Running(_server(endpoint, limits, log or AccessLog()), listen(host, port, limits.backlog), endpoint)
