"""The graph as RDF triples, following the evaluation contract and ``kgraph/ontology.ttl``.

Entities are typed with kgraph classes beside W3C ORG / schema.org ones; posts
are ``org:Post`` nodes; every relation is also reified as an ``rdf:Statement``
with its provenance, so users can ask where a fact came from: it is
``prov:wasDerivedFrom`` each evidence (the article, the sentence and its
character offsets) and each data source (``kgraph/data/sources.tsv``) that gives it.

Triples are made straight from the networkx graph a subject at a time, in a
stable order, and every RDF format is written from the same pass (see
:func:`groups`); the subjects of a common shape (evidence, statements, posts,
articles) are given as their fields, which writers fill their shapes' text with.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kgraph.evidence import EvidenceList
from kgraph.export.derived import Derived, iri
from kgraph.export.writers import DATE as DATE_FIELD
from kgraph.export.writers import (
    IRI,
    IRIS,
    NUMBER,
    TEXT,
    NTriples,
    Shape,
    Shaped,
    Turtle,
    date_object,
    integer_object,
    iri_object,
    text_object,
    write_all,
)
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
MENTIONS, AUTHOR = SCHEMA + "mentions", SCHEMA + "author"


@lru_cache(maxsize=1 << 16)
def _article_iri(article: str) -> str:
    """An article's IRI, as evidence names it (the evidence of one article comes together: a small cache)."""
    return iri(f"article/{article}")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def groups(g: nx.MultiDiGraph) -> Iterator[tuple[str, list[Row] | Shaped]]:
    """Each subject with all its rows, sorted and without duplicates, in an order that depends only on the
    graph: every node by key, followed by the posts, statements and evidence its edges make; the roles and
    data sources, which many relations share, last. A subject's rows all come in one group, so writers stream
    them a batch of subjects at a time, and nothing is held but the batch at hand. Articles, posts, and the statements
    and evidence of relations come as :class:`~kgraph.export.writers.Shaped` subjects (iterated, their rows),
    which writers fill their shapes' text with."""
    roles: dict[str, list[Row]] = {}
    shared: dict[str, list[Row]] = {}
    succ = g.succ
    derived = Derived(g)  # what named queries would otherwise recompute (kgraph/export/derived.py)
    for key in sorted(g.nodes):
        d = g.nodes[key]
        subject = iri(key)
        if d["type"] == ARTICLE:
            yield subject, _article(key, d, succ[key])
            continue
        found: dict[str, list[Row] | Shaped] = {subject: list(_entity(key, d))}
        into = _Subjects(found, roles, shared)
        targets = succ[key]
        for o in sorted(targets):
            edges = targets[o]
            for k in sorted(edges):
                _edge_rows(key, o, edges[k], into)
        for node, run in groupby(derived.rows(key), key=itemgetter(0)):  # its own subject, or ones only it names
            into.add(node, list(run))
        for node, rows in found.items():
            yield node, rows if node in into.ready else sorted(set(rows))
    for node, rows in (*sorted(roles.items()), *sorted(shared.items())):
        yield node, sorted(set(rows))


class _Subjects:
    """Where a node's edges put their rows: each subject's list (roles and data sources, which many nodes share,
    kept apart), and the subjects whose rows came once, already sorted and distinct (``ready``)."""

    __slots__ = ("found", "roles", "shared", "ready")

    def __init__(self, found: dict[str, list[Row] | Shaped], roles: dict[str, list[Row]], shared: dict[str, list[Row]]):
        self.found, self.roles, self.shared = found, roles, shared
        self.ready: set[str] = set()

    def add(self, node: str, rows: list[Row]) -> None:
        """Rows of ``node``."""
        into = self.roles if node.startswith(ROLE) else self.shared if node.startswith(SOURCE) else self.found
        known = into.get(node)
        if known is None:
            into[node] = rows
        else:
            if isinstance(known, Shaped):
                known = into[node] = known.rows()
            known.extend(rows)
            self.ready.discard(node)

    def add_shaped(self, item: Shaped) -> None:
        """A subject of a shape (sorted and distinct, so ready unless other rows of it come)."""
        node = item.subject
        if node in self.found:
            self.add(node, item.rows())
        else:
            self.found[node] = item
            self.ready.add(node)


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


def _edge_rows(s: str, o: str, d: dict, into: _Subjects) -> None:
    subj, obj = iri(s), iri(o)
    kind = d["type"]
    if kind == "mentions":
        into.add(subj, [(subj, MENTIONS, (0, obj))])
        return
    if kind == "author":
        into.add(subj, [(subj, AUTHOR, (0, obj))])
        return
    kinds = relation_kinds()
    if kind not in kinds:
        raise ValueError(f"edge {s} -> {o}: relation type {kind!r} is not in kgraph/data/relations.tsv")
    if kind == "holds_post":
        title = d.get("title") or "Member"
        post = ID + f"post/{_digest(s, o, title)}"
        role = ROLE + slug(title)
        into.add_shaped(Shaped(POST, post, (subj, obj, role)))
        into.add(role, [(role, TYPE, (0, ORG + "Role")), (role, LABEL, text_object(title, "en"))])
        _post_times(post, d, into)
        obj = post
    predicate = kinds[kind].predicate
    into.add(subj, [(subj, predicate, (0, obj))])
    _provenance((subj, predicate, obj), d.get("evidence") or [], d.get("sources") or [], into)


def _article(key: str, d: dict, targets: dict[str, dict]) -> Shaped:
    """An article's rows: what it is, and whom it names and who wrote it (all its edges: an article is the
    subject of nothing else). One shape for each set of the fields an article may lack."""
    url = absolute_iri(d["url"]) if d.get("url") else None  # reading warns about a url that is no IRI: left out
    found: dict[str, set[str]] = {"mentions": set(), "author": set()}
    for o, edges in targets.items():
        for k in edges:
            kind = edges[k]["type"]
            if kind not in found:
                raise ValueError(f"edge {key} -> {o}: an article's edges are mentions and author, not {kind!r}")
            found[kind].add(iri(o))
    fields = {
        SCHEMA + "identifier": key.split("/", 1)[1],
        SCHEMA + "datePublished": d.get("date") or None,
        SCHEMA + "headline": d.get("label", ""),
        SCHEMA + "inLanguage": d.get("lang", ""),
        SCHEMA + "url": url,
        MENTIONS: tuple(sorted(found["mentions"])) or None,
        AUTHOR: tuple(sorted(found["author"])) or None,
    }
    given = tuple(p for p, v in fields.items() if v is not None)
    shape = _ARTICLE_SHAPES.get(given)
    if shape is None:
        slots: dict[str, Object | str] = {TYPE: _NEWS_ARTICLE, **{p: _ARTICLE[p] for p in given}}
        shape = _ARTICLE_SHAPES[given] = Shape(sorted(slots.items()))
    return Shaped(shape, iri(key), tuple(fields[p] for p, kind in shape.slots if isinstance(kind, str)))


_NEWS_ARTICLE = (0, SCHEMA + "NewsArticle")
#: The kinds of an article's fields.
_ARTICLE: dict[str, str] = {
    SCHEMA + "identifier": TEXT,
    SCHEMA + "datePublished": DATE_FIELD,
    SCHEMA + "headline": TEXT,
    SCHEMA + "inLanguage": TEXT,
    SCHEMA + "url": IRI,
    MENTIONS: IRIS,
    AUTHOR: IRIS,
}
#: Articles' shapes by the fields they have.
_ARTICLE_SHAPES: dict[tuple[str, ...], Shape] = {}


def _entity(key: str, d: dict) -> Iterator[Row]:
    subj = iri(key)
    for cls in CLASSES.get(d["type"], []):
        yield subj, TYPE, iri_object(cls)
    yield subj, LABEL, text_object(d["label"], "en")
    yield subj, PREF_LABEL, text_object(d["label"], "en")
    if d.get("label_zh"):
        yield subj, PREF_LABEL, text_object(d["label_zh"], "zh")
    for alias in d.get("aliases_en", []):
        yield subj, ALT_LABEL, text_object(alias, "en")
    for alias in d.get("aliases_zh", []):
        yield subj, ALT_LABEL, text_object(alias, "zh")
    yield subj, KG + "mentionCount", integer_object(int(d.get("mentions", 0)))
    if d.get("first_seen"):
        yield subj, KG + "firstSeen", date_object(d["first_seen"])
        yield subj, KG + "lastSeen", date_object(d["last_seen"])
    if d.get("code") and d["type"] == "Region" and d["code"].isdigit():
        yield subj, KG + "adminCode", text_object(d["code"])
    if d.get("level"):
        yield subj, KG + "level", text_object(d["level"])


#: How a post's start and end appear: a date property, and a flag where the text gives no date ("former").
TIMES = {"starts": (SCHEMA + "startDate", KG + "started"), "ends": (SCHEMA + "endDate", KG + "ended")}
DATE_TYPES = {1: XSD + "gYear", 2: XSD + "gYearMonth", 3: XSD + "date"}


def _post_times(post: str, d: dict, into: _Subjects) -> None:
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
            into.add(post, [(post, dated, value)])
            _provenance((post, dated, date), by_date[date], [], into, value)
        if "" in by_date and not known:
            value = (1, BOOLEAN, "", "true", "true")
            into.add(post, [(post, flag, value)])
            _provenance((post, flag, "true"), by_date[""], [], into, value)


_POST: dict[str, Object | str] = {TYPE: (0, ORG + "Post"), ORG + "heldBy": IRI, ORG + "postIn": IRI, ORG + "role": IRI}
#: A post: who holds it, in which body, as what (its dates, where the text gives them, are rows added to it).
POST = Shape(sorted(_POST.items()))
POST_FIELDS = (ORG + "heldBy", ORG + "postIn", ORG + "role")
#: An evidence node: the article, the sentence and its character offsets.
_EVIDENCE: dict[str, Object | str] = {
    TYPE: (0, KG + "Evidence"),
    KG + "article": IRI,
    KG + "sentence": TEXT,
    KG + "startOffset": NUMBER,
    KG + "endOffset": NUMBER,
}
EVIDENCE = Shape(sorted(_EVIDENCE.items()))
#: The order :func:`_provenance` gives an evidence node's fields in: its predicates' (tests check it).
EVIDENCE_FIELDS = (KG + "article", KG + "endOffset", KG + "sentence", KG + "startOffset")
_STATEMENT: dict[str, Object | str] = {
    TYPE: (0, RDF + "Statement"),
    RDF + "subject": IRI,
    RDF + "predicate": IRI,
    DERIVED_FROM: IRIS,
}
#: A relation's statement: what it says and what it is derived from (evidence and data sources).
_STATEMENT_OF_IRI: dict[str, Object | str] = {**_STATEMENT, RDF + "object": IRI}
STATEMENT = Shape(sorted(_STATEMENT_OF_IRI.items()))
STATEMENT_FIELDS = (RDF + "object", RDF + "predicate", RDF + "subject", DERIVED_FROM)
#: The same without its object, a literal (a post's start date), which the caller adds.
STATEMENT_OF_VALUE = Shape(sorted(_STATEMENT.items()))


def _provenance(
    triple: tuple[str, str, str],
    evidence: Sequence[dict],
    from_sources: list[str],
    into: _Subjects,
    value: Object | None = None,
) -> None:
    """The statement of a relation, derived from its evidence sentences and the data sources that give it;
    ``value`` is the object where it is a literal (a post's start date), ``triple[2]`` its text."""
    if not evidence and not from_sources:
        return
    stmt = ID + f"statement/{_digest(*triple)}"
    records = (
        evidence.records()
        if isinstance(evidence, EvidenceList)
        else ((ev["article"], ev["start"], ev["end"], ev["sentence"]) for ev in evidence)
    )
    found = [
        Shaped(
            EVIDENCE,
            ID + f"evidence/{_digest(stmt, article, str(start))}",
            (_article_iri(article), int(end), sentence, int(start)),
        )
        for article, start, end, sentence in records
    ]
    known = sources()
    named = []
    for key in from_sources:
        if key not in known:
            raise ValueError(f"relation {triple}: source {key!r} is not in kgraph/data/sources.tsv")
        named.append(SOURCE + iri_path(key))
    derived = tuple(sorted({e.subject for e in found}.union(named)))
    # the statement before its evidence: the subjects of a node come in the order they are first named
    if value is None:
        into.add_shaped(Shaped(STATEMENT, stmt, (triple[2], triple[1], triple[0], derived)))
    else:
        into.add(
            stmt,
            Shaped(STATEMENT_OF_VALUE, stmt, (triple[1], triple[0], derived)).rows() + [(stmt, RDF + "object", value)],
        )
    for e in found:
        into.add_shaped(e)
    for key, node in zip(from_sources, named):
        # the same rows for every statement: written once
        into.add(node, [(node, TYPE, (0, PROV + "Entity")), (node, LABEL, text_object(known[key].label, "en"))])
        into.add(node, [(node, COMMENT, text_object(known[key].comment, "en"))])


def write_turtle(g: nx.MultiDiGraph, out: BinaryIO) -> int:
    """The graph as Turtle; the number of triples."""
    return write_all(groups(g), [Turtle(out)])


def write_ntriples(g: nx.MultiDiGraph, out: BinaryIO) -> int:
    """The graph as N-Triples; the number of triples."""
    return write_all(groups(g), [NTriples(out)])
