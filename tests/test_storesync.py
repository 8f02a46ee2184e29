"""The store kept in place: exactly the graph's triples after every sync, only changed subjects rewritten."""

import sqlite3

import pyoxigraph as ox
import pytest

from kgraph import storesync
from kgraph.export import rdf
from kgraph.pipeline import build


@pytest.fixture(scope="module")
def graphs(root):
    """The seeds' graph, and the graph of all of them but one."""
    seeds = sorted((root / "seeds").glob("*.txt"))
    return build(seeds).graph, build(seeds[1:]).graph


def held(store_dir) -> set[ox.Triple]:
    store = ox.Store(str(store_dir))
    try:
        return {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    finally:
        del store


def test_a_new_store_is_loaded_whole_then_left_alone_while_nothing_changes(graphs, tmp_path):
    g, _ = graphs
    first = storesync.sync(g, tmp_path / "store")
    assert first.whole and first.removed == 0
    assert first.rewritten == sum(1 for _ in rdf.groups(g))
    assert held(tmp_path / "store") == set(rdf.triples(g)) and first.triples == len(set(rdf.triples(g)))
    again = storesync.sync(g, tmp_path / "store")
    assert (again.whole, again.rewritten, again.removed, again.triples) == (False, 0, 0, first.triples)


def test_an_article_added_and_removed_rewrites_only_what_it_changes(graphs, tmp_path):
    g, fewer = graphs
    subjects = sum(1 for _ in rdf.groups(g))
    storesync.sync(fewer, tmp_path / "store")
    added = storesync.sync(g, tmp_path / "store", load=1)  # a load a subject
    assert not added.whole and 0 < added.rewritten < subjects
    assert held(tmp_path / "store") == set(rdf.triples(g))
    removed = storesync.sync(fewer, tmp_path / "store")
    assert not removed.whole and removed.removed > 0
    assert held(tmp_path / "store") == set(rdf.triples(fewer))


@pytest.mark.parametrize("record", ["DELETE FROM state WHERE key = 'complete'", "UPDATE state SET value = 'md5'"])
def test_a_record_cut_short_or_of_other_hashes_loads_the_store_whole(graphs, tmp_path, record):
    g, fewer = graphs
    storesync.sync(fewer, tmp_path / "store")
    db = sqlite3.connect(storesync.sidecar(tmp_path / "store"))
    with db:
        db.execute(record + (" WHERE key = 'digests'" if record.startswith("UPDATE") else ""))
    db.close()
    synced = storesync.sync(g, tmp_path / "store")
    assert synced.whole and held(tmp_path / "store") == set(rdf.triples(g))
