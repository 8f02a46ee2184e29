"""The graph as an interactive HTML page that stays quick at any size.

A page draws an overview first (:mod:`kgraph.viz.overview`: the best-connected
entities, the rest counted in clusters by region) and loads a node's panel,
evidence and neighbourhood when it is opened, from shards (:mod:`kgraph.viz.content`).
:func:`write_site` puts the shards in the page while they are small and in a side
folder next to it (``graph.files/``, loaded as scripts: no server needed) when they
are not; the page runs the same code either way. :func:`render` returns a page
with everything inline, for small graphs. Both are deterministic: the same graph
gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kgraph.graph import ARTICLE
from kgraph.viz import page as page_html
from kgraph.viz import site
from kgraph.viz.content import OVERVIEW, TYPE_STYLE, Content

__all__ = ["INLINE_LIMIT", "OVERVIEW", "TYPE_STYLE", "FocusNotFound", "find_node", "render", "select", "write_site"]

TITLE = "kgraph explorer"
INLINE_LIMIT = 5_000_000  # bytes of shards a page carries itself; past it they go to the side folder


class FocusNotFound(LookupError):
    """``--focus`` names no entity of the graph."""


def find_node(g: nx.MultiDiGraph, name: str) -> str:
    """The entity a name means: an exact label or alias (any case, either language), else a substring."""
    want = name.strip().lower()
    exact, partial = [], []
    for node, d in g.nodes(data=True):
        if d.get("type") == ARTICLE:
            continue
        names = [d.get("label", ""), d.get("label_zh", ""), *d.get("aliases_en", []), *d.get("aliases_zh", [])]
        lowered = [n.lower() for n in names if n]
        if want in lowered:
            exact.append(node)
        elif any(want in n for n in lowered):
            partial.append(node)
    pool = exact or partial
    if not pool:
        raise FocusNotFound(f"no entity named {name!r} in the graph")
    return max(pool, key=lambda n: (int(g.nodes[n].get("mentions", 0) or 0), -len(str(n)), str(n)))


def select(
    g: nx.MultiDiGraph, focus: str | None = None, depth: int = 2, types: list[str] | None = None
) -> nx.MultiDiGraph:
    """The part of the graph to draw: entities only, optionally one's neighbourhood and some types."""
    keep = [n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE]
    if types:
        wanted = {t.strip().lower() for t in types}
        keep = [n for n in keep if str(g.nodes[n].get("type", "")).lower() in wanted]
    sub = g.subgraph(keep)
    if focus:
        center = find_node(g, focus)
        if center not in sub:
            raise FocusNotFound(f"{focus!r} is a {g.nodes[center].get('type')}, not among --types")
        sub = sub.subgraph(nx.ego_graph(nx.Graph(sub), center, radius=depth).nodes)
    return sub


def render(
    g: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 2,
    types: list[str] | None = None,
    title: str = TITLE,
    overview: int = OVERVIEW,
) -> str:
    """The explorer page for ``g`` (or the part ``focus``, ``depth`` and ``types`` select), everything inline."""
    content = Content(g, select(g, focus, depth, types), overview)
    store = site.inline_store(list(content.shards()))
    return page_html.html(content.page_data(title, focus or ""), store)


def write_site(
    graph: nx.MultiDiGraph,
    out_dir: Path,
    page: str = "graph.html",
    *,
    focus: str | None = None,
    depth: int = 2,
    types: list[str] | None = None,
    title: str = TITLE,
    inline_limit: int = INLINE_LIMIT,
    overview: int = OVERVIEW,
) -> list[Path]:
    """Write the explorer page into ``out_dir``, and its side folder if its shards pass ``inline_limit`` bytes.

    Returns the paths written: the page, then the side folder when there is one."""
    content = Content(graph, select(graph, focus, depth, types), overview)
    data = content.page_data(title, focus or "")
    return site.write(
        Path(out_dir),
        page,
        lambda store: page_html.html(data, store, page),
        content.shards(),
        content.counts,
        inline_limit,
    )
