"""The one in-memory model: a networkx MultiDiGraph built from every article's Facts.

Schema
------
Nodes are keyed by stable ids (``region/520000``, ``body/520000/party_committee``,
``person/xi-jinping``, ``campaign/theme_education``, ``article/<id>``) and carry:

``type``        Official | Person | Body | Region | Campaign | Article
``label``       canonical English name; ``label_zh`` the Chinese one
``aliases_en``  other English surface forms (sorted list); ``aliases_zh`` likewise
``mentions``    how many times the articles name it
``first_seen``, ``last_seen``  earliest and latest article date naming it
``articles``    ids of the articles naming it (sorted list)
plus per type: ``level``, ``code``, ``kind``, ``lon``, ``lat`` (regions), ``region``
and ``path`` (bodies), ``role`` (persons); articles have ``date``, ``title``, ``lang``,
``file`` (the file name, so builds do not depend on where they run), ``source``, ``url``, ``outlets``.

Edges are keyed by relation type (``holds_post``, ``sub_organization_of``,
``area_served``, ``contained_in``, ``supervises``, ``implements``, and from
articles ``mentions`` and ``author``) and carry ``type``, ``title`` (posts) and
``evidence``: a sequence of ``{"article", "start", "end", "sentence"}`` dicts (an
:class:`~kgraph.evidence.EvidenceList` in a built graph, which keeps them off the heap); a
relation no sentence states carries ``sources`` instead (``["gazetteer"]``).
The structural relations are added over the whole graph by :mod:`kgraph.structure`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx

from kgraph.evidence import EVIDENCE_BOOK, EvidenceBook, EvidenceList
from kgraph.facts import HOLDS_POST, OFFICIAL, PERSON, Entity, Evidence, Facts, PostTime
from kgraph.gazetteer import Gazetteer, shared
from kgraph.structure import add_structure

ARTICLE = "Article"


def article_key(article_id: str) -> str:
    return f"article/{article_id}"


def build_graph(all_facts: Iterable[Facts], gaz: Gazetteer | None = None) -> nx.MultiDiGraph:
    """Merge articles' Facts into one graph; the result depends only on the input, not its order."""
    builder = GraphBuilder()
    for facts in sorted(all_facts, key=lambda f: f.article.id):
        builder.add(facts)
    return builder.finish(gaz)


class GraphBuilder:
    """The graph, merged one article's Facts at a time, so a build need not hold every article's Facts at
    once. Add them in the order of their article ids (:func:`build_graph` sorts them) for a graph that does
    not depend on the order articles were read or extracted in. Sentences are shared between the evidence
    records that quote them."""

    def __init__(self) -> None:
        self.g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        self.merged: dict[str, Merged] = {}
        self.articles: list[str] = []
        self.book = EvidenceBook()
        self.g.graph[EVIDENCE_BOOK] = self.book
        self.sentences: dict[str, str] = {}

    def _ev(self, e: Evidence) -> dict[str, Any]:
        sentence = self.sentences.setdefault(e.sentence, e.sentence)
        return {"article": e.article, "start": e.start, "end": e.end, "sentence": sentence}

    def _evidence(self, found: Iterable[Evidence]) -> EvidenceList:
        into = EvidenceList(self.book)
        for e in found:
            into.add(self.book.article(e.article), e.start, e.end, self.book.sentence(e.sentence))
        return into

    def add(self, facts: Facts) -> None:
        g, merged = self.g, self.merged
        a = facts.article
        akey = article_key(a.id)
        self.articles.append(akey)
        self.sentences.clear()  # sentences are shared within an article
        self.book.start_article()
        g.add_node(
            akey,
            type=ARTICLE,
            label=a.title,
            date=a.date,
            lang=a.lang,
            file=Path(a.path).name,
            source=a.source,
            url=a.url,
            outlets=sorted(facts.outlets),
        )
        for key, entity in sorted(facts.entities.items()):
            if key in merged:
                merged[key].merge(entity)
            else:
                merged[key] = Merged(entity)
                g.add_node(key, mentions=0, first_seen="", last_seen="", articles=set())
            count = facts.mentions.get(key, 0)
            if count:
                node = g.nodes[key]
                node["mentions"] += count
                node["articles"].add(a.id)
                if a.date:
                    node["first_seen"] = min(filter(None, (node["first_seen"], a.date)))
                    node["last_seen"] = max(node["last_seen"], a.date)
                evidence = self._evidence(facts.evidence.get(key, []))
                g.add_edge(akey, key, key="mentions", type="mentions", count=count, evidence=evidence)
        for person in facts.authors:
            g.add_edge(akey, person, key="author", type="author")
        for rel in facts.relations:
            edge = rel.type + rel.title
            if not g.has_edge(rel.subject, rel.object, key=edge):
                g.add_edge(
                    rel.subject, rel.object, key=edge, type=rel.type, title=rel.title, evidence=EvidenceList(self.book)
                )
            if rel.evidence is not None:
                e = rel.evidence
                evidence = g.get_edge_data(rel.subject, rel.object, edge)["evidence"]
                evidence.add(self.book.article(e.article), e.start, e.end, self.book.sentence(e.sentence))
        for t in facts.post_times:
            _add_time(g, t, self._ev)

    def finish(self, gaz: Gazetteer | None = None) -> nx.MultiDiGraph:
        """The graph: the entities described as all articles know them, and the structure between them."""
        for key, entity in self.merged.items():
            entity.describe(self.g.nodes[key])
        add_structure(self.g, gaz or shared(), self.articles)
        return self.g


#: What an entity without aliases (most officials: one name in one article) shares with all the others.
NO_ALIASES: frozenset[str] = frozenset()
NO_ATTRS: Mapping[str, str] = MappingProxyType({})


class Merged:
    """An entity as the articles merged so far know it (:meth:`kgraph.facts.Entity.merge` gives the rules:
    aliases joined, the first Chinese label and attribute kept, an official where any article says so).

    A build keeps one for every entity until the graph is described, hundreds of thousands at scale, so it is
    small: it shares the sets and dicts of the articles' entities, never changing them (a merge that adds
    anything makes a new one), and holds nothing for an entity without aliases or attributes.
    """

    __slots__ = ("type", "label_en", "label_zh", "aliases_en", "aliases_zh", "attrs")

    def __init__(self, entity: Entity) -> None:
        self.type, self.label_en, self.label_zh = entity.type, entity.label_en, entity.label_zh
        self.aliases_en: AbstractSet[str] = entity.aliases_en or NO_ALIASES
        self.aliases_zh: AbstractSet[str] = entity.aliases_zh or NO_ALIASES
        self.attrs: Mapping[str, str] = entity.attrs or NO_ATTRS

    def merge(self, other: Entity) -> None:
        if not other.aliases_en <= self.aliases_en:
            self.aliases_en = self.aliases_en | other.aliases_en
        if not other.aliases_zh <= self.aliases_zh:
            self.aliases_zh = self.aliases_zh | other.aliases_zh
        if other.type == OFFICIAL and self.type == PERSON:
            self.type = OFFICIAL
        if not self.label_zh and other.label_zh:
            self.label_zh = other.label_zh
        if any(k not in self.attrs for k in other.attrs):
            attrs = dict(self.attrs)
            for k, v in other.attrs.items():
                attrs.setdefault(k, v)
            self.attrs = attrs

    def describe(self, node: dict[str, Any]) -> None:
        """A node's attributes from its entity as all articles know it."""
        names = (self.label_en, self.label_zh)
        node.update(
            type=self.type,
            label=self.label_en,
            label_zh=self.label_zh,
            aliases_en=sorted(x for x in self.aliases_en if x and x not in names),
            aliases_zh=sorted(x for x in self.aliases_zh if x and x not in names),
            articles=sorted(node["articles"]),
            **{k: v for k, v in self.attrs.items() if k not in node},
        )


def _add_time(g: nx.MultiDiGraph, t: PostTime, ev: Callable[[Evidence], dict[str, Any]]) -> None:
    """A post's start or end as one article reports it, on the post's edge: ``starts`` or ``ends``, each a
    list of ``{"date", "article", "start", "end", "sentence"}`` (date "" where the text gives none)."""
    edge = g.get_edge_data(t.person, t.body, HOLDS_POST + t.title)
    found = {"date": t.date, **(ev(t.evidence) if t.evidence is not None else {})}
    times = edge.setdefault(t.kind + "s", [])
    if found not in times:
        times.append(found)


def entity_nodes(g: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE)
