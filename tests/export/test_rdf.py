import io

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kgraph.export import rdf
from kgraph.export.rdf import triples
from kgraph.namespaces import prefixes
from kgraph.pipeline import build, write_exports
from kgraph.relations import relation_kinds
from kgraph.sources import sources

KG, ID, SCHEMA, ORG, PROV = (Namespace(prefixes()[p]) for p in ("kg", "kgid", "schema", "org", "prov"))
RDFS_LABEL = URIRef(prefixes()["rdfs"] + "label")
RDFS_COMMENT = URIRef(prefixes()["rdfs"] + "comment")
KGID, XSD, RDF_TYPE = prefixes()["kgid"], prefixes()["xsd"], prefixes()["rdf"] + "type"


def as_rdflib(g: nx.MultiDiGraph) -> Graph:
    """The export's triples as an rdflib Graph, term by term (no serializer in between)."""
    out = Graph()
    for t in triples(g):
        out.add((URIRef(t.subject.value), URIRef(t.predicate.value), _term(t.object)))
    return out


def _term(o: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    if isinstance(o, ox.NamedNode):
        return URIRef(o.value)
    if o.language:
        return Literal(o.value, lang=o.language)
    if o.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(o.value)
    return Literal(o.value, datatype=URIRef(o.datatype.value))


@pytest.fixture(scope="module")
def seeds(root) -> nx.MultiDiGraph:
    return build([root / "seeds"]).graph


def test_contract_terms(root):
    g = as_rdflib(build([root / "seeds" / "003_a0c75f0f195f157c.txt"]).graph)
    article = ID["article/003_a0c75f0f195f157c"]
    assert (article, RDF.type, SCHEMA.NewsArticle) in g
    assert (article, SCHEMA.identifier, Literal("003_a0c75f0f195f157c")) in g
    zhang, mpc = ID["person/zhang-yigong"], ID["body/350500/party_committee"]
    assert (article, SCHEMA.mentions, zhang) in g and (zhang, RDF.type, KG.Official) in g
    [post] = list(g.objects(zhang, ORG.holds))
    assert (post, ORG.postIn, mpc) in g
    [role] = list(g.objects(post, ORG.role))
    assert g.value(role, RDFS_LABEL) == Literal("Secretary", lang="en")
    assert (mpc, SCHEMA.areaServed, ID["region/350500"]) in g
    assert (mpc, SKOS.prefLabel, Literal("中共泉州市委", lang="zh")) in g
    author = ID["person/chen-linsen"]
    assert (article, SCHEMA.author, author) in g and (author, RDF.type, KG.Official) not in g


def test_every_relation_has_provenance(seeds):
    """Every relation triple is reified, and its statement is derived from evidence or a data source."""
    g = as_rdflib(seeds)
    relations = [
        (s, p, o)
        for p in map(URIRef, (k.predicate for k in relation_kinds().values()))
        for s, o in g.subject_objects(p)
    ]
    assert {p for _, p, _ in relations} == {URIRef(k.predicate) for k in relation_kinds().values()}
    unsourced = []
    for s, p, o in relations:
        stmts = set(g.subjects(RDF.subject, s)) & set(g.subjects(RDF.predicate, p)) & set(g.subjects(RDF.object, o))
        if not any((stmt, RDF.type, RDF.Statement) in g and g.value(stmt, PROV.wasDerivedFrom) for stmt in stmts):
            unsourced.append((s, p, o))
    assert not unsourced, f"{len(unsourced)} relation(s) without provenance, e.g. {unsourced[:3]}"
    for ev in g.subjects(RDF.type, KG.Evidence):
        sentence = str(g.value(ev, KG.sentence))
        start, end = int(g.value(ev, KG.startOffset)), int(g.value(ev, KG.endOffset))
        assert end - start == len(sentence)


def test_serializations_parse_back_to_the_same_triples(seeds, tmp_path):
    expected = set(as_rdflib(seeds))
    assert expected and not any(isinstance(term, BNode) for t in expected for term in t)
    write_exports(seeds, tmp_path, formats=["turtle", "ntriples", "jsonld"])
    for name, parse_as in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        back = set(Graph().parse(tmp_path / name, format=parse_as))
        assert back == expected, f"{name}: {len(back - expected)} extra, {len(expected - back)} missing"


def test_triples_are_unique_and_a_subjects_triples_come_together(seeds):
    out = triples(seeds)
    assert len(set(out)) == len(out)
    runs = [s for i, s in enumerate(t.subject.value for t in out) if i == 0 or out[i - 1].subject.value != s]
    assert len(runs) == len(set(runs))


def region_graph() -> nx.MultiDiGraph:
    """Two regions and one containment a data source gives, with no sentence stating it."""
    g = nx.MultiDiGraph()
    for code, label in (("330000", "Zhejiang"), ("330726", "Pujiang County"), ("330700", "Jinhua")):
        g.add_node(f"region/{code}", type="Region", label=label, code=code, mentions=1)
    g.add_edge("region/330726", "region/330700", key="contained_in", type="contained_in", sources=["gazetteer"])
    g.add_edge(
        "region/330700",
        "region/330000",
        key="contained_in",
        type="contained_in",
        sources=["gazetteer"],
        evidence=[{"article": "a1", "start": 0, "end": 5, "sentence": "Jinh."}],
    )
    g.add_edge("region/330726", "region/330000", key="contained_in", type="contained_in", evidence=[])
    return g


def test_a_relation_a_data_source_gives_is_derived_from_the_source():
    g = as_rdflib(region_graph())
    county, city, province = ID["region/330726"], ID["region/330700"], ID["region/330000"]
    source = URIRef("https://w3id.org/kgraph/id/source/gazetteer")
    contained = SCHEMA.containedInPlace
    [stmt] = set(g.subjects(RDF.subject, county)) & set(g.subjects(RDF.object, city))
    assert (stmt, RDF.type, RDF.Statement) in g and (stmt, RDF.predicate, contained) in g
    assert list(g.objects(stmt, PROV.wasDerivedFrom)) == [source]
    assert (source, RDF.type, PROV.Entity) in g
    assert g.value(source, RDFS_LABEL) == Literal(sources()["gazetteer"].label, lang="en")
    assert g.value(source, RDFS_COMMENT) == Literal(sources()["gazetteer"].comment, lang="en")
    [both] = set(g.subjects(RDF.subject, city)) & set(g.subjects(RDF.object, province))
    derived = set(g.objects(both, PROV.wasDerivedFrom))
    assert source in derived and len(derived) == 2 and any((d, RDF.type, KG.Evidence) in g for d in derived)
    assert (county, contained, province) in g and not set(g.subjects(RDF.object, province)) - {both}


def test_a_source_node_is_written_once(tmp_path):
    write_exports(region_graph(), tmp_path, formats=["ntriples"])
    lines = (tmp_path / "graph.nt").read_text().splitlines()
    source = "<https://w3id.org/kgraph/id/source/gazetteer>"
    assert sum(line.startswith(source) for line in lines) == 3  # type, label, comment
    assert sum(line.endswith(f"{source} .") for line in lines) == 2  # one per statement


def test_an_unknown_source_is_an_error():
    g = region_graph()
    g.edges["region/330726", "region/330700", "contained_in"]["sources"] = ["hearsay"]
    with pytest.raises(ValueError, match="hearsay"):
        triples(g)


def test_articles_named_alike_but_not_the_same_stay_apart_in_rdf(tmp_path):
    # The reproducer: 新闻一.txt and 新闻二.txt became one RDF article with two dates.
    (tmp_path / "新闻一.txt").write_text(
        " date 2023-04-07 泉州市委召开会议\n\n泉州市委书记主持会议。\n", encoding="utf-8"
    )
    (tmp_path / "新闻二.txt").write_text(
        " date 2023-05-08 福建省委召开会议\n\n福建省委书记主持会议。\n", encoding="utf-8"
    )
    result = build([tmp_path])
    assert result.summary().articles == 2
    write_exports(result.graph, tmp_path / "out", formats=["turtle"])
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    articles = set(g.subjects(RDF.type, SCHEMA.NewsArticle))
    assert len(articles) == 2
    assert sorted((str(g.value(a, SCHEMA.identifier)), str(g.value(a, SCHEMA.datePublished))) for a in articles) == [
        ("新闻一", "2023-04-07"),
        ("新闻二", "2023-05-08"),
    ]


def test_a_url_that_is_no_iri_never_stops_an_export():
    # The reproducer: "No scheme found in an absolute IRI" at export, after the whole extraction.
    g = nx.MultiDiGraph()
    for key, url in (("a", "www.example.com/x"), ("b", "https://example.com/a b"), ("c", "https://example.com/ok")):
        g.add_node(f"article/{key}", type="Article", label=key, date="2023-01-01", lang="en", url=url)
    urls = {
        t.subject.value.rsplit("/", 1)[1]: t.object.value
        for t in triples(g)
        if t.predicate.value == str(SCHEMA) + "url"
    }
    assert urls == {"b": "https://example.com/a%20b", "c": "https://example.com/ok"}


def test_the_fields_of_evidence_statements_and_posts_come_in_their_shapes_order():
    for shape, fields in (
        (rdf.EVIDENCE, rdf.EVIDENCE_FIELDS),
        (rdf.STATEMENT, rdf.STATEMENT_FIELDS),
        (rdf.POST, rdf.POST_FIELDS),
    ):
        assert tuple(p for p, o in shape.slots if isinstance(o, str)) == fields


def test_an_article_lacking_a_date_url_or_names_is_written_without_them():
    from kgraph.export.writers import JsonLd, NTriples, Turtle, write_all

    g = nx.MultiDiGraph()
    g.add_node("article/bare", type="Article", label="", lang="en", date="", url="")
    g.add_node("article/full", type="Article", label="Head", lang="zh", date="2024-03-01", url="http://x.cn/a")
    for person in ("person/b", "person/a"):
        g.add_node(person, type="Person", label=person[-1], mentions=1)
        g.add_edge("article/full", person, key="mentions", type="mentions", evidence=[])
    g.add_edge("article/full", "person/b", key="author", type="author")
    schema, kgid = "http://schema.org/", KGID
    found = {s: list(rows) for s, rows in rdf.groups(g) if "/article/" in s}
    assert found[kgid + "article/bare"] == [
        (kgid + "article/bare", schema + "headline", (1, XSD + "string", "", "", "")),
        (kgid + "article/bare", schema + "identifier", (1, XSD + "string", "", "bare", "bare")),
        (kgid + "article/bare", schema + "inLanguage", (1, XSD + "string", "", "en", "en")),
        (kgid + "article/bare", RDF_TYPE, (0, schema + "NewsArticle")),
    ]
    full = found[kgid + "article/full"]
    assert full == sorted(set(full)) and len(full) == 9  # type, five fields, two names, one author
    assert (kgid + "article/full", schema + "datePublished", (1, XSD + "date", "", "2024-03-01", "2024-03-01")) in full
    assert [o for _, p, o in full if p == schema + "mentions"] == [(0, kgid + "person/a"), (0, kgid + "person/b")]
    assert [o for _, p, o in full if p == schema + "author"] == [(0, kgid + "person/b")]
    for cls, fmt in ((Turtle, ox.RdfFormat.TURTLE), (NTriples, ox.RdfFormat.N_TRIPLES), (JsonLd, ox.RdfFormat.JSON_LD)):
        out = io.BytesIO()
        write_all(rdf.groups(g), [cls(out)])
        assert {q.triple for q in ox.parse(out.getvalue(), format=fmt)} == set(rdf.triples(g))
