"""What named queries would otherwise recompute on every call, materialised in the RDF export.

Some named queries read far more of the graph than they return, so they slow down as the graph grows:
``bodies-of-region`` and ``campaigns-in-region`` walk ``schema:containedInPlace*`` down from a region and
join what they find with every body, and ``mentioned-together`` joins every mention of every article
naming an entity, then counts (thousands of articles for the most named ones). The export therefore also
writes, computed once from the networkx graph:

* ``kg:within``: every region a region lies in, however many levels up (the transitive closure of the
  ``contained_in`` edges), so a query looks a region's subregions up instead of walking
  ``schema:containedInPlace*`` (Oxigraph joins such a walk with every body). Not reflexive, so nothing is
  said twice: the queries take the region itself in a branch of their own.
* co-mentions, for ``mentioned-together``, in one of two forms. An entity whose articles name few entities in
  all (at most :data:`JOINED` mentions, counting its own: most entities, named in one or two articles) links
  each of its articles with ``kg:namedIn`` (the inverse of ``schema:mentions``, one triple per article), and
  the query counts its co-mentions there, reading no more than that. An entity named more gets its counts
  written instead: ``kg:coMentionGroup`` links it to one group (``kg:CoMentionGroup``) per number of shared
  articles (``kg:sharedArticles``), each listing its entities (``kg:coMentioned``), and only the first
  :data:`SHOWN` as the query ranks them (most shared articles first, then name and IRI), all it shows. So
  an entity adds at most about :data:`SHOWN` triples, or one per article naming it, never a row per pair of
  entities an article names (quadratic in them).

A node's derived rows have the node or a node only it points to (its groups) as subject, so
:func:`kgraph.export.rdf.groups` adds them to that node's group and each subject's rows stay together.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import networkx as nx

from kgraph.export.writers import Row
from kgraph.facts import CONTAINED_IN
from kgraph.graph import ARTICLE
from kgraph.ids import iri_path
from kgraph.namespaces import prefixes

KG, ID, XSD = prefixes()["kg"], prefixes()["kgid"], prefixes()["xsd"]
TYPE = prefixes()["rdf"] + "type"
WITHIN = KG + "within"
CO_MENTION_GROUP, CO_MENTION_CLASS = KG + "coMentionGroup", KG + "CoMentionGroup"
SHARED_ARTICLES, CO_MENTIONED = KG + "sharedArticles", KG + "coMentioned"
NAMED_IN = KG + "namedIn"
INTEGER = XSD + "integer"

#: How many co-mentioned entities ``mentioned-together`` shows (its ``LIMIT``), so all an entity keeps.
SHOWN = 50
#: The most mentions ``mentioned-together`` joins for an entity (those of every article naming it) before the
#: export counts them instead: a thousand take it a few milliseconds, the 120,000 of the most named entity of
#: 10,000 articles most of a second.
JOINED = 1000


@lru_cache(maxsize=1 << 16)
def iri(key: str) -> str:
    """The IRI of a graph key; different keys always give different IRIs (see :func:`kgraph.ids.iri_path`).
    Remembered: an export asks for each node's many times (once for each of its rows and its neighbours')."""
    return ID + iri_path(key)


def group_iri(key: str, shared: int) -> str:
    """The group of entities sharing ``shared`` articles with the entity ``key``: one IRI per pair, and none
    that a graph key could take (no key starts with ``comention/``)."""
    return f"{ID}comention/{iri_path(key)}/{shared}"


def ancestors(parents: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each node's ancestors over ``parents`` (node -> its parents), however many steps up; a node is its own
    ancestor only on a cycle. A hierarchy of regions is shallow, so a walk per node is cheap."""
    out: dict[str, set[str]] = {}
    for node in parents:
        seen: set[str] = set()
        todo = list(parents[node])
        while todo:
            up = todo.pop()
            if up not in seen:
                seen.add(up)
                todo.extend(parents.get(up, ()))
        out[node] = seen
    return out


class Derived:
    """The derived rows of one graph. Made once per graph: the ancestors of every region (they need the whole
    hierarchy) and what each article mentions; an entity's co-mentions are counted when its rows are asked
    for, so no table of pairs is ever held."""

    def __init__(self, g: nx.MultiDiGraph, shown: int | None = None, joined: int | None = None) -> None:
        # networkx's own dicts of node attributes and of in-edges: its views cost a call each, and an entity
        # named in thousands of articles is looked up thousands of times
        self.node: dict[str, dict] = g._node  # type: ignore[attr-defined]
        self.pred: dict[str, dict[str, dict]] = g._pred  # type: ignore[attr-defined]
        self.rank: dict[str, int] | None = None
        self.shown = SHOWN if shown is None else shown
        self.joined = JOINED if joined is None else joined
        parents: dict[str, set[str]] = {}
        mentioned: dict[str, set[str]] = {}  # article key -> the entities it mentions
        for s, o, d in g.edges(data=True):
            kind = d.get("type")
            if kind == CONTAINED_IN:
                parents.setdefault(s, set()).add(o)
            elif kind == "mentions":
                mentioned.setdefault(s, set()).add(o)
        self.mentioned = {a: sorted(found) for a, found in mentioned.items()}
        # articles an article names, if any: never co-mentioned, having no label for the query to show
        self.named_articles = {o for found in mentioned.values() for o in found if self.node[o].get("type") == ARTICLE}
        self.within = {node: sorted(iri(a) for a in up - {node}) for node, up in ancestors(parents).items()}

    def rows(self, key: str) -> Iterator[Row]:
        """The derived rows of the node ``key`` and of its co-mention groups (none for an article)."""
        subject = iri(key)
        for region in self.within.get(key, ()):
            yield subject, WITHIN, (0, region)
        if self.node[key].get("type") == ARTICLE:
            return
        articles = self.articles(key)
        if sum(len(self.mentioned[a]) for a in articles) <= self.joined:
            for a in articles:
                yield subject, NAMED_IN, (0, iri(a))
            return
        by_count: dict[int, list[str]] = {}
        for other, n in self.co_mentioned(key).items():
            by_count.setdefault(n, []).append(other)
        for n, others in by_count.items():
            group = group_iri(key, n)
            yield subject, CO_MENTION_GROUP, (0, group)
            yield group, TYPE, (0, CO_MENTION_CLASS)
            yield group, SHARED_ARTICLES, (1, INTEGER, "", n, str(n))
            for other in others:
                yield group, CO_MENTIONED, (0, iri(other))

    def articles(self, key: str) -> list[str]:
        """The articles mentioning ``key``, by key (a mention is the edge keyed ``mentions``, as the graph makes it)."""
        return sorted([a for a, edges in self.pred[key].items() if "mentions" in edges])

    def co_mentioned(self, key: str) -> dict[str, int]:
        """The entities ``mentioned-together`` shows for ``key``, with the number of articles each shares with it:
        its first :attr:`shown` by that number (most first), then label and IRI (code point order, which
        SPARQL's ``ORDER BY STR(...)`` uses), so the query's ``LIMIT`` picks the same ones from these alone."""
        counts: Counter[str] = Counter()
        for a in self.articles(key):
            counts.update(self.mentioned[a])
        counts.pop(key, None)
        for other in self.named_articles.intersection(counts):
            del counts[other]
        if len(counts) <= self.shown:
            return dict(counts)
        # the first `shown` by count, then label and IRI: all those counted more than the last one's count,
        # and of those counted as often as it, the first by label and IRI (labels looked up for those alone)
        last = heapq.nlargest(self.shown, counts.values())[-1]
        first = [(other, n) for other, n in counts.items() if n > last]
        ties = [other for other, n in counts.items() if n == last]
        ties = heapq.nsmallest(self.shown - len(first), ties, key=self.ranks().__getitem__)
        return dict(first + [(other, last) for other in ties])

    def ranks(self) -> dict[str, int]:
        """Every entity's place in the order of label, then IRI: ranked once for all, where an entity's ties
        would otherwise be sorted again for each entity named with them."""
        if self.rank is None:
            node = self.node
            entities = [k for k, d in node.items() if d.get("type") != ARTICLE]
            entities.sort(key=lambda k: (node[k].get("label", ""), iri(k)))
            self.rank = {k: i for i, k in enumerate(entities)}
        return self.rank
