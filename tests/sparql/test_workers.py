"""Query processes: kept across queries, killed and replaced when a query overruns, replaced after many queries."""

import asyncio
import json
import os
import time

import pytest

from kgraph.sparql.endpoint import Endpoint
from kgraph.sparql.engines import ENGINES, QueryError, QueryTimeout, open_engine
from kgraph.sparql.workers import Pool, WorkerGone

ASK = "ASK { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie not yet reaped is no longer running
        return stat.read().split(") ")[1][0] != "Z"


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
def test_a_query_process_serves_many_queries_and_one_that_overruns_is_killed(seeds_ttl, engine_name):
    endpoint = Endpoint(open_engine(engine_name, graph=seeds_ttl), timeout=1, workers=1)

    async def run() -> None:
        first = await endpoint.run(ASK, "json", time.monotonic() + 30)
        assert json.loads(first.body)["boolean"] is True
        (worker,) = endpoint.pool.idle
        await endpoint.run(ASK, "csv", time.monotonic() + 30)
        assert endpoint.pool.idle == [worker] and worker.served == 2  # the same process, no new fork
        with pytest.raises(QueryTimeout, match="longer than the 1 s limit"):
            await endpoint.run(SLOW, "json", time.monotonic() + 1)
        for _ in range(1000):  # a killed process takes a moment to end
            if not alive(worker.pid):
                break
            await asyncio.sleep(0.01)
        assert not alive(worker.pid) and not endpoint.pool.idle
        again = await endpoint.run(ASK, "json", time.monotonic() + 30)  # a new process, forked on demand
        assert json.loads(again.body)["boolean"] is True and endpoint.pool.idle[0].pid != worker.pid

    asyncio.run(run())
    endpoint.close()


def test_query_errors_come_back_from_the_process_and_it_stays(seeds_ttl):
    endpoint = Endpoint(open_engine("oxigraph", graph=seeds_ttl), timeout=10, workers=1)

    async def run() -> None:
        await endpoint.run(ASK, "json", time.monotonic() + 30)
        (worker,) = endpoint.pool.idle
        with pytest.raises(QueryError, match="syntax"):
            await endpoint.run("SELECT WHERE {", "json", time.monotonic() + 30)
        assert endpoint.pool.idle == [worker]

    asyncio.run(run())
    endpoint.close()


def test_a_process_is_replaced_after_its_share_of_queries_and_closing_ends_them_all():
    pool = Pool(lambda request: request * 2, recycle_after=2)

    async def run() -> list[int]:
        pids = []
        for n in range(5):
            worker = await pool.take()
            assert await worker.ask(n) == 2 * n
            pids.append(worker.pid)
            pool.give_back(worker)
        return pids

    pids = asyncio.run(run())
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]
    pool.close()  # after its loop has ended, too
    assert not pool.idle and not pool.fds
    for _ in range(500):  # a killed process takes a moment to end
        if not any(alive(pid) for pid in set(pids)):
            break
        time.sleep(0.01)
    assert not any(alive(pid) for pid in set(pids))


def test_a_process_that_died_idle_is_replaced_and_one_dying_mid_query_is_an_error_not_a_hang(seeds_ttl):
    endpoint = Endpoint(open_engine("oxigraph", graph=seeds_ttl), timeout=10, workers=1)

    async def run() -> None:
        await endpoint.run(ASK, "json", time.monotonic() + 30)
        (worker,) = endpoint.pool.idle
        os.kill(worker.pid, 9)
        for _ in range(1000):  # a killed process takes a moment to end
            if not alive(worker.pid):
                break
            await asyncio.sleep(0.01)
        assert json.loads((await endpoint.run(ASK, "json", time.monotonic() + 30)).body)["boolean"] is True
        assert endpoint.pool.idle[0].pid != worker.pid

    asyncio.run(run())
    endpoint.close()
    dying = Pool(lambda request: os._exit(1))

    async def ask() -> None:
        worker = await dying.take()
        with pytest.raises(WorkerGone):
            await worker.ask("anything")
        dying.discard(worker)

    asyncio.run(ask())
