"""uvicorn's HTTP/1.1 connection (h11) with the deadlines uvicorn does not keep, and a count of connections.

uvicorn closes a connection only when it has been idle ``timeout_keep_alive``
after an answer, and every byte received resets that: a client that sends its
headers a byte at a time, or connects and sends nothing, holds its connection
for ever, and an app cannot help, as it is called only once the headers are in.
So each connection here has one deadline at a time: for the request's headers
(from connecting, or from the previous answer), then for the whole request
until its answer is sent (the app keeps shorter ones for the body and the
query; this one catches a client that will not read its answer). At a deadline
the connection is closed, with a 408 if part of a request had come.
"""

from __future__ import annotations

import asyncio
import time

from uvicorn.protocols.http.h11_impl import H11Protocol

from kgraph.sparql.access import AccessLog
from kgraph.sparql.limits import Limits, Load

TIMED_OUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class GuardedH11Protocol(H11Protocol):
    """One connection. ``limits``, ``query_timeout``, ``load`` and ``log`` are set on a subclass per server."""

    limits: Limits
    query_timeout: float
    load: Load
    log: AccessLog

    _timer: asyncio.TimerHandle | None = None
    _timed: object = None  # the request the current deadline is for; None while waiting for headers
    _since = 0.0  # when the current deadline started

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.load.connections += 1
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self.load.connections -= 1
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow_request()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._follow_request()

    def send_400_response(self, msg: str) -> None:
        """uvicorn answers a malformed request (``Content-Length: -1``, bad headers) itself; log it too."""
        super().send_400_response(msg)
        self.log.write(self.client, "-", "-", 400, None, time.monotonic() - self._since)

    def _in_request(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete

    def _follow_request(self) -> None:
        """Move the deadline on when a request has begun, or when an answer has gone and the next is awaited."""
        if self._in_request():
            if self._timed is not self.cycle:
                self._timed = self.cycle
                self._arm(self.limits.request_timeout(self.query_timeout))
        elif self._timed is not None:
            self._await_headers()

    def _await_headers(self) -> None:
        self._timed = None
        self._arm(self.limits.header_timeout)

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._since = time.monotonic()
        self._timer = self.loop.call_later(seconds, self._expire)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self._timed is None and self.conn.trailing_data[0]:  # part of a request came, too slowly
            self.transport.write(TIMED_OUT)
            self.log.write(self.client, "-", "-", 408, 0, time.monotonic() - self._since)
        # a request in progress is logged by the app, when its tasks see the connection gone
        self.transport.close()


def protocol_class(limits: Limits, query_timeout: float, load: Load, log: AccessLog) -> type[GuardedH11Protocol]:
    """The connection class for one server, for uvicorn's ``Config(http=...)``."""
    settings = {"limits": limits, "query_timeout": query_timeout, "load": load, "log": log}
    return type("KgraphH11Protocol", (GuardedH11Protocol,), settings)
