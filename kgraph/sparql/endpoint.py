"""Running the endpoint's queries: in forked query processes, a bounded number at once, within a deadline.

Each query runs in one of ``workers`` processes forked from the server (see
``workers.py``), which is killed if the query overruns its time; the process
also renders the answer, so the server only passes bytes on. The time limit
counts from the request's arrival: time spent waiting for a query slot is part
of it, and a request that gets no slot in time, or is left too little time by
the wait, is told the endpoint is busy (503) rather than that its query is too
slow (400).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from dataclasses import dataclass

from kgraph.sparql import federation
from kgraph.sparql.engines import Engine, QueryError, QueryTimeout
from kgraph.sparql.results import render
from kgraph.sparql.workers import Pool, WorkerGone


class Busy(Exception):
    """No query slot came free in time: the client should try again after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Answer:
    """A query's result, rendered by the child that ran it."""

    body: bytes
    truncated: bool  # the result size limit cut it


class Slots:
    """A first-come-first-served set of query slots, waited for with a deadline.

    A freed slot is handed straight to the longest waiter, so a later request
    cannot overtake; a waiter whose time runs out, or whose request is
    cancelled, leaves the queue without a slot. (asyncio.Semaphore under
    ``wait_for`` can lose a slot to a cancellation on some Python versions.)
    """

    def __init__(self, size: int):
        self.size = size
        self.free = size
        self.waiters: deque[asyncio.Future[bool]] = deque()

    @property
    def running(self) -> int:
        return self.size - self.free

    @property
    def waiting(self) -> int:
        return len(self.waiters)

    async def acquire(self, timeout: float) -> bool:
        """True once a slot is ours, False if none came free within ``timeout`` seconds."""
        if self.free > 0:
            self.free -= 1
            return True
        if timeout <= 0:
            return False
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[bool] = loop.create_future()
        self.waiters.append(waiter)
        timer = loop.call_later(timeout, _give_up, waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            if _granted(waiter):
                self.release()  # handed a slot just as the request was cancelled: pass it on
            raise
        finally:
            timer.cancel()
            if not _granted(waiter) and waiter in self.waiters:
                self.waiters.remove(waiter)

    def release(self) -> None:
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(True)
                return
        self.free += 1


def _give_up(waiter: asyncio.Future[bool]) -> None:
    if not waiter.done():
        waiter.set_result(False)


def _granted(waiter: asyncio.Future[bool]) -> bool:
    return waiter.done() and not waiter.cancelled() and waiter.result()


class Endpoint:
    """The engine and the query limits, shared by all requests."""

    def __init__(self, engine: Engine, timeout: float = 10.0, max_rows: int = 10_000, workers: int = 8):
        self.engine = engine
        self.timeout = timeout
        self.max_rows = max_rows
        self.workers = workers
        self.slots = Slots(workers)
        self.pool = Pool(self._answer)
        if not getattr(engine, "allow_service", False):
            federation.load_parser()  # or each query process that checks for SERVICE would build it again
        self.seconds_per_query = 0.05  # a running average, for Retry-After

    def retry_after(self) -> int:
        """Seconds until the queries running and waiting now have likely had their turn (1 to 60)."""
        queued = self.slots.waiting + self.slots.running
        return max(1, min(60, math.ceil(queued * self.seconds_per_query / self.workers)))

    async def run(self, query: str, fmt: str, deadline: float) -> Answer:
        """The query's answer rendered as ``fmt``; QueryError if the query is at fault, Busy if the server is.

        ``deadline`` is the request's arrival plus the time limit, on ``time.monotonic``'s clock.
        """
        if not await self.slots.acquire(deadline - time.monotonic()):
            raise Busy("the endpoint is busy: no query slot came free within the time limit", self.retry_after())
        started = time.monotonic()
        budget = deadline - started
        try:
            return await self._in_worker(query, fmt, budget)
        except QueryTimeout:
            if budget < 0.9 * self.timeout:  # it spent its time waiting for a slot: not the query's fault
                raise Busy("the endpoint is busy: the query waited too long for a slot", self.retry_after()) from None
            raise
        finally:
            self.slots.release()
            self.seconds_per_query = 0.8 * self.seconds_per_query + 0.2 * (time.monotonic() - started)

    async def _in_worker(self, query: str, fmt: str, budget: float) -> Answer:
        limit = QueryTimeout(f"query took longer than the {self.timeout:g} s limit")
        if budget <= 0:
            raise limit
        worker = await self.pool.take()
        try:
            outcome = await asyncio.wait_for(worker.ask((query, fmt, budget)), budget)
        except asyncio.TimeoutError:
            self.pool.discard(worker)  # killed mid-query: the only way to stop it
            raise limit from None
        except WorkerGone:
            self.pool.discard(worker)
            raise QueryError("the query process ended without an answer") from None
        except BaseException:  # cancelled (the client left, the server stops): the query may still run
            self.pool.discard(worker)
            raise
        self.pool.give_back(worker)
        if isinstance(outcome, QueryTimeout):
            raise limit
        if isinstance(outcome, QueryError):
            raise outcome
        assert isinstance(outcome, Answer)
        return outcome

    def _answer(self, request: tuple[str, str, float]) -> Answer | QueryError:
        """In a query process: the query run, its result rendered, or the error that stopped it."""
        query, fmt, budget = request
        try:
            result = self.engine.query(query, None, self.max_rows, budget)
            return Answer(render(result, fmt).encode("utf-8"), result.truncated)
        except QueryError as e:
            return e
        except Exception as e:  # any engine failure becomes a clear 400, not a dead worker
            return QueryError(f"query failed: {e}")

    def close(self) -> None:
        """End the idle query processes (those running a query end with it)."""
        self.pool.close()
