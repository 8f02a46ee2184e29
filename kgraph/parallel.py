"""Extraction on every core, or on a Dask cluster: the same Facts, in the same order, as one process gives.

Extraction is a pure function of the article, so articles can go to any process; results come back in the
order of the articles, which keeps the build byte-identical to ``--jobs 1``. Each process builds its
extractors once (jieba and the automata load on first use) and keeps them for every batch it is sent.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kgraph.article import Article
from kgraph.facts import Facts

T = TypeVar("T")

#: Articles per task: large enough that sending them costs little beside extracting them.
BATCH = 32


@dataclass(frozen=True)
class Outcome:
    """What extracting one article gave: its Facts (None where no pack reads its language, or it failed) and,
    for a failure, the error and its traceback as text (exceptions do not always cross processes)."""

    article: Article
    facts: Facts | None
    error: str = ""
    traceback: str = ""


_extractors = None  # this process's extractors, made on first use


def _extract(article: Article) -> Outcome:
    global _extractors
    if _extractors is None:
        from kgraph.pipeline import Extractors

        _extractors = Extractors()
    try:
        return Outcome(article, _extractors(article))
    except Exception as e:  # one article must never stop a build: report it, skip it, go on
        error = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
        return Outcome(article, None, error, traceback.format_exc())


def extract_batch(articles: Sequence[Article]) -> list[Outcome]:
    """Extract a batch in this process (a pool worker's or a Dask worker's task)."""
    return [_extract(a) for a in articles]


def cores() -> int:
    """The cores this process may use (the affinity mask where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _batches(articles: Sequence[Article], size: int) -> deque[Sequence[Article]]:
    return deque(articles[i : i + size] for i in range(0, len(articles), size))


def _drained(items: deque[T]) -> Iterator[T]:
    """The items, each let go once taken: the texts of the articles already sent are not kept here."""
    while items:
        yield items.popleft()


def extract_all(articles: Sequence[Article], jobs: int = 1, dask: str | None = None) -> Iterator[Outcome]:
    """The outcome of each article, in order: in this process (``jobs=1``), in a pool of ``jobs`` processes,
    or on the Dask cluster whose scheduler is at ``dask`` (``tcp://host:8786``).

    Once it has started, nothing here holds an article whose outcome has been given, so a caller that keeps
    no other reference to ``articles`` holds only the texts still to extract (an archive's are gigabytes)."""
    if dask is not None:
        work = _on_dask(_batches(articles, BATCH), dask)
    elif jobs <= 1 or len(articles) <= 1:
        work = map(_extract, _drained(deque(articles)))
    else:
        work = _on_pool(articles, jobs)
    del articles
    yield from work


def _on_pool(articles: Sequence[Article], jobs: int) -> Iterator[Outcome]:
    fork = "fork" in mp.get_all_start_methods()
    if fork:  # load each language's pack (jieba, automata, tables) once here, for the workers to share
        _preload(articles)
    context = mp.get_context("fork" if fork else "spawn")
    size = max(1, min(BATCH, len(articles) // (jobs * 4) or 1))
    batches = _batches(articles, size)
    del articles
    with context.Pool(jobs) as pool:
        for batch in pool.imap(extract_batch, _drained(batches)):
            yield from batch


def _preload(articles: Sequence[Article]) -> None:
    for article in {a.lang: a for a in reversed(articles)}.values():
        _extract(article)


def _on_dask(batches: deque[Sequence[Article]], address: str) -> Iterator[Outcome]:
    try:
        from distributed import Client
    except ImportError as e:  # an optional dependency: say how to get it
        raise RuntimeError("--dask needs Dask's distributed scheduler: pip install 'kgraph[cluster]'") from e
    with Client(address) as client:
        futures = client.map(extract_batch, list(_drained(batches)), pure=False)
        for future in futures:
            yield from future.result()
            future.release()
