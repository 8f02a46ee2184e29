from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, URIRef

from kgraph.export.rdf import ID, KG, ORG, SCHEMA, serialize, to_rdf
from kgraph.pipeline import build


def seed_graph(root: Path, name: str = "003_a0c75f0f195f157c.txt") -> Graph:
    return to_rdf(build([root / "seeds" / name]).graph)


def test_contract_terms(root):
    g = seed_graph(root)
    article = ID["article/003_a0c75f0f195f157c"]
    assert (article, RDF.type, SCHEMA.NewsArticle) in g
    assert (article, SCHEMA.identifier, Literal("003_a0c75f0f195f157c")) in g
    zhang, mpc = ID["person/zhang-yigong"], ID["body/350500/party_committee"]
    assert (article, SCHEMA.mentions, zhang) in g and (zhang, RDF.type, KG.Official) in g
    [post] = list(g.objects(zhang, ORG.holds))
    assert (post, ORG.postIn, mpc) in g
    [role] = list(g.objects(post, ORG.role))
    assert g.value(role, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == Literal("Secretary", lang="en")
    assert (mpc, SCHEMA.areaServed, ID["region/350500"]) in g
    assert (mpc, SKOS.prefLabel, Literal("中共泉州市委", lang="zh")) in g
    author = ID["person/chen-linsen"]
    assert (article, SCHEMA.author, author) in g and (author, RDF.type, KG.Official) not in g


def test_every_relation_has_provenance(root):
    g = seed_graph(root)
    statements = list(g.subjects(RDF.type, RDF.Statement))
    assert statements
    for stmt in statements:
        evidence = list(g.objects(stmt, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
        for ev in evidence:
            sentence = str(g.value(ev, KG.sentence))
            start, end = int(g.value(ev, KG.startOffset)), int(g.value(ev, KG.endOffset))
            assert end - start == len(sentence)


def test_serializations_parse_back_to_the_same_triples(root):
    g = seed_graph(root)
    for fmt, parse_as in (("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld")):
        back = Graph().parse(data=serialize(g, fmt), format=parse_as)
        assert len(back) == len(g), fmt


def test_ontology_is_valid_turtle_and_documents_its_terms(root):
    onto = Graph().parse(root / "kgraph" / "ontology.ttl")
    for term in (KG.Official, KG.Body, KG.Region, KG.Campaign, KG.supervises, KG.implements):
        assert onto.value(term, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None
