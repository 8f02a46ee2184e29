"""Query processes: forked from the server, each runs queries one at a time, and is killed if one overruns.

Neither engine can cancel a running query, so queries run in processes that
can be killed. A process shares the loaded graph with the server
copy-on-write. It is forked once and kept for many queries: forking copies the
server's page tables, and then both sides copy each page they write, which
costs tens of milliseconds on a server holding a large graph, all of it with
the server's event loop standing still. A process whose query overruns is
killed, and a new one is forked when next needed; after ``recycle_after``
queries a process is replaced, so that what it has copied does not grow for
ever.
"""

from __future__ import annotations

import asyncio
import gc
import os
import pickle
import signal
import stat
from collections.abc import Callable
from typing import Any

#: Query processes run below the server, so that accepting, refusing and /health stay quick when queries
#: take every CPU.
NICENESS = 5
HEADER = 8  # bytes of message length before each pickled message


class WorkerGone(Exception):
    """The query process ended, or its pipe broke, before it answered."""


class Worker:
    """One query process and the server's ends of its two pipes."""

    def __init__(self, pid: int, requests: int, answers: int, loop: asyncio.AbstractEventLoop):
        self.pid = pid
        self.requests = requests  # the server writes requests here
        self.answers = answers  # and reads answers here, through ``reader``
        self.pipe = os.fdopen(answers, "rb", buffering=0)  # which owns (and closes) that descriptor
        self.loop = loop
        self.reader = asyncio.StreamReader()
        self.transport: asyncio.BaseTransport | None = None
        self.served = 0

    def alive(self) -> bool:
        try:
            return os.waitpid(self.pid, os.WNOHANG)[0] == 0
        except ChildProcessError:
            return False

    async def connect(self) -> None:
        self.transport, _ = await self.loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(self.reader), self.pipe
        )

    async def ask(self, request: Any) -> Any:
        """Send a request and await the answer (cancel the wait, then discard the worker, to give up)."""
        try:
            _write(self.requests, pickle.dumps(request))
            size = int.from_bytes(await self.reader.readexactly(HEADER), "big")
            data = await self.reader.readexactly(size)
        except (OSError, asyncio.IncompleteReadError) as e:
            raise WorkerGone(str(e)) from e
        return pickle.loads(data)


class Pool:
    """Idle query processes, forked on demand; ``serve`` is what a process does with each request."""

    def __init__(self, serve: Callable[[Any], Any], recycle_after: int = 1000):
        self.serve = serve
        self.recycle_after = recycle_after
        self.idle: list[Worker] = []
        self.fds: set[int] = set()  # the server's ends of every worker's pipes, which a new worker must not keep

    async def take(self) -> Worker:
        """An idle worker of this event loop, or a new one."""
        loop = asyncio.get_running_loop()
        while self.idle:
            worker = self.idle.pop()
            if worker.loop is loop and worker.alive():
                return worker
            self.discard(worker)  # ended while idle, or made for another loop (whose pipe is bound there)
        return await self._fork(loop)

    def give_back(self, worker: Worker) -> None:
        worker.served += 1
        if worker.served >= self.recycle_after:
            self.discard(worker)
        else:
            self.idle.append(worker)

    def discard(self, worker: Worker) -> None:
        """Close the worker's pipes, kill it, and reap it (later, if it takes time to end)."""
        self.fds -= {worker.requests, worker.answers}
        try:
            os.close(worker.requests)
        except OSError:
            pass
        if worker.transport is not None and not worker.loop.is_closed():
            worker.transport.close()  # closes the pipe
        else:
            worker.pipe.close()
        _end(worker.pid, None if worker.loop.is_closed() else worker.loop)

    def close(self) -> None:
        while self.idle:
            self.discard(self.idle.pop())

    async def _fork(self, loop: asyncio.AbstractEventLoop) -> Worker:
        req_r, req_w = os.pipe()
        ans_r, ans_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (req_r, req_w, ans_r, ans_w):
                os.close(fd)
            raise
        if pid == 0:  # the worker: serve requests until the server closes the pipe, never return
            try:
                os.close(req_w)
                os.close(ans_r)
                for fd in self.fds:
                    os.close(fd)
                self._work(req_r, ans_w)
            finally:
                os._exit(0)
        os.close(req_r)
        os.close(ans_w)
        worker = Worker(pid, req_w, ans_r, loop)
        self.fds |= {req_w, ans_r}
        try:
            await worker.connect()
        except BaseException:
            self.discard(worker)
            raise
        return worker

    def _work(self, requests: int, answers: int) -> None:
        """The worker's life: read a request, answer it, until the server closes the pipe."""
        gc.freeze()  # collections leave the objects shared with the server alone, so they are not copied
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)  # the server's handlers are for the server
        os.nice(NICENESS)
        _close_sockets()
        with os.fdopen(requests, "rb") as inp:
            while True:
                header = inp.read(HEADER)
                if len(header) < HEADER:
                    return
                request = pickle.loads(inp.read(int.from_bytes(header, "big")))
                _write(answers, pickle.dumps(self.serve(request)))


def _write(fd: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(HEADER, "big") + data)
    while view:
        view = view[os.write(fd, view) :]


def _end(pid: int, loop: asyncio.AbstractEventLoop | None) -> None:
    """Kill the process if it still runs and reap it; without blocking, given a loop to look again on."""
    try:
        ended, _ = os.waitpid(pid, os.WNOHANG)
        if ended:
            return
        os.kill(pid, signal.SIGKILL)
        if loop is None:
            os.waitpid(pid, 0)
        else:
            loop.call_later(0.01, _end, pid, loop)
    except (ChildProcessError, ProcessLookupError):  # already reaped
        pass


def _close_sockets() -> None:
    """Close the client connections and the listening socket the worker inherited.

    Holding them would keep every connection the server closes open while the
    worker lives, and the port bound after the server stops.
    """
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc: leave them
        return
    for fd in fds:
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass
