"""The endpoint's limits, met by real clients over real sockets: bodies, slow clients, busy slots, too many connections.

Each test is built from a finding against the old endpoint: ``Content-Length: -1``
read a 200 MB stream, ``Content-Length: abc`` dropped the connection with a
traceback, slow clients held their threads for ever, and a client waiting for
a busy query slot waited far past the time limit.
"""

import asyncio
import io
import json
import threading
import time
import urllib.parse
from collections.abc import Callable

import pytest

from kgraph.sparql.access import AccessLog
from kgraph.sparql.endpoint import Busy
from kgraph.sparql.engines import open_engine
from kgraph.sparql.server import Endpoint, Limits, serve
from tests.sparql.rawhttp import closed, connect, read_reply

ASK = "ASK { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # runs until it is killed


@pytest.fixture(scope="module")
def engine(seeds_ttl):
    return open_engine("oxigraph", graph=seeds_ttl)


@pytest.fixture
def start(engine):
    """Start an endpoint with some limits; yields (port, access log text) makers; stops them all afterwards."""
    running = []

    def make(limits: Limits | None = None, timeout: float = 10, workers: int = 8) -> tuple[int, io.StringIO]:
        log = io.StringIO()
        endpoint = Endpoint(engine, timeout=timeout, workers=workers)
        server = serve(endpoint, "127.0.0.1", 0, limits or Limits(), AccessLog(log))
        running.append(server)
        return server.server_address[1], log

    yield make
    for server in running:
        server.shutdown()


def get(port: int, target: str, headers: str = "") -> bytes:
    return f"GET {target} HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode()


def query_url(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def ask(port: int, target: str = "/health", headers: str = "") -> tuple[int | None, dict, bytes]:
    with connect(port) as sock:
        sock.sendall(get(port, target, headers + "Connection: close\r\n"))
        reply = read_reply(sock)
    return reply.status, reply.headers, reply.body


def await_state(port: int, ready: Callable[[dict], bool], what: str) -> dict:
    """The endpoint's /health once ``ready`` holds of it (polled; fails after 60 s)."""
    for _ in range(1200):
        state = json.loads(ask(port)[2])
        if ready(state):
            return state
        time.sleep(0.05)
    raise AssertionError(f"never {what}: {state}")


def post_head(length: str, ctype: str = "application/sparql-query") -> bytes:
    return f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\nContent-Length: {length}\r\n\r\n".encode()


def test_content_length_minus_one_is_refused_and_the_stream_is_not_read(start):
    port, _ = start()
    sent = [0]
    error: list[BaseException] = []
    with connect(port) as sock:
        sock.sendall(post_head("-1"))

        def stream() -> None:  # what the reproducer did: keep sending; the old endpoint read all of it
            chunk = b"x" * 65536
            try:
                while sent[0] < 64 * 2**20:
                    sock.sendall(chunk)
                    sent[0] += len(chunk)
            except OSError as e:
                error.append(e)

        sender = threading.Thread(target=stream)
        sender.start()
        reply = read_reply(sock)
        sender.join(timeout=60)
    assert reply.status == 400
    assert error and sent[0] < 64 * 2**20, "the server went on reading the body"
    assert ask(port)[0] == 200  # and it is still up


def test_content_length_abc_gets_a_clean_400(start):
    port, log = start()
    with connect(port) as sock:
        sock.sendall(post_head("abc") + b"ASK { ?s ?p ?o }")
        reply = read_reply(sock)
        assert reply.status == 400 and closed(sock)
    assert ask(port)[0] == 200
    assert " - - 400 - " in log.getvalue()  # logged, though it never reached the app


def test_a_body_declared_over_the_limit_is_refused_before_it_is_sent(start):
    port, _ = start(Limits(max_body=1000))
    with connect(port) as sock:
        sock.sendall(post_head("1001"))
        reply = read_reply(sock)
        assert reply.status == 413 and reply.headers["connection"] == "close"
        assert "above 1000 bytes" in json.loads(reply.body)["error"]
        assert closed(sock)


def test_a_chunked_body_is_cut_at_the_limit_on_the_bytes_read(start):
    port, _ = start(Limits(max_body=100_000))
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"%x\r\n%s\r\n" % (10_000, b"#" * 10_000)
    with connect(port) as sock:
        sock.sendall(head + chunk * 11)  # 110,000 bytes, no size given: only counting them can stop it
        reply = read_reply(sock)
    assert reply.status == 413


def test_a_client_sending_its_headers_a_byte_at_a_time_is_cut_off(start):
    port, log = start(Limits(header_timeout=0.5))
    request = get(port, query_url(ASK))
    with connect(port, timeout=30) as sock:
        try:
            for byte in request:  # ~10 s at this pace: far past the deadline, which no byte moves on
                sock.send(bytes([byte]))
                time.sleep(0.05)
        except OSError:
            pass
        reply = read_reply(sock)
    assert reply.status == 408
    assert " - - 408 0 " in log.getvalue()


def test_a_connection_that_sends_nothing_is_closed(start):
    port, _ = start(Limits(header_timeout=0.5))
    with connect(port, timeout=30) as sock:
        assert closed(sock)


def test_a_slow_body_gets_408(start):
    port, log = start(Limits(body_timeout=0.5))
    with connect(port, timeout=30) as sock:
        sock.sendall(post_head("100") + b"ASK { ")
        reply = read_reply(sock)
        assert reply.status == 408 and "did not arrive" in json.loads(reply.body)["error"]
        assert closed(sock)
    assert "POST /sparql 408" in log.getvalue()


def test_waiting_for_a_busy_query_slot_counts_in_the_time_limit_and_ends_in_503(start):
    """Was: with the query slots busy, a client waited 14.6 s although the limit was 5 s.

    Now the time limit counts from the request's arrival: the second slow query
    gets the slot only for what is left of its time, runs out of it, and is
    told the server was busy (the old endpoint gave it the whole limit again,
    then a 400 blaming the query).
    """
    port, _ = start(timeout=4, workers=1)
    slow = threading.Thread(target=ask, args=(port, query_url(SLOW)))
    slow.start()
    await_state(port, lambda state: state["queries"]["running"] == 1, "the slow query held the only slot")
    status, headers, body = ask(port, query_url(SLOW))  # arrives within the first one's 4 s: it has to wait
    slow.join()
    assert status == 503, body
    assert int(headers["retry-after"]) >= 1 and "busy" in json.loads(body)["error"]


def test_no_query_slot_within_the_remaining_time_is_busy(engine):
    endpoint = Endpoint(engine, timeout=10, workers=1)

    async def run() -> None:
        assert await endpoint.slots.acquire(1)  # every slot taken
        with pytest.raises(Busy) as busy:
            await endpoint.run(ASK, "json", time.monotonic() + 0.2)
        assert busy.value.retry_after >= 1 and endpoint.slots.waiting == 0
        endpoint.slots.release()
        answer = await endpoint.run(ASK, "json", time.monotonic() + 10)
        assert json.loads(answer.body)["boolean"] is True and endpoint.slots.free == 1

    asyncio.run(run())


def test_health_answers_while_every_query_slot_is_busy(start):
    port, _ = start(timeout=5, workers=1)
    slow = threading.Thread(target=ask, args=(port, query_url(SLOW)))
    slow.start()
    waiting = threading.Thread(target=ask, args=(port, query_url(ASK)))
    await_state(port, lambda state: state["queries"]["running"] == 1, "the slow query held the only slot")
    waiting.start()
    state = await_state(port, lambda state: state["queries"]["waiting"] == 1, "a query waited for the slot")
    assert state["queries"] == {"running": 1, "waiting": 1, "slots": 1}
    slow.join()
    waiting.join()


def test_over_max_connections_a_query_gets_503_with_retry_after_and_health_still_answers(start):
    port, _ = start(Limits(max_connections=4, header_timeout=120))
    idle = [connect(port) for _ in range(5)]
    try:
        await_state(port, lambda state: state["connections"] >= 6, "the server accepted them all")  # with this one
        status, headers, body = ask(port, query_url(ASK))
        assert status == 503 and int(headers["retry-after"]) >= 1 and headers["connection"] == "close"
        assert "over 4 connections" in json.loads(body)["error"]
        assert ask(port)[0] == 200
    finally:
        for sock in idle:
            sock.close()
    await_state(port, lambda state: state["connections"] <= 1, "the server saw them closed")
    assert ask(port, query_url(ASK))[0] == 200


def test_bodies_held_at_once_are_bounded(start):
    port, _ = start(Limits(max_buffered=1000))
    with connect(port) as sock:
        sock.sendall(post_head("2000") + b"#" * 2000)
        reply = read_reply(sock)
    assert reply.status == 503 and "retry-after" in reply.headers


def test_methods_paths_and_the_access_log(start):
    port, log = start()
    assert ask(port, "/nowhere")[0] == 404
    with connect(port) as sock:
        sock.sendall(b"DELETE /sparql HTTP/1.1\r\nHost: x\r\n\r\n")
        assert read_reply(sock).status == 405
    status, headers, body = ask(port, query_url(ASK), "Accept: text/csv\r\n")
    assert status == 200 and body == b"boolean\r\ntrue\r\n" and headers["access-control-allow-origin"] == "*"
    with connect(port) as sock:
        sock.sendall(f"HEAD {query_url(ASK)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        head = read_reply(sock)
        assert head.status == 200 and int(head.headers["content-length"]) > 0
    lines = log.getvalue().splitlines()
    assert len(lines) == 4, lines
    when, client, method, path, status, size, seconds = lines[2].split(" ")
    assert when.endswith("Z") and client.startswith("127.0.0.1:")
    assert (method, path, status, size) == ("GET", "/sparql", "200", "15")
    assert float(seconds) >= 0
    assert [line.split(" ")[2:5] for line in lines] == [
        ["GET", "/nowhere", "404"],
        ["DELETE", "/sparql", "405"],
        ["GET", "/sparql", "200"],
        ["HEAD", "/sparql", "200"],
    ]


def test_a_kept_alive_connection_serves_several_requests_then_is_closed_when_idle(start):
    port, _ = start(Limits(header_timeout=0.5))
    with connect(port) as sock:
        for fmt in ("text/csv", "text/tab-separated-values"):
            sock.sendall(get(port, query_url(ASK), f"Accept: {fmt}\r\n"))
            reply = read_reply(sock)
            assert reply.status == 200 and reply.headers["content-type"].startswith(fmt)
        assert closed(sock)  # the next request's headers never came
