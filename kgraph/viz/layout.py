"""Node positions computed in Python, so the browser draws at once instead of simulating.

A force-directed layout (networkx's Fruchterman-Reingold) is quadratic in the
number of nodes, so it runs on a backbone of the best-connected nodes only; every
other node is placed beside the neighbour that brought it in, breadth first, and
nodes unreachable from the backbone go on a grid below it. Seeded: the same graph
gets the same picture.

A large page draws an overview first and loads the rest on demand; ``core`` lays
that overview out on its own first, so that it looks as it would alone, and every
other node then goes on the outer turns of its neighbours' spirals, where it
appears when it is loaded.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx

BACKBONE = 400  # below networkx's 500-node switch to its scipy-only sparse solver
SCALE = 1000.0


def layout(g: nx.Graph, seed: int = 7, core: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
    """Positions (x, y) in screen units for every node of ``g``; the nodes of ``core`` are placed first."""
    if g.number_of_nodes() == 0:
        return {}
    und: nx.Graph[str] = nx.Graph(g)
    pos: dict[str, tuple[float, float]] = {}
    children: dict[str, int] = {}
    if core is not None:
        _place(_induced(und, list(core)), pos, children, seed)
    _place(und, pos, children, seed)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _induced(und: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph on ``nodes`` as a graph of its own, in their order (a networkx view may follow a set's order)."""
    keep = set(nodes)
    out: nx.Graph[str] = nx.Graph()
    out.add_nodes_from(nodes)
    out.add_edges_from((u, v) for u in nodes for v in und.neighbors(u) if v in keep)
    return out


def _place(und: nx.Graph, pos: dict[str, tuple[float, float]], children: dict[str, int], seed: int) -> None:
    """Place the nodes of ``und`` that have no position yet: a backbone (if nothing is placed), spirals, a grid."""
    if not pos:
        by_degree = sorted(und.nodes, key=lambda n: (-und.degree(n), str(n)))
        backbone = by_degree[:BACKBONE]
        sub = _induced(und, backbone)
        spread = SCALE * max(1.0, math.sqrt(len(backbone)) / 4)
        k = 1.5 / math.sqrt(max(len(backbone), 1))
        springs = nx.spring_layout(sub, seed=seed, k=k)
        for n in backbone:  # breadth first from the best connected
            x, y = springs[n]
            pos[n] = (float(x) * spread, float(y) * spread)
    queue = [n for n in pos if n in und]
    head = 0
    while head < len(queue):
        parent = queue[head]
        head += 1
        px, py = pos[parent]
        fresh = sorted((n for n in und.neighbors(parent) if n not in pos), key=str)
        for i, node in enumerate(fresh):
            k = children.get(parent, 0) + i
            angle = 2.399963 * k  # golden angle: children spread evenly around their parent
            radius = 60.0 + 14.0 * math.sqrt(k)
            pos[node] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
            queue.append(node)
        children[parent] = children.get(parent, 0) + len(fresh)
    rest = sorted((n for n in und.nodes if n not in pos), key=str)
    if rest:
        bottom = max(y for _, y in pos.values()) + 200.0 if pos else 0.0
        left = min(x for x, _ in pos.values()) if pos else 0.0
        cols = max(1, int(math.sqrt(len(rest)) * 2))
        for i, node in enumerate(rest):
            pos[node] = (left + (i % cols) * 80.0, bottom + (i // cols) * 80.0)
