"""Node positions computed in Python, so the browser draws at once instead of simulating.

A force-directed layout (networkx's Fruchterman-Reingold) is quadratic in the
number of nodes, so it runs on a backbone of the best-connected nodes only; every
other node is placed beside the neighbour that brought it in, breadth first, and
nodes unreachable from the backbone go on a grid below it. Seeded: the same graph
gets the same picture.
"""

from __future__ import annotations

import math

import networkx as nx

BACKBONE = 400  # below networkx's 500-node switch to its scipy-only sparse solver
SCALE = 1000.0


def layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions (x, y) in screen units for every node of ``g``."""
    if g.number_of_nodes() == 0:
        return {}
    und: nx.Graph[str] = nx.Graph(g)
    by_degree = sorted(und.nodes, key=lambda n: (-und.degree(n), str(n)))
    backbone = by_degree[:BACKBONE]
    sub = und.subgraph(backbone)
    spread = SCALE * max(1.0, math.sqrt(len(backbone)) / 4)
    pos = {
        n: (float(x) * spread, float(y) * spread)
        for n, (x, y) in nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(max(len(backbone), 1))).items()
    }
    queue = list(backbone)
    children: dict[str, int] = {}
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
        bottom = max(y for _, y in pos.values()) + 200.0
        left = min(x for x, _ in pos.values())
        cols = max(1, int(math.sqrt(len(rest)) * 2))
        for i, node in enumerate(rest):
            pos[node] = (left + (i % cols) * 80.0, bottom + (i // cols) * 80.0)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}
