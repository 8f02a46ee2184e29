"""The overview a page draws first: the best-connected entities, and every other one counted at its region.

An analyst reads the party-state by place: a province, its prefectures and
counties, the bodies serving them, the officials holding posts in those bodies.
So the overview keeps the region chain of every entity it draws (a drawn body's
region and that region's parents), within a budget of nodes and of edges, and each entity it leaves out is counted in a
cluster at the nearest drawn region above it: an official through the body of his
best-attested post, a body through the region it serves (else its parent body), a
region through the region it lies in, a campaign through its best-attested
implementer. A cluster says how many of each type it holds; opening it draws its
best-connected members and lists the rest. What no drawn region reaches is
counted in one cluster, "elsewhere".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

REGION = "Region"
#: How each type reaches its region: (relation, direction) tried in order; "out" follows the edge.
UPWARD: dict[str, tuple[tuple[str, str], ...]] = {
    "Region": (("contained_in", "out"),),
    "Body": (("area_served", "out"), ("sub_organization_of", "out")),
    "Official": (("holds_post", "out"),),
    "Person": (("holds_post", "out"),),
    "Campaign": (("implements", "in"),),
}
ELSEWHERE = "cluster:"


@dataclass(frozen=True)
class Cluster:
    """Entities left out of the overview that lie under one drawn region (``anchor``; "" for elsewhere)."""

    anchor: str
    members: tuple[str, ...]  # best connected first
    counts: tuple[tuple[str, int], ...]  # (type, how many), in the legend's order

    @property
    def id(self) -> str:
        return ELSEWHERE + self.anchor


def parents(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, str]:
    """The one entity each of ``nodes`` belongs under, among them, by :data:`UPWARD` (a body's ``region`` first)."""
    inside = set(nodes)
    out: dict[str, str] = {}
    for node in sorted(nodes):
        d = g.nodes[node]
        code = str(d.get("region", "") or "")
        if d.get("type") == "Body" and code and f"region/{code}" in inside and f"region/{code}" != node:
            out[node] = f"region/{code}"
            continue
        for relation, direction in UPWARD.get(str(d.get("type", "")), ()):
            edges = g.out_edges(node, data=True) if direction == "out" else g.in_edges(node, data=True)
            found = [
                (-len(e.get("evidence", []) or []), other)
                for s, o, e in edges
                if e.get("type") == relation and (other := o if direction == "out" else s) != node and other in inside
            ]
            if found:
                out[node] = min(found)[1]
                break
    return out


def region_chain(node: str, parent: dict[str, str], kind: Callable[[str], str]) -> list[str]:
    """The regions above ``node``, nearest first (without cycles)."""
    chain, seen = [], {node}
    x = parent.get(node)
    while x is not None and x not in seen:
        seen.add(x)
        if kind(x) == REGION:
            chain.append(x)
        x = parent.get(x)
    return chain


def choose(
    ranked: list[str],
    size: int,
    parent: dict[str, str],
    kind: Callable[[str], str],
    links: Callable[[str], list[str]],
    max_edges: int,
) -> list[str]:
    """Up to ``size`` entities, best first, each with the regions above it (drawn before it), and at most
    ``max_edges`` edges among them: vis-network's first drawing grows with the edges more than with the nodes,
    so an entity whose edges would pass the budget is left for the next one. ``links(n)`` gives the other end
    of each of n's edges."""
    chosen: dict[str, None] = {}
    edges = 0
    for node in ranked:
        if len(chosen) >= size:
            break
        if node in chosen:
            continue
        group = [x for x in [*reversed(region_chain(node, parent, kind)), node] if x not in chosen]
        if len(chosen) + len(group) > size:
            continue
        placed: set[str] = set()
        cost = 0
        for x in group:
            placed.add(x)
            cost += sum(1 for o in links(x) if o in chosen or o in placed)
        if edges + cost > max_edges:
            continue
        edges += cost
        for x in group:
            chosen[x] = None
    return list(chosen)


def clusters(
    ranked: list[str], shown: set[str], parent: dict[str, str], kind: Callable[[str], str], types: list[str]
) -> list[Cluster]:
    """The entities of ``ranked`` not in ``shown``, grouped at the nearest shown region above each."""
    above: dict[str, str] = {}  # memo: the nearest shown region strictly above a node ("" if none)

    def anchor(node: str) -> str:
        path, seen = [], set()
        x, found = node, ""
        while x not in above:
            if x in seen:
                break
            seen.add(x)
            path.append(x)
            p = parent.get(x)
            if p is None:
                break
            if p in shown and kind(p) == REGION:
                found = p
                break
            x = p
        else:
            found = above[x]
        for y in path:
            above[y] = found
        return found

    groups: dict[str, list[str]] = {}
    for node in ranked:
        if node not in shown:
            groups.setdefault(anchor(node), []).append(node)
    out = []
    for key in sorted(groups):
        members = groups[key]
        tally: dict[str, int] = {}
        for m in members:
            tally[kind(m)] = tally.get(kind(m), 0) + 1
        order = [t for t in types if t in tally] + sorted(t for t in tally if t not in types)
        out.append(Cluster(key, tuple(members), tuple((t, tally[t]) for t in order)))
    return out
