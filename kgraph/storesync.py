"""An Oxigraph store kept equal to the graph of each build, changing only the subjects that changed.

A build that gains a few articles changes the rows of few subjects (the new articles, the entities they
name, their statements and evidence). A file beside the store (``<store>.subjects.sqlite``) keeps a hash
of each subject's rows as last written; the next build rewrites only the subjects whose hash differs and
removes the subjects that are gone, so the store is updated in place rather than loaded again. A store
without that file (one ``kgraph load`` made, or none yet) is cleared and loaded whole, once.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kgraph.export import rdf
from kgraph.export.writers import Row, Shaped


@dataclass(frozen=True)
class Synced:
    """What a sync changed: subjects rewritten and removed, triples in the store after it."""

    rewritten: int
    removed: int
    triples: int
    whole: bool  # the store was loaded whole (no record of what it held)


def sidecar(store: Path) -> Path:
    return store.with_name(store.name + ".subjects.sqlite")


def _digest(rows: list[Row]) -> bytes:
    return hashlib.blake2b(repr(rows).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _quads(rows: Iterable[Row]) -> Iterator[ox.Quad]:
    for t in rdf.to_oxigraph(rows):
        yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())


def _drop(store: ox.Store, subject: str) -> None:
    """Remove every triple of ``subject`` from the store's default graph."""
    for q in list(store.quads_for_pattern(ox.NamedNode(subject), None, None, ox.DefaultGraph())):
        store.remove(q)


def sync(g: nx.MultiDiGraph, store_dir: str | Path, batch: int = 50_000) -> Synced:
    """Make the store at ``store_dir`` hold exactly the graph's triples (creating it if need be)."""
    path = Path(store_dir)
    store = ox.Store(str(path))
    db = sqlite3.connect(sidecar(path))
    try:
        db.execute("CREATE TABLE IF NOT EXISTS subjects (subject TEXT PRIMARY KEY, digest BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT)")
        # a sync stopped half-way leaves the record incomplete: the next one starts again from nothing
        whole = db.execute("SELECT value FROM state WHERE key = 'complete'").fetchone() is None
        if whole:
            store.clear()
            with db:
                db.execute("DELETE FROM subjects")
        with db:
            db.execute("DELETE FROM state WHERE key = 'complete'")
        old = dict(db.execute("SELECT subject, digest FROM subjects"))
        rewritten = 0
        pending: list[ox.Quad] = []
        changed: list[tuple[str, bytes]] = []
        for subject, found in rdf.groups(g):
            rows = found.rows() if isinstance(found, Shaped) else found
            digest = _digest(rows)
            if old.pop(subject, None) == digest:
                continue
            rewritten += 1
            changed.append((subject, digest))
            if not whole:
                _drop(store, subject)
            pending += _quads(rows)
            if len(pending) >= batch:
                store.extend(pending)
                pending = []
        store.extend(pending)
        for subject in old:  # gone from the graph
            _drop(store, subject)
        store.flush()
        with db:
            db.executemany("DELETE FROM subjects WHERE subject = ?", ((s,) for s in old))
            db.executemany("INSERT OR REPLACE INTO subjects VALUES (?, ?)", changed)
            db.execute("INSERT INTO state VALUES ('complete', '1')")
        return Synced(rewritten, len(old), len(store), whole)
    finally:
        db.close()
