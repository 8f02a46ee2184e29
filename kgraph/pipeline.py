"""The Python API: read articles, extract Facts, build the graph, write exports.

The CLI is a thin layer over these functions, and a notebook uses them the same way::

    from kgraph.pipeline import build
    result = build(["seeds/"])
    result.graph.number_of_nodes()
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph import diagnostics as D
from kgraph import gazetteer, graphstate, heap, parallel, reading
from kgraph.article import Article
from kgraph.diagnostics import Warning
from kgraph.export.formats import FORMATS, select_formats, write_formats
from kgraph.extract import packs
from kgraph.extract.core import Extractor
from kgraph.facts import Facts
from kgraph.factstore import FactStore, article_key
from kgraph.graph import ARTICLE, GraphBuilder, build_graph
from kgraph.graph import article_key as node_key

#: Articles whose stored facts are read from the cache at once.
CHUNK = 256

#: Export formats by name (see :mod:`kgraph.export.formats`).
EXPORTS = FORMATS


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: it is left out of the graph and reported (the error as text, for it
    may have been raised in another process)."""

    article: str
    path: str
    error: str
    traceback: str


@dataclass(frozen=True)
class Summary:
    articles: int
    entities: dict[str, int]
    relations: dict[str, int]
    warnings: int
    skipped: int
    failed: int


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    facts: list[Facts] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    extracted: int = 0  # articles extracted by this build (the others' facts came from the cache)
    merged: int = 0  # articles merged by this build (the others' were in the graph it kept)

    def summary(self) -> Summary:
        """Counts of what the build read and made, as the CLI prints them."""
        g = self.graph
        entities = Counter(d["type"] for _, d in g.nodes(data=True) if d["type"] != ARTICLE)
        relations = Counter(d["type"] for _, _, d in g.edges(data=True) if d["type"] not in ("mentions", "author"))
        return Summary(
            articles=sum(1 for _, d in g.nodes(data=True) if d["type"] == ARTICLE),
            entities=dict(sorted(entities.items())),
            relations=dict(sorted(relations.items())),
            warnings=len(self.warnings),
            skipped=sum(1 for w in self.warnings if w.skipped),
            failed=len(self.failed),
        )


class Extractors:
    """One extractor per language pack, built on first use (a Chinese build loads jieba, an English one not)."""

    def __init__(self) -> None:
        self.gaz = gazetteer.shared()
        self.by_lang: dict[str, Extractor] = {}

    def __call__(self, article: Article) -> Facts | None:
        """The article's Facts, or None when no pack reads its language."""
        if article.lang not in packs.names():
            return None
        pack = packs.get(article.lang)
        extractor = self.by_lang.get(article.lang)
        if extractor is None or extractor.pack is not pack:  # a pack registered anew under the same name
            extractor = self.by_lang[article.lang] = Extractor(pack, self.gaz)
        return extractor(article)


def read_articles(
    paths: Iterable[str | os.PathLike[str]], max_bytes: int = reading.MAX_BYTES
) -> tuple[list[Article], list[Warning]]:
    articles: list[Article] = []
    warnings: list[Warning] = []
    for found, problems in reading.read(paths, max_bytes):
        articles += found
        warnings += problems
    seen: set[str] = set()
    unique: list[Article] = []
    for a in articles:
        if a.id in seen:
            warnings.append(Warning(a.path, f"duplicate article id {a.id!r}; the first one is kept", skipped=True))
            continue
        seen.add(a.id)
        unique.append(a)
    return unique, warnings


def build(
    paths: Iterable[str | os.PathLike[str]],
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
    max_bytes: int = reading.MAX_BYTES,
    jobs: int = 1,
    dask: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    keep_facts: bool = False,
) -> BuildResult:
    """Read, extract and merge: the graph of the articles under ``paths``.

    ``jobs`` processes extract at once (or the Dask cluster whose scheduler is at ``dask``), with the same
    result as one. With ``cache`` (a SQLite file) the facts of each article are kept there, and an article
    whose text and extractor are unchanged since is not extracted again (see :mod:`kgraph.factstore`).
    Each article's Facts are merged into the graph as they come and then let go, unless ``keep_facts``.
    """
    articles, warnings = read_articles(paths, max_bytes)
    articles.sort(key=lambda a: a.id)  # the order the graph merges them in: no article's facts wait for another's
    store = FactStore(cache) if cache is not None else None
    keys = {a.id: article_key(a) for a in articles} if store is not None else {}
    known = {a.id: (keys[a.id], Path(a.path).name) for a in articles} if store is not None else {}
    kept_in = graphstate.folder(Path(cache)) if cache is not None else None
    if kept_in is not None:
        graphstate.fingerprint()  # of the code as this build starts: the graph it keeps is that code's
    with heap.kept() as settle:  # what is merged stays to the end: the collector need not walk it again
        fits = partial(graphstate.usable, known=known)
        kept = _kept(kept_in, fits, warnings) if kept_in is not None and not keep_facts else None
        settle()
        builder = kept.builder if kept is not None else GraphBuilder()
        held = set(builder.articles)
        merge = [a for a in articles if node_key(a.id) not in held]  # the kept graph holds the others
        stored = store.present(keys[a.id] for a in merge) if store is not None else set()
        todo = [a for a in merge if keys.get(a.id) not in stored]
        result = BuildResult(nx.MultiDiGraph(), warnings=warnings, extracted=len(todo), merged=len(merge))
        if not keep_facts:  # the merge reads an article's metadata, not its text (an archive's are gigabytes):
            # the extraction holds the texts still to extract, and nothing holds those already merged
            merge = [dataclasses.replace(a, text="") for a in merge]
        del articles
        outcomes = parallel.extract_all(todo, jobs, dask)
        del todo
        extracted = iter(progress(outcomes) if progress else outcomes)
        for i in range(0, len(merge), CHUNK):
            chunk = merge[i : i + CHUNK]
            cached = store.get_for([a for a in chunk if keys[a.id] in stored], keys) if store is not None else {}
            new: list[tuple[str, Facts]] = []
            for article in chunk:
                facts = cached.get(article.id) or _facts(next(extracted), result)
                if facts is None:
                    continue
                if store is not None and article.id not in cached and article.id not in result.unsupported:
                    new.append((keys[article.id], facts))
                builder.add(facts)
                if keep_facts:
                    result.facts.append(facts)
            if store is not None:
                store.put_many(new)
            settle()
        if store is not None:
            with store:
                store.prune(keys.values())
        result.graph = builder.finish()
        if kept_in is not None and (kept is None or merge):  # keep the graph for the next build
            held_now = {a: k for a, k in known.items() if node_key(a) in result.graph}
            try:
                graphstate.save(kept_in, builder, held_now, kept.layout if kept is not None else None)
            except OSError as e:  # a full disk: the graph is built all the same, and the last one kept stays whole
                problem = e.strerror or e
                warnings.append(Warning(str(kept_in), D.GRAPH_NOT_KEPT.format(error=problem)))
    return result


def _kept(folder: Path, fits: Callable[[graphstate.Header], bool], warnings: list[Warning]) -> graphstate.Loaded | None:
    """The graph kept in ``folder`` if there is one that ``fits`` (see :mod:`kgraph.graphstate`); a kept
    graph that cannot be read is reported (and the caller merges every article again)."""
    try:
        header = graphstate.read_header(folder)
        if header is None or not fits(header):
            return None
        return graphstate.load(folder, header)
    except graphstate.StateError as e:
        warnings.append(Warning(str(folder), D.KEPT_GRAPH_UNREADABLE.format(error=e)))
        return None


def cached_graph(cache: str | os.PathLike[str]) -> tuple[nx.MultiDiGraph, int, list[Warning]]:
    """The graph of the facts in the cache ``cache`` (as the last build with it left them), the number of its
    articles, and what went wrong on the way: the graph that build kept, when it holds those facts, else
    every article's facts merged again."""
    warnings: list[Warning] = []
    with FactStore(cache) as store:
        keys = set(store.keys())

        def fits(header: graphstate.Header) -> bool:
            return header.fingerprint == graphstate.fingerprint() and {k for k, _ in header.articles.values()} == keys

        with heap.kept() as settle:
            kept = _kept(graphstate.folder(Path(cache)), fits, warnings)
            settle()
        if kept is not None:
            return kept.builder.g, len(kept.builder.articles), warnings
        facts = store.all()
    return build_graph(facts), len(facts), warnings


def _facts(outcome: parallel.Outcome, result: BuildResult) -> Facts | None:
    """The facts of an extracted article; a failure or an unsupported language is recorded in ``result``."""
    article = outcome.article
    if outcome.error:  # one article must never stop a build: report it, skip it, go on
        result.failed.append(Failure(article.id, article.path, outcome.error, outcome.traceback))
        message = D.EXTRACTION_FAILED.format(id=article.id, error=outcome.error)
        result.warnings.append(Warning(article.path or article.id, message, skipped=True))
        return None
    if outcome.facts is None:
        result.unsupported.append(article.id)
        return Facts(article)
    return outcome.facts


def write_exports(
    g: nx.MultiDiGraph, out: str | os.PathLike[str], html: bool = True, formats: Iterable[str] | None = None
) -> list[Path]:
    """Write the export formats named in ``formats`` (default: all of :data:`EXPORTS`) into ``out``.

    ``html=False`` leaves out the explorer page. The files are written into a staging folder inside ``out``
    and swapped in together, followed by ``manifest.json`` (their sizes and SHA-256 sums): each file appears
    whole or not at all, and a writer that fails changes nothing (see :mod:`kgraph.export.outdir`).
    """
    chosen = [f for f in select_formats(formats) if html or f.name != "html"]
    with heap.kept() as settle:
        settle()  # the graph outlives the exports: the collector need not walk it while they are written
        return write_formats(g, Path(out), chosen)
