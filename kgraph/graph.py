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

from kgraph.evidence import EVIDENCE_BOOK, EvidenceBook, EvidenceList, sort_by_article
from kgraph.facts import HOLDS_POST, OFFICIAL, PERSON, Entity, Evidence, Facts, PostTime
from kgraph.gazetteer import Gazetteer, shared
from kgraph.structure import add_structure

ARTICLE = "Article"


def article_key(article_id: str) -> str:
    return f"article/{article_id}"


def build_graph(all_facts: Iterable[Facts], gaz: Gazetteer | None = None) -> nx.MultiDiGraph:
    """Merge articles' Facts into one graph, in the order of their article ids."""
    builder = GraphBuilder()
    for facts in sorted(all_facts, key=lambda f: f.article.id):
        builder.add(facts)
    return builder.finish(gaz)


class GraphBuilder:
    """The graph, merged one article's Facts at a time, so a build need not hold every article's Facts at
    once. Sentences are shared between the evidence records that quote them.

    The graph does not depend on the order the articles come in: it is the graph of merging them in the order
    of their ids. Added in that order (as :func:`build_graph` and a build do), each article's evidence and
    names simply follow the last; one that comes earlier (an article added to a kept graph,
    :mod:`kgraph.graphstate`) takes its place. A finished builder takes more articles, and finishing again
    describes only the entities they name and redoes only the structure they change.
    """

    def __init__(self) -> None:
        self.g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        self.merged: dict[str, Merged] = {}
        self.articles: list[str] = []
        self.book = EvidenceBook()
        self.g.graph[EVIDENCE_BOOK] = self.book
        self.sentences: dict[str, str] = {}
        self.finished = False  # finished once: what is added since is tracked, for the next finish
        self.fresh: list[str] = []  # since then: the articles added, by key
        self.touched: set[str] = set()  # the entities they name
        self.new_nodes: set[str] = set()  # the entities new to the graph
        self.unsorted: set[tuple[str, str, str]] = set()  # edges given evidence out of article order
        #: Since the graph was first finished: the nodes whose attributes, edges out or entity changed (what a
        #: kept graph must write again, :mod:`kgraph.graphstate`).
        self.dirty: set[str] = set()

    @classmethod
    def resume(cls, g: nx.MultiDiGraph, merged: dict[str, Merged], articles: list[str]) -> GraphBuilder:
        """The builder that finished ``g`` (whose evidence book it takes), to merge more articles into it:
        ``merged`` its entities as merged, ``articles`` the keys of its articles."""
        builder = cls()
        builder.book.close()
        builder.g, builder.merged, builder.articles = g, merged, articles
        builder.book = g.graph[EVIDENCE_BOOK]
        builder.finished = True
        return builder

    def _ev(self, e: Evidence) -> dict[str, Any]:
        sentence = self.sentences.setdefault(e.sentence, e.sentence)
        return {"article": e.article, "start": e.start, "end": e.end, "sentence": sentence}

    def _evidence(self, found: Iterable[Evidence]) -> EvidenceList:
        into = EvidenceList(self.book)
        for e in found:
            into.add(self.book.article(e.article), e.start, e.end, self.book.sentence(e.sentence))
        return into

    def add(self, facts: Facts) -> None:
        g, merged, book = self.g, self.merged, self.book
        a = facts.article
        article_id = book.article_ids[book.article(a.id)]  # one string for every entity that keeps it
        akey = article_key(a.id)
        self.articles.append(akey)
        finished = self.finished
        if finished:
            self.fresh.append(akey)
            self.dirty.add(akey)
        self.sentences.clear()  # sentences are shared within an article
        book.start_article()
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
            known = merged.get(key)
            if known is not None:
                known.merge(entity, article_id)
            else:
                merged[key] = Merged(entity, article_id)
                g.add_node(key, mentions=0, first_seen="", last_seen="", articles=set())
                if finished:
                    self.new_nodes.add(key)
            if finished:
                self.touched.add(key)
                self.dirty.add(key)
            count = facts.mentions.get(key, 0)
            if count:
                node = g.nodes[key]
                node["mentions"] += count
                named = node["articles"]
                if type(named) is list:  # described when the graph was last finished
                    named = node["articles"] = set(named)
                named.add(article_id)
                if a.date:
                    node["first_seen"] = min(filter(None, (node["first_seen"], a.date)))
                    node["last_seen"] = max(node["last_seen"], a.date)
                evidence = self._evidence(facts.evidence.get(key, []))
                g.add_edge(akey, key, key="mentions", type="mentions", count=count, evidence=evidence)
        for person in facts.authors:
            g.add_edge(akey, person, key="author", type="author")
        if finished:
            self.dirty.update(rel.subject for rel in facts.relations)
            self.dirty.update(t.person for t in facts.post_times)
        for rel in facts.relations:
            edge = rel.type + rel.title
            if not g.has_edge(rel.subject, rel.object, key=edge):
                g.add_edge(
                    rel.subject, rel.object, key=edge, type=rel.type, title=rel.title, evidence=EvidenceList(book)
                )
            if rel.evidence is not None:
                e = rel.evidence
                evidence = g.get_edge_data(rel.subject, rel.object, edge)["evidence"]
                last = evidence.last_article()
                if last is not None and last > e.article:
                    self.unsorted.add((rel.subject, rel.object, edge))
                evidence.add(book.article(e.article), e.start, e.end, book.sentence(e.sentence))
        for t in facts.post_times:
            _add_time(g, t, self._ev)

    def finish(self, gaz: Gazetteer | None = None) -> nx.MultiDiGraph:
        """The graph: the entities described as all articles know them, and the structure between them."""
        g = self.g
        if self.finished:
            describe: Iterable[str] = self.touched
            revisit, new_nodes = self.fresh, self.new_nodes
        else:
            describe, revisit, new_nodes = self.merged, self.articles, None
        for key in describe:
            self.merged[key].describe(g.nodes[key])
        changed = add_structure(g, gaz or shared(), revisit, new_nodes)
        for s, o, k in sorted(self.unsorted | changed):
            sort_by_article(g.edges[s, o, k]["evidence"])
        if self.finished:
            self.dirty.update(s for s, _, _ in changed)
        self.finished = True
        self.fresh, self.touched, self.new_nodes, self.unsorted = [], set(), set(), set()
        return g


#: What an entity without aliases (most officials: one name in one article) shares with all the others.
NO_ALIASES: frozenset[str] = frozenset()
NO_ATTRS: Mapping[str, str] = MappingProxyType({})
#: Node attributes the merge counts; an entity's own attributes are the others.
COUNTED = ("mentions", "first_seen", "last_seen", "articles")


class Merged:
    """An entity as the articles merged so far know it (:meth:`kgraph.facts.Entity.merge` gives the rules:
    aliases joined, the first Chinese label and attribute kept, an official where any article says so).

    "First" is by article id, whatever order the articles come in: ``first`` is the earliest article merged
    (its English label is the entity's), ``zh_from`` the article the Chinese label came from and
    ``attrs_from`` each attribute's, where that is not ``first`` ("" and absent then, as nearly always).

    A build keeps one for every entity until the graph is described, hundreds of thousands at scale, so it is
    small: it shares the sets and dicts of the articles' entities, never changing them (a merge that adds
    anything makes a new one), and holds nothing for an entity without aliases or attributes.
    """

    __slots__ = ("type", "label_en", "label_zh", "aliases_en", "aliases_zh", "attrs", "first", "zh_from", "attrs_from")

    def __init__(self, entity: Entity, article: str) -> None:
        self.type, self.label_en, self.label_zh = entity.type, entity.label_en, entity.label_zh
        self.aliases_en: AbstractSet[str] = entity.aliases_en or NO_ALIASES
        self.aliases_zh: AbstractSet[str] = entity.aliases_zh or NO_ALIASES
        self.attrs: Mapping[str, str] = entity.attrs or NO_ATTRS
        self.first = article
        self.zh_from = ""
        self.attrs_from: Mapping[str, str] = NO_ATTRS

    def values(self, key: str) -> tuple:
        """The entity ``key`` as plain values (:meth:`restore` makes it again)."""
        aliases = (frozenset(self.aliases_en), frozenset(self.aliases_zh))
        return (
            key,
            self.type,
            self.label_en,
            self.label_zh,
            *aliases,
            dict(self.attrs),
            self.first,
            self.zh_from,
            dict(self.attrs_from),
        )

    @classmethod
    def restore(cls, values: tuple) -> Merged:
        m = cls.__new__(cls)
        _, m.type, m.label_en, m.label_zh, en, zh, attrs, m.first, m.zh_from, sources = values
        m.aliases_en, m.aliases_zh = en or NO_ALIASES, zh or NO_ALIASES
        m.attrs, m.attrs_from = attrs or NO_ATTRS, sources or NO_ATTRS
        return m

    def merge(self, other: Entity, article: str) -> None:
        """Merge what ``article`` says of the entity."""
        if not other.aliases_en <= self.aliases_en:
            self.aliases_en = self.aliases_en | other.aliases_en
        if not other.aliases_zh <= self.aliases_zh:
            self.aliases_zh = self.aliases_zh | other.aliases_zh
        if other.type == OFFICIAL and self.type == PERSON:
            self.type = OFFICIAL
        first = self.first
        if article < first:  # earlier than every article merged so far: its English label is the entity's
            if self.label_zh:
                self.zh_from = self.zh_from or first
            if self.attrs:
                self.attrs_from = {k: self.attrs_from.get(k, first) for k in self.attrs}
            self.first = first = article
            self.label_en = other.label_en
        if other.label_zh and (not self.label_zh or article < (self.zh_from or first)):
            self.label_zh = other.label_zh
            self.zh_from = "" if article == first else article
        if other.attrs:
            sources = self.attrs_from
            changed = [k for k in other.attrs if k not in self.attrs or article < sources.get(k, first)]
            if changed:
                attrs, sources = dict(self.attrs), dict(sources)
                for k in changed:
                    attrs[k] = other.attrs[k]
                    if article == first:
                        sources.pop(k, None)
                    else:
                        sources[k] = article
                self.attrs, self.attrs_from = attrs, sources or NO_ATTRS

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
            **{k: v for k, v in self.attrs.items() if k not in COUNTED},
        )


def _add_time(g: nx.MultiDiGraph, t: PostTime, ev: Callable[[Evidence], dict[str, Any]]) -> None:
    """A post's start or end as one article reports it, on the post's edge: ``starts`` or ``ends``, each a
    list of ``{"date", "article", "start", "end", "sentence"}`` (date "" where the text gives none), in the
    order of their articles."""
    edge = g.get_edge_data(t.person, t.body, HOLDS_POST + t.title)
    found = {"date": t.date, **(ev(t.evidence) if t.evidence is not None else {})}
    times = edge.setdefault(t.kind + "s", [])
    if found in times:
        return
    at = len(times)
    article = found.get("article", "")
    while at and times[at - 1].get("article", "") > article:  # an earlier article's, added later
        at -= 1
    times.insert(at, found)


def entity_nodes(g: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE)
