"""A read-only SPARQL 1.1 Protocol endpoint over an engine, on the standard library's HTTP server.

GET ``/sparql?query=...`` and POST (``application/x-www-form-urlencoded`` with
``query=``, or ``application/sparql-query``); results as JSON, XML, CSV or TSV
by content negotiation (``Accept``) or a ``format`` parameter; CORS for
browser clients; a query time limit (enforced by running each query in a
child process) and a result size limit; updates refused with 400.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from kgraph.sparql.engines import Engine, QueryError, Result
from kgraph.sparql.results import MEDIA_TYPES, render

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
MAX_BODY = 1_000_000


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


class Endpoint:
    """The endpoint's settings and its engine, shared by all request threads.

    Neither engine can cancel a running query, so each query runs in a forked
    child process (which shares the loaded graph copy-on-write) and is killed at
    the time limit; ``workers`` bounds how many run at once.
    """

    def __init__(self, engine: Engine, timeout: float = 10.0, max_rows: int = 10_000, workers: int = 8):
        self.engine = engine
        self.timeout = timeout
        self.max_rows = max_rows
        self.slots = threading.BoundedSemaphore(workers)
        self.context = multiprocessing.get_context("fork")

    def run(self, query: str) -> Result:
        with self.slots:
            parent, child = self.context.Pipe(duplex=False)
            proc = self.context.Process(target=self._child, args=(child, query), daemon=True)
            proc.start()
            child.close()
            try:
                if not parent.poll(self.timeout):
                    raise QueryError(f"query took longer than the {self.timeout:g} s limit")
                outcome = parent.recv()
            except EOFError as e:
                raise QueryError("the query process ended without an answer") from e
            finally:
                parent.close()
                if proc.is_alive():
                    proc.kill()
                proc.join()
        if isinstance(outcome, QueryError):
            raise outcome
        return outcome

    def _child(self, conn, query: str) -> None:  # runs in the forked process
        try:
            outcome: object = self.engine.query(query, None, self.max_rows, self.timeout)
        except QueryError as e:
            outcome = e
        except Exception as e:  # any engine failure becomes a clear 400, not a dead worker
            outcome = QueryError(f"query failed: {e}")
        conn.send(outcome)
        conn.close()


def make_handler(endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "kgraph-sparql/1"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet by default
            return

        def _send(self, status: int, body: str, media: str, extra: dict[str, str] | None = None) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "X-Result-Truncated")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _error(self, status: int, message: str) -> None:
            self._send(status, json.dumps({"error": message}) + "\n", "application/json")

        def do_OPTIONS(self) -> None:  # CORS preflight
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "86400")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path not in ("/sparql", "/"):
                return self._error(404, f"no such path {url.path}; the endpoint is /sparql")
            params = parse_qs(url.query)
            if "update" in params:
                return self._error(400, "updates are not allowed: this endpoint is read-only")
            if "query" not in params:
                return self._send(200, "kgraph SPARQL endpoint: GET or POST /sparql with query=...\n", "text/plain")
            self._answer(params["query"][0], params.get("format", [None])[0])

        def do_POST(self) -> None:
            url = urlparse(self.path)
            if url.path not in ("/sparql", "/"):
                return self._error(404, f"no such path {url.path}; the endpoint is /sparql")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._error(413, f"request body above {MAX_BODY} bytes")
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(url.query)
            if ctype == "application/sparql-update":
                return self._error(400, "updates are not allowed: this endpoint is read-only")
            if ctype == "application/sparql-query":
                query = body
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body)
                if "update" in form:
                    return self._error(400, "updates are not allowed: this endpoint is read-only")
                params |= form
                if "query" not in form:
                    return self._error(400, "missing query parameter")
                query = form["query"][0]
            else:
                return self._error(415, f"unsupported Content-Type {ctype!r}")
            self._answer(query, params.get("format", [None])[0])

        def _answer(self, query: str, explicit: str | None) -> None:
            fmt = negotiate(self.headers.get("Accept", ""), explicit)
            if fmt is None:
                return self._error(406, "results are available as JSON, XML, CSV or TSV")
            try:
                result = endpoint.run(query)
            except QueryError as e:
                return self._error(400, str(e))
            extra = {"X-Result-Truncated": "true"} if result.truncated else {}
            self._send(200, render(result, fmt), MEDIA_TYPES[fmt], extra)

        do_HEAD = do_GET

    return Handler


def serve(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A started server (in a background thread); call ``shutdown()`` to stop it."""
    server = ThreadingHTTPServer((host, port), make_handler(endpoint))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="sparql-endpoint", daemon=True)
    thread.start()
    return server
