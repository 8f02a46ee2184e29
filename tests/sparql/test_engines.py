import pytest

from kgraph.sparql.engines import QueryError, open_engine
from kgraph.sparql.named import named_queries, run_named

PARAMS = {
    "officials-of-body": {"body": "Guizhou Provincial Department of Education"},
    "posts-of-official": {"official": "Zou Lianke"},
    "bodies-of-region": {"region": "Zhejiang"},
    "campaigns-in-region": {"region": "Guizhou"},
    "supervision": {},
    "mentioned-together": {"entity": "Xi Jinping"},
    "timeline": {"entity": "theme education"},
    "evidence": {"subject": "Zou Lianke", "object": "Guizhou Provincial Department of Education"},
}


@pytest.fixture(scope="module")
def engines(seeds_ttl):
    return {name: open_engine(name, graph=seeds_ttl) for name in ("oxigraph", "rdflib")}


def rows(result):
    return sorted(tuple(str(t) if t is not None else "" for t in r) for r in result.rows)


def test_every_named_query_is_covered():
    assert set(named_queries()) == set(PARAMS)


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_both_engines_give_the_same_answer(engines, name):
    ox = run_named(engines["oxigraph"], name, PARAMS[name])
    rd = run_named(engines["rdflib"], name, PARAMS[name])
    assert ox.variables == rd.variables
    assert rows(ox) == rows(rd)
    assert ox.rows, f"{name} found nothing on the seeds"


def test_named_answers_are_right(engines):
    e = engines["oxigraph"]
    assert rows(run_named(e, "posts-of-official", {"official": "Zou Lianke"})) == [
        (
            "Director",
            "https://w3id.org/kgraph/id/body/520000/department-education",
            "Guizhou Provincial Department of Education",
        ),
        (
            "Secretary of the Party Group",
            "https://w3id.org/kgraph/id/body/520000/department-education/party_group",
            "Party Group of the Guizhou Provincial Department of Education",
        ),
    ]
    served = {r[2] for r in rows(run_named(e, "bodies-of-region", {"region": "Zhejiang"}))}
    assert {"Zhejiang", "Pujiang County"} <= served or "Zhejiang" in served
    assert rows(run_named(e, "supervision", {}))[0][1] == "Fifth Central Steering Group"
    timeline = run_named(e, "timeline", {"entity": "主题教育"})
    assert [str(r[0]) for r in timeline.rows] == sorted(str(r[0]) for r in timeline.rows)
    evidence = run_named(
        e, "evidence", {"subject": "person/zou-lianke", "object": "Guizhou Provincial Department of Education"}
    )
    assert "Zou Lianke, secretary of the party group" in str(evidence.rows[0][2])


def test_parameters_are_bound_not_pasted(engines):
    hostile = 'Zou Lianke"@en } ?s ?p ?o . } #'
    for engine in engines.values():
        with pytest.raises(QueryError, match="no entity named"):
            run_named(engine, "posts-of-official", {"official": hostile})


def test_bad_queries_and_updates_are_refused(engines):
    for engine in engines.values():
        with pytest.raises(QueryError):
            engine.query("SELECT WHERE {")
        with pytest.raises(QueryError, match="updates are not allowed"):
            engine.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(QueryError, match="no entity named"):
        run_named(engines["oxigraph"], "timeline", {"entity": "Atlantis"})
    with pytest.raises(QueryError, match="needs --param"):
        run_named(engines["oxigraph"], "timeline", {})
    with pytest.raises(QueryError, match="no named query"):
        run_named(engines["oxigraph"], "nope", {})


def test_persistent_store_is_loaded_once(seeds_ttl, tmp_path):
    store = tmp_path / "store"
    first = open_engine("oxigraph", graph=seeds_ttl, store=store)
    n = first.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value
    del first
    again = open_engine("oxigraph", store=store)
    assert again.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value == n
    with pytest.raises(QueryError, match="no such store"):
        open_engine("oxigraph", store=tmp_path / "missing")
