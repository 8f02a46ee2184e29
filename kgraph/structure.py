"""The structure that follows from the entities themselves, added once over the whole graph.

A unit belongs to the body its id extends (``…/party_committee/standing_committee``
is a unit of ``…/party_committee``), a department to its government, a named
regional body serves its region, and a region lies in its parent. Each
relation carries its provenance: the sentences that name the unit or body (its
name states the relation: "Standing Committee of the Quanzhou Municipal Party
Committee"), at most one per article; a region's parent from the gazetteer
where no sentence states it (an address such as "Zhejiang Pujiang County").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

import networkx as nx

from kgraph.evidence import append_first, articles, new_evidence
from kgraph.facts import AREA_SERVED, BODY, CONTAINED_IN, REGION, SUB_ORGANIZATION_OF
from kgraph.gazetteer import Gazetteer
from kgraph.naming import BodyRef

GAZETTEER = "gazetteer"
#: Kinds whose bodies are sessions of a larger whole, not units of it.
SESSIONS = ("national_congress", "party_congress")

Evidence = dict[str, Any]


def body_ref(data: dict[str, Any]) -> BodyRef:
    return BodyRef(data["region"], tuple(data["path"].split("/")))


def unit_links(ref: BodyRef) -> list[tuple[BodyRef, BodyRef]]:
    """(unit, body) pairs along a body's id, and a department's government."""
    out: list[tuple[BodyRef, BodyRef]] = []
    while ref.parent is not None and not ref.kind.startswith(SESSIONS):
        out.append((ref, ref.parent))
        ref = ref.parent
    if ref.kind == "department":
        out.append((ref, BodyRef(ref.region, ("government",))))
    return out


def region_parent(code: str, gaz: Gazetteer) -> str | None:
    """A listed region's parent from the gazetteer; a place below the county hangs under its id's prefix."""
    if "/" in code:
        return code.rsplit("/", 1)[0]
    region = gaz.get(code)
    return region.parent if region is not None and region.parent else None


def add_structure(
    g: nx.MultiDiGraph, gaz: Gazetteer, articles: Collection[str], new_nodes: AbstractSet[str] | None = None
) -> set[tuple[str, str, str]]:
    """Add units, jurisdictions and containment to ``g`` from the mentions of ``articles`` (article node
    keys); the edges added or changed are returned.

    Run again over a graph that gained articles, it needs only those (``articles``) and the entities new to it
    (``new_nodes``): an article seen before gives again only the relations to an entity that was missing, and
    each article's evidence is given once. Its evidence then follows the evidence given before, not in article
    order: the caller sorts the returned edges' evidence.
    """
    _add = _Adder(g)
    if new_nodes:
        articles = set(articles) | _naming_linked(g, new_nodes)
    for akey in sorted(articles):
        for key, ev in _first_mentions(g, akey, BODY):
            data = g.nodes[key]
            if "path" not in data:
                continue
            ref = body_ref(data)
            for unit, body in unit_links(ref):
                _add(SUB_ORGANIZATION_OF, unit.key, body.key, ev)
            top = BodyRef(ref.region, ref.path[:1])
            if top.serves_area() and f"region/{ref.region}" in g:
                _add(AREA_SERVED, key, f"region/{ref.region}", ev)
        for key, ev in _first_mentions(g, akey, REGION):
            code = g.nodes[key].get("code", "")
            if "/" in code and g.nodes[key].get("level") != "place":
                _add(CONTAINED_IN, key, f"region/{code.rsplit('/', 1)[0]}", ev)
    changed = _add.extended
    for data in [d for _, d in g.nodes(data=True) if d.get("type") == REGION]:
        if not data.get("code") or data.get("level") == "place":
            continue
        code = data["code"]
        parent = region_parent(code, gaz)
        while parent is not None and f"region/{parent}" in g:
            link = (f"region/{code}", f"region/{parent}", CONTAINED_IN)
            if not g.has_edge(*link):
                g.add_edge(*link, type=CONTAINED_IN, title="", evidence=new_evidence(g))
                changed.add(link)
            edge = g.edges[link]
            if not edge["evidence"] and "/" not in code:
                if edge.get("sources") != [GAZETTEER]:
                    edge["sources"] = [GAZETTEER]
                    changed.add(link)
            elif "sources" in edge:  # a sentence states it now
                del edge["sources"]
                changed.add(link)
            code, parent = parent, region_parent(parent, gaz)
    return changed


def linked(g: nx.MultiDiGraph, key: str) -> set[str]:
    """The nodes whose presence decides which relations a mention of the body or region ``key`` gives."""
    data = g.nodes[key]
    if data.get("type") == BODY and "path" in data:
        ref = body_ref(data)
        found = {k for pair in unit_links(ref) for k in (pair[0].key, pair[1].key)}
        return found | {f"region/{ref.region}"}
    code = data.get("code", "")
    if data.get("type") == REGION and "/" in code:
        return {f"region/{code.rsplit('/', 1)[0]}"}
    return set()


def _naming_linked(g: nx.MultiDiGraph, new_nodes: AbstractSet[str]) -> set[str]:
    """The articles naming a body or region that the nodes ``new_nodes`` give relations it lacked."""
    found: set[str] = set()
    for key, data in g.nodes(data=True):
        if data.get("type") in (BODY, REGION) and key not in new_nodes and linked(g, key) & new_nodes:
            found.update(a for a, edges in g.pred[key].items() if "mentions" in edges)
    return found


def _first_mentions(g: nx.MultiDiGraph, akey: str, etype: str) -> list[tuple[str, Sequence[Evidence]]]:
    """The entities of a type an article names, by key, each with the evidence of its mentions (the first of
    which is the relation's evidence)."""
    out = []
    for _, key, k, data in g.out_edges(akey, keys=True, data=True):
        if k == "mentions" and g.nodes[key].get("type") == etype and data.get("evidence"):
            out.append((key, data["evidence"]))
    return sorted(out, key=lambda x: x[0])


class _Adder:
    """Adds a relation with the first evidence of a mention, unless the article gave it some already: the
    articles of an edge's evidence are collected once, when the edge is first met, not read again per article
    (a body of every article would make that quadratic)."""

    def __init__(self, g: nx.MultiDiGraph):
        self.g = g
        self.given: dict[tuple[str, str, str], set[str]] = {}
        self.extended: set[tuple[str, str, str]] = set()

    def __call__(self, rtype: str, s: str, o: str, mention: Sequence[Evidence]) -> None:
        g = self.g
        if s == o or s not in g or o not in g:
            return
        if not g.has_edge(s, o, key=rtype):
            g.add_edge(s, o, key=rtype, type=rtype, title="", evidence=new_evidence(g))
        evidence = g.edges[s, o, rtype]["evidence"]
        given = self.given.get((s, o, rtype))
        if given is None:
            given = self.given[(s, o, rtype)] = set(articles(evidence))
        article = next(articles(mention))
        if article not in given:
            given.add(article)
            append_first(evidence, mention)
            self.extended.add((s, o, rtype))
