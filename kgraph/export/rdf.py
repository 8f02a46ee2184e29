"""The graph as RDF triples, following the evaluation contract and ``kgraph/ontology.ttl``.

Entities are typed with kgraph classes beside W3C ORG / schema.org ones; posts
are ``org:Post`` nodes; every relation is also reified as an ``rdf:Statement``
with its provenance, so users can ask where a fact came from: it is
``prov:wasDerivedFrom`` each evidence (the article, the sentence and its
character offsets) and each data source (``kgraph/data/sources.tsv``) that gives it.

Triples are made straight from the networkx graph and sorted once; every RDF
format is written from that one list, so no format costs a second pass.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kgraph.export.writers import NTriples, Turtle, write_all
from kgraph.graph import ARTICLE
from kgraph.ids import absolute_iri, iri_path, slug
from kgraph.namespaces import prefixes
from kgraph.relations import relation_kinds
from kgraph.sources import sources

PREFIXES = prefixes()
KG, ID, SCHEMA, ORG = PREFIXES["kg"], PREFIXES["kgid"], PREFIXES["schema"], PREFIXES["org"]
SKOS, PROV, RDF, RDFS, XSD = PREFIXES["skos"], PREFIXES["prov"], PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]

TYPE, LABEL, COMMENT = RDF + "type", RDFS + "label", RDFS + "comment"
PREF_LABEL, ALT_LABEL = SKOS + "prefLabel", SKOS + "altLabel"
DERIVED_FROM = PROV + "wasDerivedFrom"
STRING, INTEGER, DATE, BOOLEAN = XSD + "string", XSD + "integer", XSD + "date", XSD + "boolean"

CLASSES = {
    "Official": [KG + "Official", SCHEMA + "Person"],
    "Person": [SCHEMA + "Person"],
    "Body": [KG + "Body", ORG + "Organization"],
    "Region": [KG + "Region", SCHEMA + "AdministrativeArea"],
    "Campaign": [KG + "Campaign"],
}

# A triple as plain values, for sorting: (subject IRI, predicate IRI, object), where the object is
# (0, IRI) or (1, datatype, language, value, lexical form), the value an int for xsd:integer. These
# tuples compare the way rdflib compares terms (IRIs before literals; literals by datatype, language,
# value), which is the order kgraph's exports have always had, so their bytes stay the same; and Python
# sorts them without a key function.
Object = tuple
Row = tuple[str, str, Object]


ROLE, SOURCE = ID + "role/", ID + "source/"


def iri(key: str) -> str:
    """The IRI of a graph key; different keys always give different IRIs (see :func:`kgraph.ids.iri_path`)."""
    return ID + iri_path(key)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _node(value: str) -> Object:
    return (0, value)


def _text(value: str, lang: str = "") -> Object:
    return (1, STRING, lang, value, value)


def _integer(value: int) -> Object:
    return (1, INTEGER, "", value, str(value))


def _date(value: str) -> Object:
    return (1, DATE, "", value, value)


def groups(g: nx.MultiDiGraph) -> Iterator[tuple[str, list[Row]]]:
    """Each subject with all its rows, sorted and without duplicates, in an order that depends only on the
    graph: every node by key, followed by the posts, statements and evidence its edges make; the roles and
    data sources, which many relations share, last. A subject's rows all come in one group, so writers stream
    them a subject at a time, and nothing is held but the group at hand."""
    roles: dict[str, list[Row]] = {}
    shared: dict[str, list[Row]] = {}
    for key in sorted(g.nodes):
        d = g.nodes[key]
        subject = iri(key)
        found: dict[str, list[Row]] = {subject: list((_article if d["type"] == ARTICLE else _entity)(key, d))}
        edges = sorted(g.out_edges(key, keys=True, data=True), key=lambda e: (e[1], e[2]))
        for s, o, _, ed in edges:
            for node, run in groupby(_edge_rows(s, o, ed), key=itemgetter(0)):  # a subject's rows come in runs
                into = roles if node.startswith(ROLE) else shared if node.startswith(SOURCE) else found
                into.setdefault(node, []).extend(run)
        for node, rows in found.items():
            yield node, sorted(set(rows))
    for node, rows in (*sorted(roles.items()), *sorted(shared.items())):
        yield node, sorted(set(rows))


def rows(g: nx.MultiDiGraph) -> Iterator[Row]:
    """Every row of the graph, a subject at a time (see :func:`groups`)."""
    for _, found in groups(g):
        yield from found


def triples(g: nx.MultiDiGraph) -> list[ox.Triple]:
    """Every triple of the graph as pyoxigraph terms, without duplicates, in the order of :func:`groups`."""
    return list(to_oxigraph(rows(g)))


def to_oxigraph(found: Iterable[Row]) -> Iterator[ox.Triple]:
    """Rows as pyoxigraph triples (each IRI made once, however often it appears)."""
    named: dict[str, ox.NamedNode] = {}

    def node(value: str) -> ox.NamedNode:
        term = named.get(value)
        if term is None:
            term = named[value] = ox.NamedNode(value)
        return term

    def term(o: Object) -> ox.NamedNode | ox.Literal:
        if o[0] == 0:
            return node(o[1])
        _, datatype, lang, _, lexical = o
        if lang:
            return ox.Literal(lexical, language=lang)
        if datatype == STRING:
            return ox.Literal(lexical)
        return ox.Literal(lexical, datatype=node(datatype))

    for s_, p_, o in found:
        yield ox.Triple(node(s_), node(p_), term(o))


def _edge_rows(s: str, o: str, d: dict) -> Iterator[Row]:
    subj, obj = iri(s), iri(o)
    kind = d["type"]
    if kind == "mentions":
        yield subj, SCHEMA + "mentions", _node(obj)
        return
    if kind == "author":
        yield subj, SCHEMA + "author", _node(obj)
        return
    kinds = relation_kinds()
    if kind not in kinds:
        raise ValueError(f"edge {s} -> {o}: relation type {kind!r} is not in kgraph/data/relations.tsv")
    if kind == "holds_post":
        title = d.get("title") or "Member"
        post = ID + f"post/{_digest(s, o, title)}"
        role = ROLE + slug(title)
        yield post, TYPE, _node(ORG + "Post")
        yield post, ORG + "postIn", _node(obj)
        yield post, ORG + "heldBy", _node(subj)
        yield post, ORG + "role", _node(role)
        yield role, TYPE, _node(ORG + "Role")
        yield role, LABEL, _text(title, "en")
        yield from _post_times(post, d)
        obj = post
    predicate = kinds[kind].predicate
    yield subj, predicate, _node(obj)
    yield from _provenance((subj, predicate, obj), d.get("evidence") or [], d.get("sources") or [])


def _article(key: str, d: dict) -> Iterator[Row]:
    subj = iri(key)
    yield subj, TYPE, _node(SCHEMA + "NewsArticle")
    yield subj, SCHEMA + "identifier", _text(key.split("/", 1)[1])
    if d.get("date"):
        yield subj, SCHEMA + "datePublished", _date(d["date"])
    yield subj, SCHEMA + "headline", _text(d.get("label", ""))
    yield subj, SCHEMA + "inLanguage", _text(d.get("lang", ""))
    url = absolute_iri(d["url"]) if d.get("url") else None
    if url:  # reading warns about a url that is no IRI; one that reaches here unchecked is left out, not a crash
        yield subj, SCHEMA + "url", _node(url)


def _entity(key: str, d: dict) -> Iterator[Row]:
    subj = iri(key)
    for cls in CLASSES.get(d["type"], []):
        yield subj, TYPE, _node(cls)
    yield subj, LABEL, _text(d["label"], "en")
    yield subj, PREF_LABEL, _text(d["label"], "en")
    if d.get("label_zh"):
        yield subj, PREF_LABEL, _text(d["label_zh"], "zh")
    for alias in d.get("aliases_en", []):
        yield subj, ALT_LABEL, _text(alias, "en")
    for alias in d.get("aliases_zh", []):
        yield subj, ALT_LABEL, _text(alias, "zh")
    yield subj, KG + "mentionCount", _integer(int(d.get("mentions", 0)))
    if d.get("first_seen"):
        yield subj, KG + "firstSeen", _date(d["first_seen"])
        yield subj, KG + "lastSeen", _date(d["last_seen"])
    if d.get("code") and d["type"] == "Region" and d["code"].isdigit():
        yield subj, KG + "adminCode", _text(d["code"])
    if d.get("level"):
        yield subj, KG + "level", _text(d["level"])


#: How a post's start and end appear: a date property, and a flag where the text gives no date ("former").
TIMES = {"starts": (SCHEMA + "startDate", KG + "started"), "ends": (SCHEMA + "endDate", KG + "ended")}
DATE_TYPES = {1: XSD + "gYear", 2: XSD + "gYearMonth", 3: XSD + "date"}


def _post_times(post: str, d: dict) -> Iterator[Row]:
    """A post's start and end dates (``schema:startDate``/``endDate``, typed to the precision the text gives),
    each with the sentences that state it; an end (or start) the text states without a date is ``kg:ended``
    (``kg:started``) true, unless another article dates it."""
    for key, (dated, flag) in TIMES.items():
        by_date: dict[str, list[dict]] = {}
        for t in d.get(key) or []:
            by_date.setdefault(t["date"], []).append(t)
        known = sorted(k for k in by_date if k)
        for date in known:
            value = (1, DATE_TYPES[date.count("-") + 1], "", date, date)
            yield post, dated, value
            yield from _provenance((post, dated, date), by_date[date], [], value)
        if "" in by_date and not known:
            value = (1, BOOLEAN, "", "true", "true")
            yield post, flag, value
            yield from _provenance((post, flag, "true"), by_date[""], [], value)


def _provenance(
    triple: tuple[str, str, str], evidence: list[dict], from_sources: list[str], value: Object | None = None
) -> Iterator[Row]:
    """The statement of a relation, derived from its evidence sentences and the data sources that give it;
    ``value`` is the object where it is a literal (a post's start date), ``triple[2]`` its text."""
    if not evidence and not from_sources:
        return
    stmt = ID + f"statement/{_digest(*triple)}"
    yield stmt, TYPE, _node(RDF + "Statement")
    yield stmt, RDF + "subject", _node(triple[0])
    yield stmt, RDF + "predicate", _node(triple[1])
    yield stmt, RDF + "object", _node(triple[2]) if value is None else value
    for ev in evidence:
        node = ID + f"evidence/{_digest(stmt, ev['article'], str(ev['start']))}"
        yield stmt, DERIVED_FROM, _node(node)
        yield node, TYPE, _node(KG + "Evidence")
        yield node, KG + "article", _node(iri(f"article/{ev['article']}"))
        yield node, KG + "sentence", _text(ev["sentence"])
        yield node, KG + "startOffset", _integer(int(ev["start"]))
        yield node, KG + "endOffset", _integer(int(ev["end"]))
    known = sources()
    for key in from_sources:
        if key not in known:
            raise ValueError(f"relation {triple}: source {key!r} is not in kgraph/data/sources.tsv")
        node = SOURCE + iri_path(key)
        yield stmt, DERIVED_FROM, _node(node)
        yield node, TYPE, _node(PROV + "Entity")  # the same rows for every statement: written once
        yield node, LABEL, _text(known[key].label, "en")
        yield node, COMMENT, _text(known[key].comment, "en")


def write_turtle(g: nx.MultiDiGraph, out: BinaryIO) -> int:
    """The graph as Turtle; the number of triples."""
    return write_all(groups(g), [Turtle(out)])


def write_ntriples(g: nx.MultiDiGraph, out: BinaryIO) -> int:
    """The graph as N-Triples; the number of triples."""
    return write_all(groups(g), [NTriples(out)])
