"""The graph as GraphML for Gephi and Cytoscape: lists joined with " | ", evidence as text."""

from __future__ import annotations

import io
import json

import networkx as nx


def to_graphml(g: nx.MultiDiGraph) -> str:
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, d in sorted(g.nodes(data=True)):
        flat.add_node(node, **{k: _flat(v) for k, v in sorted(d.items())})
    for s, o, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        flat.add_edge(s, o, key=k, **{kk: _flat(v) for kk, v in sorted(d.items())})
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")


def _flat(value: object) -> str | int | float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return " | ".join(map(str, value))
    return "" if value is None else str(value)
