import pickle
from dataclasses import FrozenInstanceError

import networkx as nx
import pyoxigraph as pyox
import pytest

from kgraph.namespaces import prefixes
from kgraph.pipeline import write_exports
from kgraph.sparql.engines import ENGINES, OxigraphEngine, QueryError, Term, open_engine
from kgraph.sparql.named import named_queries, run_named

SCHEMA, ID = prefixes()["schema"], prefixes()["kgid"]
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
    return {name: open_engine(name, graph=seeds_ttl) for name in ENGINES}


def rows(result):
    return sorted(tuple(str(t) if t is not None else "" for t in r) for r in result.rows)


def test_every_named_query_is_covered():
    from tests.sparql.test_named_careers import CAREER_PARAMS

    assert set(named_queries()) == set(PARAMS) | set(CAREER_PARAMS)


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
    bodies = rows(run_named(e, "bodies-of-region", {"region": "Zhejiang"}))
    assert "Zhejiang Provincial Party Committee" in {r[1] for r in bodies}
    for body, _, _ in bodies:  # each serves Zhejiang or a region inside it, asked another way
        assert e.query(
            f"ASK {{ <{body}> <{SCHEMA}areaServed>/<{SCHEMA}containedInPlace>* <{ID}region/330000> }}"
        ).boolean
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


def test_bodies_of_a_region_include_those_of_the_regions_inside_it(tmp_path):
    g = nx.MultiDiGraph()
    for key, label in (
        ("330000", "Zhejiang"),
        ("330700", "Jinhua"),
        ("330726", "Pujiang County"),
        ("310000", "Shanghai"),
    ):
        g.add_node(f"region/{key}", type="Region", label=label, code=key, mentions=1)
    for code, label in (
        ("330000", "Zhejiang Provincial Party Committee"),
        ("330726", "Pujiang County Party Committee"),
        ("310000", "Shanghai Municipal Party Committee"),
    ):
        g.add_node(f"body/{code}/party_committee", type="Body", label=label, mentions=1)
        g.add_edge(f"body/{code}/party_committee", f"region/{code}", key="area_served", type="area_served")
    g.add_edge("region/330726", "region/330700", key="contained_in", type="contained_in")
    g.add_edge("region/330700", "region/330000", key="contained_in", type="contained_in")
    write_exports(g, tmp_path, formats=["turtle"])
    for name in ENGINES:
        engine = open_engine(name, graph=tmp_path / "graph.ttl")
        assert rows(run_named(engine, "bodies-of-region", {"region": "Zhejiang"})) == [
            (f"{ID}body/330000/party_committee", "Zhejiang Provincial Party Committee", "Zhejiang"),
            (f"{ID}body/330726/party_committee", "Pujiang County Party Committee", "Pujiang County"),
        ], name


def _as_it_was(term: object) -> Term | None:
    """The Oxigraph term as a Term, as the engine converted each cell before it kept what it had converted."""
    if term is None:
        return None
    if isinstance(term, pyox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, pyox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, pyox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if term.language or dt == "http://www.w3.org/2001/XMLSchema#string":
            dt = ""
        return Term("literal", term.value, term.language or "", dt)
    return Term("literal", str(term))


def test_oxigraph_converts_each_term_once_and_as_it_did():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [
        pyox.NamedNode("urn:o"),
        pyox.BlankNode("b1"),
        pyox.Literal("plain"),
        pyox.Literal(""),
        pyox.Literal("headline", language="en"),
        pyox.Literal("标题", language="zh-Hans"),
        pyox.Literal("2015", datatype=pyox.NamedNode(xsd + "gYear")),
        pyox.Literal("2015-03", datatype=pyox.NamedNode(xsd + "gYearMonth")),
        pyox.Literal("7", datatype=pyox.NamedNode(xsd + "integer")),
        pyox.Literal("true", datatype=pyox.NamedNode(xsd + "boolean")),
        pyox.Literal("x", datatype=pyox.NamedNode(xsd + "string")),
    ]
    engine = OxigraphEngine()
    for i, o in enumerate(objects * 3):
        subject = pyox.NamedNode(f"urn:s{i % 4}") if i % 5 else pyox.BlankNode(f"s{i % 4}")
        engine.store.add(pyox.Quad(subject, pyox.NamedNode("urn:p"), o))
    text = "SELECT ?s ?o ?none WHERE { ?s <urn:p> ?o OPTIONAL { ?s <urn:none> ?none } } ORDER BY STR(?s) STR(?o)"
    expected = [[_as_it_was(v) for v in solution] for solution in engine.store.query(text)]
    result = engine.query(text)
    assert result.variables == ["s", "o", "none"]
    assert result.rows == expected and len(expected) == 3 * len(objects)
    got = [t for row in result.rows for t in row if t is not None]
    want = [t for row in expected for t in row if t is not None]
    assert [(type(t), vars(t), repr(t), hash(t), str(t)) for t in got] == [
        (type(t), vars(t), repr(t), hash(t), str(t)) for t in want
    ]
    assert all(row[2] is None for row in result.rows)
    # a term that comes back in several rows is converted once, and is still a frozen, picklable Term
    first = {}
    for row in result.rows:
        assert first.setdefault(row[0], row[0]) is row[0]
    with pytest.raises(FrozenInstanceError):
        got[0].value = "changed"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(got)) == got
    assert engine.query(text, limit=4).rows == expected[:4]
