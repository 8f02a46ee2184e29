"""The SPARQL endpoint under load: many concurrent clients, slow clients, oversized bodies.

Run:  .venv/bin/python bench/load.py [--clients 2000] [--slow 1000] [--oversized 100] [--graph exports/graph.ttl]

Starts a real ``kgraph serve`` on a free loopback port and, from one asyncio
process over real sockets:

- ``--clients`` clients at once, each sending one well-formed query (GET, POST
  form or POST ``application/sparql-query``, in turn) on its own connection;
- ``--slow`` slow clients, half sending their headers a byte at a time, half
  their body, ``--byte-interval`` seconds apart (far slower than the server's
  header and body time limits allow);
- ``--oversized`` clients sending bodies over the limit, half with a
  Content-Length that says so, half chunked;
- a probe asking ``/health`` every 100 ms, and a sampler reading the server's
  resident memory from ``/proc/PID/status`` every 50 ms.

It prints requests answered per second, latency percentiles, errors (a
well-formed query answered with anything but 200, or 503 with Retry-After),
how long slow clients were held, ``/health`` latency and peak RSS.
``tests/sparql/test_load.py`` runs a smaller scenario and asserts on the same
figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } ORDER BY ?o LIMIT 20",
    "ASK { ?s a <https://w3id.org/kgraph/ontology#Official> }",
]


@dataclass
class Scenario:
    clients: int = 2000  # well-formed queries, all at once
    slow: int = 1000  # slow clients, half headers, half bodies
    oversized: int = 100  # bodies over the limit
    byte_interval: float = 0.5  # seconds between a slow client's bytes
    timeout: float = 10.0  # the server's options
    header_timeout: float = 10.0
    body_timeout: float = 10.0
    max_connections: int = 4096
    max_body: int = 1_000_000
    client_timeout: float = 120.0  # a client gives up (an error) after this long


@dataclass
class Figures:
    wall: float = 0.0  # seconds from the first well-formed query sent to the last answered
    ok: int = 0
    busy: int = 0  # 503 with Retry-After
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # of the 200s
    slow_cut: int = 0  # slow clients the server cut off before they were done
    slow_not_cut: int = 0
    slow_held: list[float] = field(default_factory=list)
    oversized_refused: int = 0  # 413, or the connection closed on them
    oversized_accepted: int = 0
    anomalies: list[str] = field(default_factory=list)  # what went wrong other than with well-formed queries
    health: list[float] = field(default_factory=list)
    health_worst_at: float = 0.0  # seconds after the load began
    health_failures: int = 0
    rss_base_kb: int = 0
    rss_peak_kb: int = 0
    began: float = 0.0  # time.monotonic() when the load began
    served: list[float] = field(default_factory=list)  # server-side seconds of the 200s, from its access log

    def summary(self) -> str:
        lat = sorted(self.latencies) or [0.0]
        per_second = (self.ok / self.wall, (self.ok + self.busy) / self.wall) if self.wall else (0.0, 0.0)
        health = sorted(self.health) or [0.0]
        held = sorted(self.slow_held) or [0.0]
        served = sorted(self.served) or [0.0]
        answered = self.ok + self.busy
        return "\n".join(
            [
                f"well-formed: {answered + len(self.errors)} sent, {self.ok} answered 200, {self.busy} 503 with "
                f"Retry-After, {len(self.errors)} errors in {self.wall:.1f} s "
                f"({per_second[0]:.0f} answers/s, {per_second[1]:.0f} responses/s)",
                f"latency of 200s: p50 {_ms(statistics.median(lat))}, p99 {_ms(_pct(lat, 0.99))}, max {_ms(lat[-1])}",
                f"slow clients: {self.slow_cut} cut off by the server, {self.slow_not_cut} not; held p50 "
                f"{statistics.median(held):.1f} s, max {held[-1]:.1f} s",
                f"oversized bodies: {self.oversized_refused} refused, {self.oversized_accepted} accepted",
                f"server-side time of 200s (access log): p50 {_ms(statistics.median(served))}, "
                f"p99 {_ms(_pct(served, 0.99))}, max {_ms(served[-1])}",
                f"/health: {len(self.health)} answered, {self.health_failures} failed; p50 "
                f"{_ms(statistics.median(health))}, p99 {_ms(_pct(health, 0.99))}, max {_ms(health[-1])} "
                f"({self.health_worst_at:.1f} s into the load)",
                f"server RSS: {self.rss_base_kb / 1024:.0f} MB before, peak {self.rss_peak_kb / 1024:.0f} MB "
                f"(+{(self.rss_peak_kb - self.rss_base_kb) / 1024:.0f} MB)",
            ]
            + [f"error: {e}" for e in self.errors[:10]]
            + [f"anomaly: {e}" for e in self.anomalies[:10]]
        )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


@dataclass
class Reply:
    status: int | None
    headers: dict[str, str]
    error: str = ""


async def exchange(port: int, data: bytes, timeout: float) -> Reply:
    """Send one request on a new connection and read the answer to the close (the request says close)."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except (OSError, asyncio.TimeoutError) as e:
        return Reply(None, {}, f"connect: {type(e).__name__} {e}")
    try:
        writer.write(data)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    except (OSError, asyncio.TimeoutError) as e:
        return Reply(None, {}, f"exchange: {type(e).__name__} {e}")
    finally:
        writer.close()
    head = raw.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    if not head[0].startswith("HTTP/1.1 "):
        return Reply(None, {}, f"no answer ({len(raw)} bytes)")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])}
    return Reply(int(head[0].split()[1]), headers)


def well_formed(i: int) -> bytes:
    query = QUERIES[i % len(QUERIES)]
    kind = i % 3
    if kind == 0:
        target = "/sparql?" + urllib.parse.urlencode({"query": query})
        return f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
    if kind == 1:
        body = urllib.parse.urlencode({"query": query}).encode()
        ctype = "application/x-www-form-urlencoded"
    else:
        body, ctype = query.encode(), "application/sparql-query"
    head = f"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {ctype}\r\n"
    return (head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body


async def client(port: int, i: int, s: Scenario, figures: Figures) -> None:
    start = time.monotonic()
    reply = await exchange(port, well_formed(i), s.client_timeout)
    if reply.status == 200:
        figures.ok += 1
        figures.latencies.append(time.monotonic() - start)
    elif reply.status == 503 and reply.headers.get("retry-after", "").isdigit():
        figures.busy += 1
    else:
        figures.errors.append(f"client {i}: {reply.status or reply.error}")


async def slow(port: int, i: int, s: Scenario, figures: Figures) -> None:
    """Headers (even i) or a body (odd i), a byte at a time, until done or cut off."""
    query = QUERIES[0].encode()
    if i % 2 == 0:
        prefix, trickle = b"", well_formed(0)
    else:
        head = "POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/sparql-query\r\n"
        prefix, trickle = (head + f"Content-Length: {len(query)}\r\n\r\n").encode(), query
    start = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        figures.slow_not_cut += 1  # not even connected: counted against the server
        return
    closed = asyncio.ensure_future(reader.read())  # ends when the server closes the connection
    try:
        writer.write(prefix)
        for byte in trickle:
            if closed.done():
                break
            writer.write(bytes([byte]))
            await asyncio.wait({closed}, timeout=s.byte_interval)
        cut = closed.done()
    except OSError:
        cut = True
    finally:
        closed.cancel()
        writer.close()
    figures.slow_held.append(time.monotonic() - start)
    if cut:
        figures.slow_cut += 1
    else:
        figures.slow_not_cut += 1


async def oversized(port: int, i: int, s: Scenario, figures: Figures) -> None:
    size = s.max_body + 200_000
    head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    if i % 2 == 0:  # says so: refused before it is sent
        reply = await exchange(port, f"{head}Content-Length: {size}\r\n\r\n".encode(), s.client_timeout)
    else:  # chunked: refused once the limit is read
        head += "Transfer-Encoding: chunked\r\n\r\n"
        chunk = b"%x\r\n%s\r\n" % (100_000, b"#" * 100_000)
        reply = await exchange(port, head.encode() + chunk * (size // 100_000 + 1), s.client_timeout)
    if reply.status in (413, 503) or (reply.status is None and "exchange" in reply.error):
        figures.oversized_refused += 1  # refused, or cut off while it was still sending
    else:
        figures.oversized_accepted += 1
        figures.anomalies.append(f"oversized {i}: {reply.status or reply.error}")


def probe_health(port: int, figures: Figures, stop: threading.Event) -> None:
    """Ask /health every 100 ms, with blocking sockets in a thread of its own.

    Not in the clients' event loop: there, a probe would wait its turn behind
    thousands of connections being opened, and time the load generator.
    """
    request = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    while not stop.is_set():
        start = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(request)
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
            ok = data.startswith(b"HTTP/1.1 200 ")
        except OSError:
            ok = False
        took = time.monotonic() - start
        if ok:
            if not figures.health or took > max(figures.health):
                figures.health_worst_at = start - figures.began
            figures.health.append(took)
        else:
            figures.health_failures += 1
        stop.wait(0.1)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def sample_rss(pid: int, figures: Figures, stop: threading.Event) -> None:
    while not stop.is_set():
        figures.rss_peak_kb = max(figures.rss_peak_kb, rss_kb(pid))
        stop.wait(0.05)


async def load(port: int, pid: int, s: Scenario) -> Figures:
    figures = Figures(rss_base_kb=rss_kb(pid), began=time.monotonic())
    stop = threading.Event()
    watchers = [
        threading.Thread(target=probe_health, args=(port, figures, stop)),
        threading.Thread(target=sample_rss, args=(pid, figures, stop)),
    ]
    for watcher in watchers:
        watcher.start()
    slow_ones = [asyncio.ensure_future(slow(port, i, s, figures)) for i in range(s.slow)]
    big = [asyncio.ensure_future(oversized(port, i, s, figures)) for i in range(s.oversized)]
    await asyncio.sleep(0.2)  # the slow clients are connected and holding on
    start = time.monotonic()
    await asyncio.gather(*(client(port, i, s, figures) for i in range(s.clients)))
    figures.wall = time.monotonic() - start
    await asyncio.gather(*slow_ones, *big)
    stop.set()
    for watcher in watchers:
        watcher.join()
    return figures


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(graph: Path, s: Scenario, workdir: Path) -> Figures:
    """Start ``kgraph serve`` on ``graph``, load it as the scenario says, stop it; the figures."""
    _enough_files(s.clients + s.slow + s.oversized + 256)
    port = free_port()
    options = [
        f"--timeout={s.timeout}",
        f"--header-timeout={s.header_timeout}",
        f"--body-timeout={s.body_timeout}",
        f"--max-connections={s.max_connections}",
        f"--max-body={s.max_body}",
        f"--access-log={workdir / 'access.log'}",
    ]
    with (workdir / "serve.err").open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kgraph.cli", "serve", str(graph), "--port", str(port), *options],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        _wait_ready(port, proc)
        figures = asyncio.run(load(port, proc.pid, s))
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    for line in (workdir / "access.log").read_text().splitlines():
        fields = line.split(" ")
        if fields[2:5] in (["GET", "/sparql", "200"], ["POST", "/sparql", "200"]):
            figures.served.append(float(fields[6]))
    return figures


def _wait_ready(port: int, proc: subprocess.Popen) -> None:
    request = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    for _ in range(600):
        if proc.poll() is not None:
            raise RuntimeError(f"kgraph serve ended with code {proc.returncode}")
        reply = asyncio.run(exchange(port, request, 5.0))
        if reply.status == 200:
            return
        time.sleep(0.1)
    raise RuntimeError("kgraph serve never answered /health")


def _enough_files(n: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(n, hard), hard))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    d = Scenario()
    ap.add_argument("--graph", type=Path, default=ROOT / "exports" / "graph.ttl")
    ap.add_argument("--clients", type=int, default=d.clients)
    ap.add_argument("--slow", type=int, default=d.slow)
    ap.add_argument("--oversized", type=int, default=d.oversized)
    ap.add_argument("--byte-interval", type=float, default=d.byte_interval)
    ap.add_argument("--timeout", type=float, default=d.timeout)
    ap.add_argument("--header-timeout", type=float, default=d.header_timeout)
    ap.add_argument("--body-timeout", type=float, default=d.body_timeout)
    ap.add_argument("--max-connections", type=int, default=d.max_connections)
    args = ap.parse_args()
    s = Scenario(
        clients=args.clients,
        slow=args.slow,
        oversized=args.oversized,
        byte_interval=args.byte_interval,
        timeout=args.timeout,
        header_timeout=args.header_timeout,
        body_timeout=args.body_timeout,
        max_connections=args.max_connections,
    )
    with tempfile.TemporaryDirectory() as tmp:
        figures = run(args.graph, s, Path(tmp))
    print(
        f"{s.clients} clients at once, {s.slow} slow clients, {s.oversized} oversized bodies; "
        f"--timeout {s.timeout:g} --header-timeout {s.header_timeout:g} --body-timeout {s.body_timeout:g} "
        f"--max-connections {s.max_connections}"
    )
    print(figures.summary())
    print(json.dumps({"ok": figures.ok, "busy": figures.busy, "errors": len(figures.errors)}))


if __name__ == "__main__":
    main()
