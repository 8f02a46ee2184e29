"""The SPARQL 1.1 Protocol, read-only, as a plain ASGI app (run by uvicorn, see ``server.py``).

GET ``/sparql?query=...`` and POST (``application/x-www-form-urlencoded`` with
``query=``, or ``application/sparql-query``); results as JSON, XML, CSV or TSV
by content negotiation (``Accept``) or a ``format`` parameter; CORS for browser
clients; updates refused with 400, SERVICE with 400 unless the engine allows
it. ``GET /health`` answers at once, whatever the queries are doing.

What a request may take is bounded: its body (``Limits.max_body`` bytes, counted
as read, in ``Limits.body_timeout`` seconds), the body bytes all requests hold
at once, and its time: the query's limit counts from the request's arrival, so
time waiting for a query slot is part of it. A request the server cannot serve
in time, or that comes over too many open connections, is answered 503 with
``Retry-After``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from kgraph.sparql.access import AccessLog
from kgraph.sparql.endpoint import Answer, Busy, Endpoint
from kgraph.sparql.engines import QueryError
from kgraph.sparql.limits import Limits, Load
from kgraph.sparql.results import MEDIA_TYPES

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

ACCEPTS = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("*/*", "json"),
]
PATHS = ("/sparql", "/")
READ_ONLY = "updates are not allowed: this endpoint is read-only"
GONE = 499  # logged for a client that left before its answer (nginx's code); nothing is sent

logger = logging.getLogger(__name__)


def negotiate(accept: str, explicit: str | None) -> str | None:
    """The result format for an Accept header (quality values honoured) or a ``format`` parameter."""
    if explicit:
        return explicit if explicit in MEDIA_TYPES else None
    if not accept:
        return "json"
    offers = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        offers.append((-q, i, media.strip().lower()))
    for _, _, media in sorted(offers):
        for known, fmt in ACCEPTS:
            if media == known or (media.endswith("/*") and known.startswith(media[:-1])):
                return fmt
    return None


@dataclass
class Response:
    """What the app answers; CORS and length headers are added when it is sent."""

    status: int
    body: bytes = b""
    media: str = "application/json"
    headers: list[tuple[str, str]] = field(default_factory=list)
    close: bool = False  # close the connection after it (a body left unread, or shedding load)


class Refusal(Exception):
    """A request answered with an error; ``close`` when its body was not read."""

    def __init__(self, status: int, message: str, close: bool = False, retry_after: int | None = None):
        super().__init__(message)
        headers = [("Retry-After", str(retry_after))] if retry_after is not None else []
        self.response = Response(status, _error_body(message), headers=headers, close=close)


class _Gone(Exception):
    """The client closed its connection before its answer."""


def _error_body(message: str) -> bytes:
    return (json.dumps({"error": message}) + "\n").encode("utf-8")


class EndpointApp:
    """The ASGI app. ``load`` is shared with the connection layer, which counts open connections in it."""

    def __init__(
        self, endpoint: Endpoint, limits: Limits | None = None, load: Load | None = None, log: AccessLog | None = None
    ):
        self.endpoint = endpoint
        self.limits = limits or Limits()
        self.load = load or Load()
        self.log: AccessLog = log or AccessLog()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # no lifespan or websocket protocol here
            return
        arrival = time.monotonic()
        held = [0]  # request body bytes counted in load.buffered
        try:
            response = await self._respond(scope, receive, arrival, held)
        except Refusal as e:
            response = e.response
        except _Gone:
            response = Response(GONE)
        except Exception:  # a bug: logged with its traceback, answered 500, and still in the access log
            logger.exception("error answering %s %s", scope["method"], scope["path"])
            response = Response(500, _error_body("internal error"), close=True)
        finally:
            self.load.buffered -= held[0]
        if response.status != GONE:
            await _send(send, response)
        sent = 0 if response.status == GONE or scope["method"] == "HEAD" else len(response.body)
        path = (scope.get("raw_path") or scope["path"].encode("utf-8")).decode("latin-1")
        self.log.write(scope.get("client"), scope["method"], path, response.status, sent, time.monotonic() - arrival)

    async def _respond(self, scope: Scope, receive: Receive, arrival: float, held: list[int]) -> Response:
        method, path = scope["method"], scope["path"]
        if method == "OPTIONS":  # CORS preflight
            return Response(
                204,
                media="",
                headers=[
                    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                    ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                    ("Access-Control-Max-Age", "86400"),
                ],
            )
        if path == "/health":
            if method not in ("GET", "HEAD"):
                raise Refusal(405, f"{method} is not supported: GET /health", close=True)
            return self._health()
        if path not in PATHS:
            raise Refusal(404, f"no such path {path}; the endpoint is /sparql", close=method == "POST")
        if method in ("GET", "HEAD"):
            params = parse_qs(scope["query_string"].decode("utf-8", errors="replace"))
            if "update" in params:
                raise Refusal(400, READ_ONLY)
            if "query" not in params:
                text = b"kgraph SPARQL endpoint: GET or POST /sparql with query=...\n"
                return Response(200, text, "text/plain")
            self._check_load()
            query = params["query"][0]
        elif method == "POST":
            query, params = await self._posted(scope, receive, arrival, held)
        else:
            raise Refusal(405, f"{method} is not supported: GET or POST /sparql", close=True)
        fmt = negotiate(_header(scope, b"accept"), params.get("format", [None])[0])
        if fmt is None:
            raise Refusal(406, "results are available as JSON, XML, CSV or TSV")
        answer = await _until_gone(receive, self._run(query, fmt, arrival))
        headers = [("X-Result-Truncated", "true")] if answer.truncated else []
        return Response(200, answer.body, MEDIA_TYPES[fmt], headers)

    async def _run(self, query: str, fmt: str, arrival: float) -> Answer:
        try:
            return await self.endpoint.run(query, fmt, arrival + self.endpoint.timeout)
        except QueryError as e:
            raise Refusal(400, str(e)) from None
        except Busy as e:
            raise Refusal(503, str(e), retry_after=e.retry_after) from None

    async def _posted(
        self, scope: Scope, receive: Receive, arrival: float, held: list[int]
    ) -> tuple[str, dict[str, list[str]]]:
        """The query of a POST and the URL's parameters (with the form's)."""
        params = parse_qs(scope["query_string"].decode("utf-8", errors="replace"))
        ctype = _header(scope, b"content-type").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            raise Refusal(400, READ_ONLY, close=True)
        if ctype not in ("application/sparql-query", "application/x-www-form-urlencoded"):
            raise Refusal(415, f"unsupported Content-Type {ctype!r}", close=True)
        self._check_load()
        body = (await self._body(scope, receive, arrival, held)).decode("utf-8", errors="replace")
        if ctype == "application/sparql-query":
            return body, params
        form = parse_qs(body)
        if "update" in form:
            raise Refusal(400, READ_ONLY)
        if "query" not in form:
            raise Refusal(400, "missing query parameter")
        return form["query"][0], params | form

    async def _body(self, scope: Scope, receive: Receive, arrival: float, held: list[int]) -> bytes:
        """The request body, refused past ``max_body`` bytes read (whatever Content-Length says) or ``body_timeout``."""
        limits = self.limits
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > limits.max_body:  # h11 has checked the header's syntax
            raise Refusal(413, f"request body above {limits.max_body} bytes", close=True)
        chunks: list[bytes] = []

        async def pull() -> None:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise _Gone
                chunk = message.get("body", b"")
                if held[0] + len(chunk) > limits.max_body:
                    raise Refusal(413, f"request body above {limits.max_body} bytes", close=True)
                if self.load.buffered + len(chunk) > limits.max_buffered:
                    raise Refusal(503, "the endpoint is busy", close=True, retry_after=self.endpoint.retry_after())
                held[0] += len(chunk)
                self.load.buffered += len(chunk)
                chunks.append(chunk)
                if not message.get("more_body", False):
                    return

        wait = min(limits.body_timeout, arrival + self.endpoint.timeout - time.monotonic())
        try:
            await asyncio.wait_for(pull(), max(wait, 0))
        except asyncio.TimeoutError:
            raise Refusal(408, f"the request body did not arrive within {wait:.3g} s", close=True) from None
        return b"".join(chunks)

    def _check_load(self) -> None:
        """Shed queries while there are more open connections than the endpoint takes."""
        if self.load.connections > self.limits.max_connections:
            raise Refusal(
                503,
                f"the endpoint is busy: over {self.limits.max_connections} connections",
                close=True,
                retry_after=self.endpoint.retry_after(),
            )

    def _health(self) -> Response:
        slots = self.endpoint.slots
        state = {
            "status": "ok",
            "connections": self.load.connections,
            "queries": {"running": slots.running, "waiting": slots.waiting, "slots": slots.size},
        }
        return Response(200, (json.dumps(state) + "\n").encode(), headers=[("Cache-Control", "no-store")])


async def _until_gone(receive: Receive, work: Awaitable[Answer]) -> Answer:
    """Await ``work``, cancelling it (and so ending its query process) if the client goes away meanwhile."""
    task = asyncio.ensure_future(work)

    async def watch() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    watcher = asyncio.ensure_future(watch())
    try:
        await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:  # the request itself is cancelled (the server is stopping): so is its query
        task.cancel()
        raise
    finally:
        watcher.cancel()
    if not task.done():
        task.cancel()
        raise _Gone
    return task.result()


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return ""


async def _send(send: Send, response: Response) -> None:
    headers = [
        (b"content-length", str(len(response.body)).encode()),
        (b"access-control-allow-origin", b"*"),
        (b"access-control-expose-headers", b"X-Result-Truncated, Retry-After"),
    ]
    if response.media:
        headers.append((b"content-type", f"{response.media}; charset=utf-8".encode()))
    if response.close:
        headers.append((b"connection", b"close"))
    headers += [(k.lower().encode(), v.encode("latin-1")) for k, v in response.headers]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})
