"""The merged graph kept between builds, so a build that gained articles merges only those.

Merging every article's cached facts again costs about a millisecond an article (minutes for an archive),
where reading back the merged graph costs a tenth of that. So a build with a fact cache keeps, beside it,
the graph it finished and what merging more articles into it needs (:class:`~kgraph.graph.GraphBuilder`:
each entity as merged, the evidence book). The next build goes on from there when every article the graph
holds is still there unchanged, and merges the others. The graph does not depend on the order articles are
merged in, so the result is the same bytes as merging everything again. An article removed or changed,
other code or lexicons, another Python: the kept graph is not used, the build merges every article's facts
again and keeps that graph instead.

A kept graph is a folder: ``state``, records of plain values (:mod:`kgraph.framed`: a header naming the
code and the articles, then the evidence book, the nodes, the edges, the merged entities and an end), and
``sentences-*.bin``, the book's sentences. A build that goes on from the folder appends sentences to that
file, and ``state`` says how much of it is its own, so a build that stops half-way leaves the last one
whole; ``state`` is replaced in one rename.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kgraph import framed, heap
from kgraph.evidence import EVIDENCE_BOOK, EvidenceBook, EvidenceList
from kgraph.fingerprints import PACKAGE, digest, module_files
from kgraph.graph import GraphBuilder, Merged

#: Bump when what ``state`` holds changes shape.
FORMAT = 1
STATE = "state"
#: Nodes (or entities) a record holds.
BATCH = 2_000
#: The sections of a state file, in order; each a series of records of BATCH items (the last one fewer).
SECTIONS = ("nodes", "edges", "merged")
BUFFER = 1 << 20

#: An article as a kept graph knows it: the key of its facts, and the name of its file (which the graph gives).
Known = tuple[str, str]


class StateError(Exception):
    """A kept graph that cannot be read: the message names the file and what is wrong."""


def folder(cache: Path) -> Path:
    """Where the graph of the builds using the fact cache ``cache`` is kept: beside it."""
    return cache.with_name(cache.stem + ".graph")


@cache
def fingerprint(package: Path = PACKAGE) -> str:
    """A hash of the merge's code (this module and every kgraph module it imports: the graph, its structure,
    the evidence book, the naming grammar, the gazetteer), of the data files and of the Python whose
    ``marshal`` format the state is in. The extractor's code needs no place here: it is in every article's
    key (:func:`kgraph.factstore.article_key`), which the state names."""
    salt = f"kgraph-graph/{FORMAT}/{sys.implementation.cache_tag}/{marshal.version}"
    return digest(module_files([__name__], package), package, salt)


@dataclass(frozen=True)
class Header:
    """What a kept graph is of: the code that made it, and each article it holds (by id)."""

    fingerprint: str
    articles: dict[str, Known]
    sentences: str  # the book's file, in the folder


@dataclass(frozen=True)
class Layout:
    """Where the records of a state file lie (offset, size, items), by section, and the file as it was read:
    a build that saves the graph again copies the records of what did not change rather than writing them."""

    path: Path
    identity: tuple[int, int, int]  # inode, size, modification time: the file read, if it is still there
    records: dict[str, list[tuple[int, int, int]]]


@dataclass(frozen=True)
class Loaded:
    """A kept graph read back: its builder, and where its records lie."""

    builder: GraphBuilder
    layout: Layout


def _identity(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def read_header(folder: Path) -> Header | None:
    """The header of the graph kept in ``folder``, None if there is none."""
    path = folder / STATE
    try:
        stream = open(path, "rb")  # noqa: SIM115  # closed below
    except FileNotFoundError:
        return None
    except OSError as e:
        raise StateError(f"{path}: cannot be read ({e.strerror or e})") from None
    with stream:
        head = _read(stream, path)
    if not isinstance(head, dict) or "format" not in head:
        raise StateError(f"{path}: not a kept graph")
    if head["format"] != FORMAT:  # kept by another version of kgraph: of other code, as far as this one knows
        return Header(f"format {head['format']}", {}, "")
    try:
        articles = {a: (key, file) for a, key, file in head["articles"]}
        return Header(head["fingerprint"], articles, head["sentences"])
    except (KeyError, TypeError, ValueError) as e:
        raise StateError(f"{path}: the header is damaged ({e})") from None


def usable(header: Header, known: Mapping[str, Known]) -> bool:
    """Whether a build of the articles ``known`` (by id) can go on from the kept graph: the same code made it,
    and every article it holds is among them, unchanged (new ones are merged into it)."""
    return header.fingerprint == fingerprint() and all(known.get(a) == k for a, k in header.articles.items())


def load(folder: Path, header: Header) -> Loaded:
    """The builder of the graph kept in ``folder``, ready to merge more articles (and to finish again)."""
    with heap.paused():  # millions of objects that all live on
        return _load(folder, header)


def _load(folder: Path, header: Header) -> Loaded:
    path = folder / STATE
    try:
        return _read_state(folder, header, path)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as e:  # records not as written
        raise StateError(f"{path}: damaged ({type(e).__name__}: {e})") from None


def _read_state(folder: Path, header: Header, path: Path) -> Loaded:
    records: dict[str, list[tuple[int, int, int]]] = {section: [] for section in SECTIONS}
    with open(path, "rb", buffering=BUFFER) as stream:
        identity = _identity(path)
        _read(stream, path)  # the header
        tag, ids, ends, articles = _read(stream, path)
        if tag != "book":
            raise StateError(f"{path}: the evidence book is missing")
        try:
            book = EvidenceBook.resume(folder / header.sentences, ids, ends)
        except OSError as e:
            raise StateError(f"{folder / header.sentences}: cannot be read ({e.strerror or e})") from None
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        g.graph[EVIDENCE_BOOK] = book
        nodes, succ, pred = g._node, g._succ, g._pred  # type: ignore[attr-defined]
        merged: dict[str, Merged] = {}
        # one string for each node and article, however many records name it, as a build keeps them
        same = dict(zip(ids, ids))
        one: dict[str, str] = {}
        of = EvidenceList.of
        while True:
            at = stream.tell()
            record = _read(stream, path)
            tag = record[0]
            if tag in records:
                records[tag].append((at, stream.tell() - at, len(record[1])))
            if tag == "nodes":
                for key, attrs in record[1]:
                    nodes[key] = attrs
                    one[key] = key
                    succ[key] = {}
                    pred[key] = {}
                    named = attrs.get("articles")
                    if named:
                        attrs["articles"] = [same[a] for a in named]
            elif tag == "edges":
                for u, out in record[1]:
                    u = one[u]
                    targets = succ[u]
                    for v, keyed in out:
                        edges = {}
                        for k, attrs in keyed:
                            packed = attrs.get("evidence")
                            if packed.__class__ is bytes:
                                attrs["evidence"] = of(book, packed)
                            edges[k] = attrs
                        v = one[v]
                        targets[v] = pred[v][u] = edges  # (no code reads an order into a node's edges in)
            elif tag == "merged":
                for values in record[1]:
                    m = Merged.restore(values)
                    m.first = same[m.first]
                    merged[one[values[0]]] = m
            elif tag == "end":
                if record[1:] != (len(nodes), len(merged)):
                    raise StateError(f"{path}: holds fewer nodes or entities than it was written with")
                break
            else:
                raise StateError(f"{path}: an unknown record {tag!r}")
    builder = GraphBuilder.resume(g, merged, [one[a] for a in articles])
    return Loaded(builder, Layout(path, identity, records))


def save(folder: Path, builder: GraphBuilder, articles: Mapping[str, Known], layout: Layout | None = None) -> None:
    """Keep the finished graph of ``builder``, whose articles are ``articles`` (by id), in ``folder``. Given
    the ``layout`` of the kept graph the builder was read from, the records of nodes, edges and entities that
    did not change since (``builder.dirty``) are copied from that file as they are."""
    folder.mkdir(parents=True, exist_ok=True)
    book = builder.book
    made: list[Path] = []  # the files this save makes, removed if it fails
    try:
        if book.path is not None and book.path.parent.resolve() == folder.resolve():
            sentences = book.path  # the kept graph's own file, which this build appended to
        else:
            sentences = _new_file(folder, "sentences-", ".bin", made)
        ids, ends = book.save(sentences)
        state = _new_file(folder, "state-", "", made)
        with state.open("wb", buffering=BUFFER) as out:
            head = {
                "format": FORMAT,
                "fingerprint": fingerprint(),
                "sentences": sentences.name,
                "articles": [[a, *articles[a]] for a in sorted(articles)],
            }
            framed.write(out, head)
            framed.write(out, ("book", ids, ends, builder.articles))
            with heap.paused(), _Copier(layout) as copier:  # (batches of containers by the hundred thousand)
                _write_graph(out, builder, copier)
        os.replace(state, folder / STATE)
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    for stale in folder.iterdir():  # the files of the graphs kept before, and of builds that stopped
        if stale.name.startswith(("sentences-", "state-")) and stale.name != sentences.name:
            stale.unlink(missing_ok=True)


def _new_file(folder: Path, prefix: str, suffix: str, made: list[Path]) -> Path:
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    os.close(fd)
    made.append(Path(name))
    return made[-1]


def _write_graph(out: BinaryIO, builder: GraphBuilder, copier: _Copier) -> None:
    g, dirty = builder.g, builder.dirty
    nodes, succ = g._node, g._succ  # type: ignore[attr-defined]
    sections: list[tuple[str, Iterable[list[Any]], Callable[[list[Any]], list[Any]]]] = [
        ("nodes", _batches(nodes.items()), lambda batch: batch),
        ("edges", _batches(succ.items()), _edges),
        ("merged", _batches(builder.merged.items()), lambda batch: [m.values(key) for key, m in batch]),
    ]
    for section, batches, plain in sections:
        for i, batch in enumerate(batches):
            if not copier.copy(out, section, i, batch, dirty):
                framed.write(out, (section, plain(batch)))
    framed.write(out, ("end", len(nodes), len(builder.merged)))


def _edges(batch: list[tuple[str, dict]]) -> list[Any]:
    return [(u, [(v, [(k, _plain(a)) for k, a in keyed.items()]) for v, keyed in to.items()]) for u, to in batch]


class _Copier:
    """Copies a record of the state file a graph was read from, if it holds the same items, none of them
    changed since, and the file is still as it was read."""

    def __init__(self, layout: Layout | None):
        self.layout = layout
        self.source: BinaryIO | None = None

    def __enter__(self) -> _Copier:
        layout = self.layout
        if layout is not None:
            try:
                source = open(layout.path, "rb")  # noqa: SIM115  # closed on leaving
            except OSError:
                return self
            if _identity(layout.path) == layout.identity:
                self.source = source
            else:
                source.close()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.source is not None:
            self.source.close()

    def copy(self, out: BinaryIO, section: str, i: int, batch: list[tuple[str, Any]], dirty: set[str]) -> bool:
        if self.source is None or self.layout is None:
            return False
        records = self.layout.records[section]
        if i >= len(records) or records[i][2] != len(batch) or any(key in dirty for key, _ in batch):
            return False
        at, size, _ = records[i]
        out.write(os.pread(self.source.fileno(), size, at))
        return True


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _plain(attrs: dict[str, Any]) -> dict[str, Any]:
    """An edge's attributes as plain values: its evidence as the packed records' bytes."""
    evidence = attrs.get("evidence")
    if isinstance(evidence, EvidenceList):
        return {**attrs, "evidence": evidence.data.tobytes()}
    return attrs


def _read(stream: BinaryIO, path: Path) -> Any:
    try:
        return framed.read(stream)
    except EOFError:
        raise StateError(f"{path}: ends before its end (written by a build that stopped?)") from None
    except (ValueError, TypeError) as e:
        raise StateError(f"{path}: damaged ({e})") from None
