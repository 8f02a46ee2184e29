"""run_named with names that fit several entities: one query for every combination, the rows of one query each."""

from __future__ import annotations

import pytest

from kgraph.pipeline import write_exports
from kgraph.sparql import named
from kgraph.sparql.engines import ENGINES, Engine, Result, Term, open_engine
from kgraph.sparql.named import named_queries, resolve, run_named
from kgraph.sparql.values import slices
from tests.careers_graph import career_graph
from tests.sparql.copies import CASES, COPY, Counting, combinations, copied, one_by_one

IDS = [f"{name}-{'-'.join(params)}-{i}" for i, (name, params) in enumerate(CASES)]


@pytest.fixture(scope="module")
def engines(tmp_path_factory, seeds_ttl) -> dict[str, Engine]:
    out = tmp_path_factory.mktemp("copied")
    write_exports(career_graph(), out / "careers", formats=["turtle"])
    graph = copied([seeds_ttl, out / "careers" / "graph.ttl"], out / "graph.nt")
    return {name: open_engine(name, graph=graph) for name in ENGINES}


def cells(result: Result) -> tuple:
    rows = [[(t.kind, t.value, t.lang, t.datatype) if t else None for t in row] for row in result.rows]
    return result.variables, rows, result.truncated


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
@pytest.mark.parametrize(("name", "params"), CASES, ids=IDS)
def test_one_query_for_every_combination_gives_the_rows_of_one_each(engines, engine_name, name, params):
    engine = engines[engine_name]
    assert combinations(engine, name, params) > 1  # every name fits the entity and its copy
    counting = Counting(engine)
    together, each = run_named(counting, name, params), one_by_one(engine, name, params)
    assert cells(together) == cells(each)
    assert together.rows, f"{name} {params} found nothing"
    if slices(named_queries()[name].text):  # mentioned-together: its LIMIT is per entity
        assert len(counting.texts) == combinations(engine, name, params)
    else:
        assert len(counting.texts) == 1 and "VALUES" in counting.texts[0]


@pytest.mark.parametrize("limit", [1, 2, 5])
@pytest.mark.parametrize(("name", "params"), [c for c in CASES if c[0] in ("career", "holders", "evidence")])
def test_a_limit_cuts_each_combination_as_its_own_query_would(engines, name, params, limit):
    engine = engines["oxigraph"]
    together, each = run_named(engine, name, params, limit=limit), one_by_one(engine, name, params, limit=limit)
    assert cells(together) == cells(each)
    assert len(together.rows) <= limit


def test_combinations_come_in_order_each_with_its_rows_in_the_querys_order(engines):
    engine = engines["oxigraph"]
    officials = resolve(engine, "Hu Heping")
    assert [t.value.startswith(COPY[1:]) for t in officials] == [True, False]  # the copy's IRI sorts first
    together = run_named(engine, "career", {"official": "Hu Heping"})
    alone = [run_named(engine, "career", {"official": f"<{t.value}>"}).rows for t in officials]
    assert alone[0] and alone[1] and together.rows == alone[0] + alone[1]
    # one query, whose own order mixes the two: the rows were put back in the order of the combinations
    text = named.bind_choices(named_queries()["career"].text, {"official": officials})
    mixed = [row[-1].value for row in engine.query(text).rows]  # type: ignore[union-attr]
    assert mixed != sorted(mixed, key=lambda iri: not iri.startswith(COPY[1:]))


def test_a_blank_node_is_bound_one_query_at_a_time(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(
        """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
<urn:ann> skos:prefLabel "Ann"@en ; org:holds <urn:post1> .
_:ann skos:prefLabel "Ann"@en ; org:holds <urn:post2> .
<urn:post1> org:postIn <urn:b> ; org:role <urn:r> .
<urn:post2> org:postIn <urn:b2> ; org:role <urn:r> .
<urn:b> rdfs:label "B" . <urn:b2> rdfs:label "B2" . <urn:r> rdfs:label "Director" .
""",
        encoding="utf-8",
    )
    for name in ENGINES:
        engine = open_engine(name, graph=graph)
        counting = Counting(engine)
        together = run_named(counting, "posts-of-official", {"official": "Ann"})
        assert cells(together) == cells(one_by_one(engine, "posts-of-official", {"official": "Ann"}))
        assert len(counting.texts) == 2 and not any("VALUES" in t for t in counting.texts)
        assert [str(t) for t in together.rows[0]] == ["Director", "urn:b", "B"]


def test_rows_of_no_combination_fall_back_to_one_query_each(engines, monkeypatch):
    """Should an engine answer rows the combinations cannot place, each combination is run on its own."""
    engine = engines["oxigraph"]

    class Unplaced(Counting):
        def query(self, text, bindings=None, limit=None, timeout=None) -> Result:
            result = super().query(text, bindings, limit=limit, timeout=timeout)
            if "VALUES" in text:
                column = result.variables.index("official")
                for row in result.rows:
                    row[column] = Term("uri", "urn:someone-else")
            return result

    counting = Unplaced(engine)
    params = {"official": "Hu Heping"}
    assert cells(run_named(counting, "career", params)) == cells(one_by_one(engine, "career", params))
    assert len(counting.texts) == 1 + combinations(engine, "career", params)
