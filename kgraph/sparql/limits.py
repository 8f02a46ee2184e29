"""The endpoint's limits, and the load counters its connection and request layers share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one client may take of the server, so that no number of clients can take all of it.

    uvicorn times out only idle keep-alive connections, so the headers, the body
    and the whole exchange each get a deadline here; a client over them is cut
    off and holds nothing.
    """

    header_timeout: float = 10.0  # from connecting (or the previous answer) to the end of the request's headers
    body_timeout: float = 10.0  # to receive the request body once the headers are in
    max_body: int = 1_000_000  # bytes of request body, counted as they are read
    max_connections: int = 4096  # open connections above which a query is answered 503 at once
    max_buffered: int = 64_000_000  # request body bytes held at once over all connections
    backlog: int = 4096  # connections the kernel queues before they are accepted (Linux caps it at somaxconn)
    keep_alive: int = 5  # seconds after which an idle connection is closed
    max_header_bytes: int = 65_536  # request line and headers (the old server's line limit)
    send_timeout: float = 30.0  # to write an answer to a client that reads slowly

    def request_timeout(self, query_timeout: float) -> float:
        """The most one request may take, headers in to answer out: body, query slot and query, sending."""
        return self.body_timeout + query_timeout + self.send_timeout


@dataclass
class Load:
    """Counters kept by the connection layer and the app, shown by /health and used to refuse work."""

    connections: int = 0  # open connections
    buffered: int = 0  # request body bytes held by requests in progress
