"""An Oxigraph store kept equal to the graph of each build, changing only the subjects that changed.

A build that gains a few articles changes the rows of few subjects (the new articles, the entities they
name, their statements and evidence). A file beside the store (``<store>.subjects.sqlite``) keeps a hash
of each subject's N-Triples text as last written; the next build rewrites only the subjects whose hash
differs and removes the subjects that are gone, so the store is updated in place rather than loaded again.
A store without that file (one ``kgraph load`` made, or none yet), or with a record of other hashes, is
cleared and loaded whole, once. The text is what the N-Triples export writes, and Oxigraph's own parser
loads it: making a library term of every triple in Python cost several times more.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kgraph.export import rdf
from kgraph.export.writers import NTriples, batches

#: What the record's hashes are of (a record of another kind is no record: the store is loaded whole).
DIGESTS = "blake2b-16 of each subject's N-Triples text"
#: The text of changed subjects loaded at once (bytes).
LOAD = 1 << 23


@dataclass(frozen=True)
class Synced:
    """What a sync changed: subjects rewritten and removed, triples in the store after it."""

    rewritten: int
    removed: int
    triples: int
    whole: bool  # the store was loaded whole (no record of what it held)


def sidecar(store: Path) -> Path:
    return store.with_name(store.name + ".subjects.sqlite")


def _drop(store: ox.Store, subject: str) -> None:
    """Remove every triple of ``subject`` from the store's default graph."""
    for q in list(store.quads_for_pattern(ox.NamedNode(subject), None, None, ox.DefaultGraph())):
        store.remove(q)


def sync(g: nx.MultiDiGraph, store_dir: str | Path, load: int = LOAD) -> Synced:
    """Make the store at ``store_dir`` hold exactly the graph's triples (creating it if need be); the
    changed subjects' text is loaded ``load`` bytes at a time."""
    path = Path(store_dir)
    store = ox.Store(str(path))
    db = sqlite3.connect(sidecar(path))
    try:
        db.execute("CREATE TABLE IF NOT EXISTS subjects (subject TEXT PRIMARY KEY, digest BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT)")
        state = dict(db.execute("SELECT key, value FROM state"))
        # a sync stopped half-way leaves the record incomplete: the next one starts again from nothing
        whole = "complete" not in state or state.get("digests") != DIGESTS
        if whole:
            store.clear()
            with db:
                db.execute("DELETE FROM subjects")
                db.execute("INSERT OR REPLACE INTO state VALUES ('digests', ?)", (DIGESTS,))
        with db:
            db.execute("DELETE FROM state WHERE key = 'complete'")
        old = dict(db.execute("SELECT subject, digest FROM subjects"))
        rewritten = 0
        pending: list[bytes] = []
        size = 0
        changed: list[tuple[str, bytes]] = []
        lines = NTriples()
        for batch in batches(rdf.groups(g)):
            for (subject, _), text in zip(batch, lines.texts(batch)):
                data = text.encode("utf-8")
                digest = hashlib.blake2b(data, digest_size=16).digest()
                if old.pop(subject, None) == digest:
                    continue
                rewritten += 1
                changed.append((subject, digest))
                if not whole:
                    _drop(store, subject)
                pending.append(data)
                size += len(data)
            if size >= load:
                _load(store, pending, whole)
                pending, size = [], 0
        _load(store, pending, whole)
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


def _load(store: ox.Store, texts: list[bytes], whole: bool) -> None:
    """N-Triples texts into the store's default graph: in bulk into a store loaded whole (the record says
    whether it finished), in a transaction otherwise."""
    if texts:
        data = b"".join(texts)
        if whole:
            store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        else:
            store.load(data, format=ox.RdfFormat.N_TRIPLES)
