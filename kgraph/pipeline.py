"""The Python API: read articles, extract Facts, build the graph, write exports.

The CLI is a thin layer over these functions, and a notebook uses them the same way::

    from kgraph.pipeline import build
    result = build(["seeds/"])
    result.graph.number_of_nodes()
"""

from __future__ import annotations

import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kgraph import diagnostics as D
from kgraph import gazetteer, reading
from kgraph.article import Article
from kgraph.diagnostics import Warning
from kgraph.export.formats import FORMATS, select_formats, write_formats
from kgraph.extract import packs
from kgraph.extract.core import Extractor
from kgraph.facts import Facts
from kgraph.graph import ARTICLE, build_graph

#: Export formats by name (see :mod:`kgraph.export.formats`).
EXPORTS = FORMATS


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: it is left out of the graph and reported."""

    article: str
    path: str
    error: BaseException
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
        if article.lang not in self.by_lang:
            if article.lang not in packs.names():
                return None
            self.by_lang[article.lang] = Extractor(packs.get(article.lang), self.gaz)
        return self.by_lang[article.lang](article)


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
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    max_bytes: int = reading.MAX_BYTES,
) -> BuildResult:
    """Read, extract and merge: the graph of the articles under ``paths``."""
    articles, warnings = read_articles(paths, max_bytes)
    extract = Extractors()
    facts: list[Facts] = []
    unsupported: list[str] = []
    failed: list[Failure] = []
    for article in progress(articles) if progress else articles:
        try:
            result = extract(article)
        except Exception as e:  # one article must never stop a build: report it, skip it, go on
            failed.append(Failure(article.id, article.path, e, traceback.format_exc()))
            warnings.append(
                Warning(
                    article.path or article.id,
                    D.EXTRACTION_FAILED.format(id=article.id, error=_describe(e)),
                    skipped=True,
                )
            )
            continue
        if result is None:
            unsupported.append(article.id)
            result = Facts(article)
        facts.append(result)
    return BuildResult(build_graph(facts), facts, warnings, unsupported, failed)


def _describe(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def write_exports(
    g: nx.MultiDiGraph, out: str | os.PathLike[str], html: bool = True, formats: Iterable[str] | None = None
) -> list[Path]:
    """Write the export formats named in ``formats`` (default: all of :data:`EXPORTS`) into ``out``.

    ``html=False`` leaves out the explorer page. Each file appears whole or not at all.
    """
    chosen = [f for f in select_formats(formats) if html or f.name != "html"]
    return write_formats(g, Path(out), chosen)
