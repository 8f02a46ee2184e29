"""The graph as RDF, following the evaluation contract and ``kgraph/ontology.ttl``.

Entities are typed with kgraph classes beside W3C ORG / schema.org ones; posts
are ``org:Post`` nodes; every relation is also reified as an ``rdf:Statement``
with its provenance (``prov:wasDerivedFrom`` the article, the sentence and
its character offsets), so users can ask where a fact came from.
"""

from __future__ import annotations

import hashlib
import json
import re

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kgraph.graph import ARTICLE

KG = Namespace("https://w3id.org/kgraph/ontology#")
ID = Namespace("https://w3id.org/kgraph/id/")
SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

CLASSES = {
    "Official": [KG.Official, SCHEMA.Person],
    "Person": [SCHEMA.Person],
    "Body": [KG.Body, ORG.Organization],
    "Region": [KG.Region, SCHEMA.AdministrativeArea],
    "Campaign": [KG.Campaign],
}
PREDICATES = {
    "sub_organization_of": ORG.subOrganizationOf,
    "area_served": SCHEMA.areaServed,
    "contained_in": SCHEMA.containedInPlace,
    "supervises": KG.supervises,
    "implements": KG.implements,
    "holds_post": ORG.holds,
}


def iri(key: str) -> URIRef:
    return ID[re.sub(r"[^A-Za-z0-9/_.\-]", "_", key)]


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def to_rdf(g: nx.MultiDiGraph) -> Graph:
    """An rdflib Graph of the knowledge graph (no blank nodes, so output is stable)."""
    rdf = Graph()
    for prefix, ns in (("kg", KG), ("kgid", ID), ("schema", SCHEMA), ("org", ORG), ("skos", SKOS), ("prov", PROV)):
        rdf.bind(prefix, ns)
    for node, d in sorted(g.nodes(data=True)):
        subj = iri(node)
        if d["type"] == ARTICLE:
            rdf.add((subj, RDF.type, SCHEMA.NewsArticle))
            rdf.add((subj, SCHEMA.identifier, Literal(node.split("/", 1)[1])))
            if d.get("date"):
                rdf.add((subj, SCHEMA.datePublished, Literal(d["date"], datatype=XSD.date)))
            rdf.add((subj, SCHEMA.headline, Literal(d.get("label", ""))))
            rdf.add((subj, SCHEMA.inLanguage, Literal(d.get("lang", ""))))
            if d.get("url"):
                rdf.add((subj, SCHEMA.url, URIRef(d["url"])))
            continue
        for cls in CLASSES.get(d["type"], []):
            rdf.add((subj, RDF.type, cls))
        rdf.add((subj, RDFS.label, Literal(d["label"], lang="en")))
        rdf.add((subj, SKOS.prefLabel, Literal(d["label"], lang="en")))
        if d.get("label_zh"):
            rdf.add((subj, SKOS.prefLabel, Literal(d["label_zh"], lang="zh")))
        for alias in d.get("aliases_en", []):
            rdf.add((subj, SKOS.altLabel, Literal(alias, lang="en")))
        for alias in d.get("aliases_zh", []):
            rdf.add((subj, SKOS.altLabel, Literal(alias, lang="zh")))
        rdf.add((subj, KG.mentionCount, Literal(int(d.get("mentions", 0)))))
        if d.get("first_seen"):
            rdf.add((subj, KG.firstSeen, Literal(d["first_seen"], datatype=XSD.date)))
            rdf.add((subj, KG.lastSeen, Literal(d["last_seen"], datatype=XSD.date)))
        if d.get("code") and d["type"] == "Region" and d["code"].isdigit():
            rdf.add((subj, KG.adminCode, Literal(d["code"])))
        if d.get("level"):
            rdf.add((subj, KG.level, Literal(d["level"])))
    for s, o, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"], e[2].get("title", ""))):
        subj, obj = iri(s), iri(o)
        kind = d["type"]
        if kind == "mentions":
            rdf.add((subj, SCHEMA.mentions, obj))
            continue
        if kind == "author":
            rdf.add((subj, SCHEMA.author, obj))
            continue
        if kind == "holds_post":
            title = d.get("title") or "Member"
            post = ID[f"post/{_digest(s, o, title)}"]
            role = ID[f"role/{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')}"]
            rdf.add((subj, ORG.holds, post))
            rdf.add((post, RDF.type, ORG.Post))
            rdf.add((post, ORG.postIn, obj))
            rdf.add((post, ORG.heldBy, subj))
            rdf.add((post, ORG.role, role))
            rdf.add((role, RDF.type, ORG.Role))
            rdf.add((role, RDFS.label, Literal(title, lang="en")))
            triple = (subj, ORG.holds, post)
        else:
            triple = (subj, PREDICATES[kind], obj)
            rdf.add(triple)
        _provenance(rdf, triple, d.get("evidence", []))
    return rdf


def _provenance(rdf: Graph, triple: tuple[URIRef, URIRef, URIRef], evidence: list[dict]) -> None:
    if not evidence:
        return
    stmt = ID[f"statement/{_digest(*map(str, triple))}"]
    rdf.add((stmt, RDF.type, RDF.Statement))
    rdf.add((stmt, RDF.subject, triple[0]))
    rdf.add((stmt, RDF.predicate, triple[1]))
    rdf.add((stmt, RDF.object, triple[2]))
    for ev in evidence:
        node = ID[f"evidence/{_digest(str(stmt), ev['article'], str(ev['start']))}"]
        rdf.add((stmt, PROV.wasDerivedFrom, node))
        rdf.add((node, RDF.type, KG.Evidence))
        rdf.add((node, KG.article, iri(f"article/{ev['article']}")))
        rdf.add((node, KG.sentence, Literal(ev["sentence"])))
        rdf.add((node, KG.startOffset, Literal(int(ev["start"]))))
        rdf.add((node, KG.endOffset, Literal(int(ev["end"]))))


#: RDF files kgraph writes and reads back, by suffix (rdflib format names).
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
PREFIXES = {
    "kg": str(KG),
    "kgid": str(ID),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": str(XSD),
}


def to_oxigraph(rdf: Graph) -> list[ox.Triple]:
    """The triples as pyoxigraph terms, sorted, so serializations are stable."""
    return [ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in sorted(rdf)]


def _ox(term: object) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def serialize(rdf: Graph, fmt: str) -> str:
    """Turtle, JSON-LD or N-Triples, written by Oxigraph from sorted triples (rdflib is ~30x slower)."""
    triples = to_oxigraph(rdf)
    if fmt == "nt":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt == "json-ld":
        return _stable_jsonld(rdf.serialize(format="json-ld"))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def _stable_jsonld(text: str) -> str:
    """rdflib's JSON-LD follows set order; sort nodes and values so the same graph gives the same bytes."""
    doc = json.loads(text)
    nodes = doc.get("@graph", doc) if isinstance(doc, dict) else doc

    def key(v: object) -> str:
        return json.dumps(v, sort_keys=True, ensure_ascii=False)

    for node in nodes:
        for prop, values in node.items():
            if isinstance(values, list):
                node[prop] = sorted(values, key=key)
    nodes = sorted(nodes, key=lambda n: n.get("@id", ""))
    out = {**doc, "@graph": nodes} if isinstance(doc, dict) and "@graph" in doc else nodes
    return json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
