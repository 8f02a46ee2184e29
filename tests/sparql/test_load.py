"""A real ``kgraph serve`` under load from real sockets: hundreds of clients at once, slow clients, oversized bodies.

The scenario is bench/load.py's, made small enough to run in about ten
seconds. The old endpoint (a thread per connection, no timeouts, a listen
backlog of 5) reset or timed out a large share of such clients and held every
slow one for ever.
"""

from pathlib import Path

import pytest

from bench.load import Scenario, run

SCENARIO = Scenario(
    clients=300,
    slow=100,
    oversized=20,
    byte_interval=0.2,  # a slow request would take 8 s or more to send: several times the time limits below
    timeout=3.0,  # about what the queue of 300 takes to drain here: some may be answered 503 with Retry-After
    header_timeout=2.0,
    body_timeout=2.0,
    client_timeout=60.0,
)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's memory from /proc")
def test_the_endpoint_under_load(seeds_ttl, tmp_path, capsys):
    figures = run(seeds_ttl, SCENARIO, tmp_path)
    with capsys.disabled():
        print("\n" + figures.summary())
    # Every well-formed query is answered, 200 or 503 with Retry-After: no resets, no timeouts, no other status.
    assert not figures.errors, figures.errors[:10]
    assert figures.ok + figures.busy == SCENARIO.clients and figures.ok > 0
    # Every slow client is cut off at the header or body time limit, long before it is done sending.
    assert figures.slow_cut == SCENARIO.slow and figures.slow_not_cut == 0
    assert figures.oversized_refused == SCENARIO.oversized
    # /health answered in under a second throughout.
    assert figures.health and figures.health_failures == 0
    assert max(figures.health) < 1.0, sorted(figures.health)[-5:]
    # The server's memory stays bounded (the old endpoint took +184 MB from one 200 MB body).
    assert figures.rss_peak_kb - figures.rss_base_kb < 100 * 1024
