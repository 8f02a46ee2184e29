"""Extraction in a pool of processes and on a Dask cluster gives what one process gives, in the same order."""

from dataclasses import replace

import distributed
import pytest

from kgraph import factstore, parallel
from kgraph.extract import packs
from kgraph.extract.en import English
from kgraph.pipeline import build, read_articles

from .conftest import ROOT, SHARED


@pytest.fixture(scope="module")
def articles():
    found, _ = read_articles([ROOT / "seeds", SHARED / "dev" / "articles"])
    return found


def as_json(outcomes) -> list:
    return [(o.article.id, o.error, o.facts and factstore.to_json(o.facts)) for o in outcomes]


@pytest.fixture(scope="module")
def one_process(articles):
    return as_json(parallel.extract_all(articles, jobs=1))


def test_a_pool_gives_the_same_facts_in_the_same_order(articles, one_process):
    assert as_json(parallel.extract_all(articles, jobs=2)) == one_process
    assert [o[0] for o in one_process] == [a.id for a in articles]


@pytest.fixture
def broken_pack():
    @packs.register("xx")
    class Broken(English):
        def atoms(self, reading, s, gaz):
            raise RuntimeError("extractor exploded")

    yield "xx"
    del packs._PACKS["xx"]


def test_an_article_that_raises_in_a_worker_is_reported_and_the_rest_go_on(articles, broken_pack):
    batch = [articles[0], replace(articles[1], lang=broken_pack), articles[2]]
    outcomes = list(parallel.extract_all(batch, jobs=2))
    assert [o.article.id for o in outcomes] == [a.id for a in batch]
    assert outcomes[1].facts is None and outcomes[1].error == "RuntimeError: extractor exploded"
    assert "Traceback" in outcomes[1].traceback
    assert outcomes[0].facts is not None and outcomes[2].facts is not None


def test_a_local_dask_cluster_gives_the_same_facts(articles, one_process):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        assert as_json(parallel.extract_all(articles, dask=c.scheduler_address)) == one_process


def test_a_build_with_jobs_and_a_cache_is_the_build_without(tmp_path):
    from kgraph.export import rdf

    paths = [ROOT / "seeds", SHARED / "dev" / "articles"]
    plain = rdf.triples(build(paths).graph)
    cache = tmp_path / "facts.sqlite"
    first = build(paths, jobs=2, cache=cache)
    assert first.extracted == 33 and rdf.triples(first.graph) == plain
    again = build(paths, jobs=2, cache=cache)
    assert again.extracted == 0 and rdf.triples(again.graph) == plain


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_extracted_is_not_held_by_the_extraction(articles, jobs):
    import gc
    import weakref

    copies = [replace(a) for a in articles[:12] * 3]
    copies = [replace(a, id=f"{a.id}-{i}") for i, a in enumerate(copies)]
    alive = [weakref.ref(a) for a in copies]
    outcomes = parallel.extract_all(copies, jobs=jobs)
    del copies
    for _ in range(24):
        next(outcomes)
    gc.collect()
    assert all(r() is None for r in alive[:16])  # those given (in a pool, sent long ago) are let go
    if jobs == 1:
        assert all(r() is not None for r in alive[-4:])  # those still to extract are kept
    assert len(list(outcomes)) == 12
