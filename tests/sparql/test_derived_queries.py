"""The named queries that read what the export derives (kgraph/export/derived.py) answer as they did before.

Each query's text before the export derived anything is kept here as the reference: on a build of the
seeds, the careers notebook and the development articles, old and new give the same rows in the same order,
for every entity the query could be asked about. The co-mention counts are checked three times: as the
export writes them (most entities counted by the query from kg:namedIn), written for every entity, and
split between the two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.export import derived
from kgraph.pipeline import build, write_exports
from kgraph.sparql.engines import Engine, Result, Term, open_engine
from kgraph.sparql.named import named_queries
from tests.conftest import ROOT, SHARED

#: The queries as they were, walking and counting at query time.
OLD = {
    "bodies-of-region": """
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?body ?bodyName ?servedName ?region WHERE {
  { SELECT ?served ?region WHERE { ?served schema:containedInPlace* ?region } }
  ?body schema:areaServed ?served .
  ?body rdfs:label ?bodyName .
  ?served rdfs:label ?servedName .
}
ORDER BY STR(?servedName) STR(?bodyName) STR(?body)
""",
    "campaigns-in-region": """
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT DISTINCT ?campaign ?campaignName ?actorName ?region WHERE {
  { SELECT ?place ?region WHERE { ?place schema:containedInPlace* ?region } }
  ?actor schema:areaServed? ?place .
  ?actor kg:implements ?campaign .
  ?campaign rdfs:label ?campaignName .
  ?actor rdfs:label ?actorName .
}
ORDER BY STR(?campaignName) STR(?actorName) STR(?campaign)
""",
    "mentioned-together": """
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?other ?otherName (COUNT(DISTINCT ?article) AS ?articles) ?entity WHERE {
  ?article schema:mentions ?entity , ?other .
  FILTER(?other != ?entity)
  ?other rdfs:label ?otherName .
}
GROUP BY ?other ?otherName ?entity
ORDER BY DESC(?articles) STR(?otherName) STR(?other)
LIMIT 50
""",
}
PARAM = {"bodies-of-region": "region", "campaigns-in-region": "region", "mentioned-together": "entity"}
PREFIXES = """PREFIX schema: <http://schema.org/> PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"""


@pytest.fixture(scope="module")
def dev_graph():
    paths = [ROOT / "seeds", ROOT / "notebooks" / "careers.jsonl"]
    if (SHARED / "dev" / "articles").is_dir():
        paths.append(SHARED / "dev" / "articles")
    return build(paths).graph


#: How the co-mentions are written: as the export does; counted for every entity; for those whose articles
#: hold more than 60 mentions (a mix of both forms).
JOINED = {"as exported": None, "all counted": 0, "mixed": 60}


@pytest.fixture(scope="module", params=list(JOINED))
def engine(request, dev_graph, tmp_path_factory) -> Engine:
    out = tmp_path_factory.mktemp("derived")
    with pytest.MonkeyPatch.context() as mp:
        if JOINED[request.param] is not None:
            mp.setattr(derived, "JOINED", JOINED[request.param])
        write_exports(dev_graph, out, formats=["turtle"])
    return open_engine("oxigraph", graph=Path(out) / "graph.ttl")


def column(engine: Engine, where: str) -> list[str]:
    rows = engine.query(PREFIXES + f"SELECT DISTINCT ?x WHERE {{ {where} }} ORDER BY STR(?x)").rows
    return [r[0].value for r in rows if r[0] is not None]


def cells(result: Result) -> tuple:
    rows = [[(t.kind, t.value, t.lang, t.datatype) if t else None for t in row] for row in result.rows]
    return result.variables, rows


def test_the_reference_is_the_named_query_of_before():
    assert set(OLD) <= set(named_queries())
    for name, text in OLD.items():
        assert named_queries()[name].text != text  # a query still as it was needs no reference here


@pytest.mark.parametrize("name", list(OLD))
def test_old_and_new_give_the_same_rows_in_the_same_order(engine, name):
    if PARAM[name] == "region":
        # every region, and the bodies and campaigns, as a name may resolve to them; the nodes that have no
        # kg:within nor anything inside them as well as those that do
        asked = column(engine, "?x a kg:Region") + column(engine, "?x a kg:Body") + column(engine, "?x a kg:Campaign")
    else:
        asked = column(engine, "?a schema:mentions ?x") + column(engine, "?x a kg:Region")  # some named nowhere
    assert len(asked) > 100
    answered = 0
    new = named_queries()[name].text
    for iri in asked:
        binding = {PARAM[name]: Term("uri", iri)}
        before, after = cells(engine.query(OLD[name], binding)), cells(engine.query(new, binding))
        assert after == before, (name, iri)
        answered += bool(before[1])
    assert answered > 10


def test_the_counted_form_is_what_the_query_reads(engine):
    """Whichever form an entity's co-mentions take, it has one of them (or neither, named nowhere)."""
    both = engine.query(PREFIXES + "ASK { ?x kg:namedIn ?a ; kg:coMentionGroup ?g }").boolean
    assert both is False
    unlinked = engine.query(
        PREFIXES + "ASK { ?a schema:mentions ?x FILTER NOT EXISTS { ?x kg:namedIn ?b } "
        "FILTER NOT EXISTS { ?x kg:coMentionGroup ?g } }"
    ).boolean
    assert unlinked is False
