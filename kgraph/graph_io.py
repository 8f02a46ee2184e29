"""Reading a built graph back into the networkx model, from its GraphML export.

GraphML keeps every node and edge attribute; lists were written as ``a | b``
and evidence as JSON (see :mod:`kgraph.export.graphml`), and are restored here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import networkx as nx

LIST_KEYS = ("aliases_en", "aliases_zh", "articles", "outlets", "sources")


class GraphReadError(ValueError):
    """A graph file that is missing or cannot be read; the message names the file."""


def graphml_path(path: str | Path) -> Path:
    """The GraphML file for a path: the file itself, or ``graph.graphml`` in a build directory."""
    p = Path(path)
    if p.is_dir():
        p = p / "graph.graphml"
    if not p.exists():
        raise GraphReadError(f"{p}: no such file (give a graph.graphml or the directory a build wrote)")
    if p.suffix != ".graphml":
        raise GraphReadError(f"{p}: not a GraphML file; give the graph.graphml that `kgraph build` writes")
    return p


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """The knowledge graph stored at ``path`` (a graph.graphml or a build directory)."""
    p = graphml_path(path)
    try:
        raw = cast("nx.MultiDiGraph[str]", nx.read_graphml(p, force_multigraph=True))  # multigraph: forced
    except Exception as e:  # networkx raises XML and key errors of several kinds
        raise GraphReadError(f"{p}: not a readable GraphML graph ({e})") from e
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in raw.nodes(data=True):
        g.add_node(node, **{k: _restore(k, v) for k, v in data.items()})
    for s, o, key, data in raw.edges(keys=True, data=True):
        g.add_edge(s, o, key=key, **{k: _restore(k, v) for k, v in data.items()})
    return g


def _restore(key: str, value: object) -> object:
    if key in LIST_KEYS and isinstance(value, str):
        return [x for x in value.split(" | ") if x]
    if key in ("evidence", "starts", "ends") and isinstance(value, str):
        return json.loads(value) if value.startswith("[") else []
    return value
