"""The graph as an interactive HTML page: pyvis for the network, kgraph's own page around it.

pyvis holds the nodes, edges and vis-network options and renders them through
kgraph's Jinja template (``explorer.html``), which inlines vis-network from the
pyvis package, so the page works from a file with no network. Nodes are added
to pyvis in bulk (its ``add_edge`` checks every existing edge for a duplicate,
which is quadratic), positions come from :mod:`kgraph.viz.layout`, and physics
is off. Every text from the articles reaches the page as JSON (with ``<``,
``>``, ``&`` escaped) and is shown with ``textContent``, never as HTML.

Posts carry their time from :mod:`kgraph.careers`: an official's panel draws
the career as a timeline, and the date filter keeps a post whose span (first
day of its start to last day of its end, open where unknown) overlaps the range.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network

from kgraph.careers import Spell, shown_end, spells
from kgraph.graph import ARTICLE
from kgraph.relations import relation_kinds
from kgraph.viz.layout import layout

HERE = Path(__file__).resolve().parent
TYPE_STYLE = {
    "Official": {"color": "#d1495b", "shape": "dot"},
    "Person": {"color": "#8d99ae", "shape": "dot"},
    "Body": {"color": "#2e86ab", "shape": "square"},
    "Region": {"color": "#3f9b4f", "shape": "triangle"},
    "Campaign": {"color": "#f18f01", "shape": "diamond"},
}
MAX_EVIDENCE = 12
EDGE_LABEL_LIMIT = 2000


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


def _articles(g: nx.MultiDiGraph) -> dict[str, tuple[str, str]]:
    return {
        n.split("/", 1)[1]: (d.get("label", ""), d.get("date", ""))
        for n, d in g.nodes(data=True)
        if d.get("type") == ARTICLE
    }


def _evidence(items: list[dict], articles: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
    out = []
    seen = set()
    for ev in items:
        key = (ev.get("article"), ev.get("sentence"))
        if key in seen:
            continue
        seen.add(key)
        title, date = articles.get(str(ev.get("article")), ("", ""))
        out.append(
            {
                "article": str(ev.get("article", "")),
                "headline": title,
                "date": date,
                "sentence": str(ev.get("sentence", "")),
            }
        )
    out.sort(key=lambda e: (e["date"], e["article"], e["sentence"]))
    return out[:MAX_EVIDENCE]


def _career_entry(s: Spell) -> dict[str, object]:
    """One post of an official's timeline: what to write and where its bar goes (``lo``/``hi`` "" where open)."""
    return {
        "title": s.title,
        "body": s.body_en,
        "start": s.start,
        "end": shown_end(s),
        "lo": s.lower,
        "hi": s.upper,
        "status": s.status,
        "dated": s.dated,
        "reported": [s.reported[0], s.reported[-1]] if s.reported else [],
    }


def _timeline_key(s: Spell) -> tuple[str, str, str, str]:
    return (s.lower or s.upper or (s.reported[0] if s.reported else "9999"), s.upper or "9999", s.body_en, s.title)


def page_data(g: nx.MultiDiGraph, sub: nx.MultiDiGraph) -> tuple[list[dict], list[dict], dict[str, dict]]:
    """vis-network nodes and edges, and the side panel's details per node."""
    articles = _articles(g)
    posts = {(x.official, x.body, x.title): x for x in spells(g, officials=sub.nodes, bodies=sub.nodes)}
    held: dict[str, list[list[str]]] = defaultdict(list)  # a node's dated posts, for the date filter
    careers: dict[str, list[Spell]] = defaultdict(list)
    for spell in posts.values():
        careers[spell.official].append(spell)
        if spell.dated:
            held[spell.official].append([spell.lower, spell.upper])
            held[spell.body].append([spell.lower, spell.upper])
    pos = layout(sub)
    nodes: list[dict] = []
    details: dict[str, dict] = {}
    mention_evidence: dict[str, list[dict]] = defaultdict(list)
    for _s, o, d in g.edges(data=True):
        if d.get("type") == "mentions" and o in sub:
            mention_evidence[o] += d.get("evidence", [])
    for node in sorted(sub.nodes):
        d = g.nodes[node]
        etype = d.get("type", "")
        style = TYPE_STYLE.get(etype, TYPE_STYLE["Person"])
        mentions = int(d.get("mentions", 0) or 0)
        x, y = pos[node]
        nodes.append(
            {
                "id": node,
                "label": d.get("label", node),
                "group": etype,
                "shape": style["shape"],
                "color": style["color"],
                "size": round(8 + 5 * math.log2(1 + mentions), 1),
                "x": x,
                "y": y,
                "first": d.get("first_seen", ""),
                "last": d.get("last_seen", ""),
                **({"held": held[node]} if node in held else {}),
            }
        )
        details[node] = {
            "label": d.get("label", node),
            "label_zh": d.get("label_zh", ""),
            "type": etype,
            "aliases_en": list(d.get("aliases_en", [])),
            "aliases_zh": list(d.get("aliases_zh", [])),
            "mentions": mentions,
            "first_seen": d.get("first_seen", ""),
            "last_seen": d.get("last_seen", ""),
            "posts": [],
            "officials": [],
            "parents": [],
            "evidence": _evidence(mention_evidence[node], articles),
        }
        if node in careers:
            details[node]["career"] = [_career_entry(x) for x in sorted(careers[node], key=_timeline_key)]
    edges: list[dict] = []
    show_labels = sub.number_of_edges() <= EDGE_LABEL_LIMIT
    kinds = relation_kinds()
    for s, o, d in sorted(
        sub.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("type", ""), e[2].get("title", ""))
    ):
        kind = d.get("type", "")
        if kind not in kinds:
            continue
        label, color = kinds[kind].label, kinds[kind].color
        dates = sorted({articles.get(str(ev.get("article")), ("", ""))[1] for ev in d.get("evidence", [])} - {""})
        title = d.get("title", "")
        post = posts.get((s, o, title or "Member")) if kind == "holds_post" else None
        span = [post.lower, post.upper] if post is not None and post.dated else None
        when = f" ({post.start or '…'} – {shown_end(post)})" if post is not None and span else ""
        edges.append(
            {
                "from": s,
                "to": o,
                "label": label if show_labels else "",
                "relation": kind,
                "color": color,
                "arrows": "to",
                "first": dates[0] if dates else "",
                "last": dates[-1] if dates else "",
                **({"span": span} if span else {}),
                "text": f"{label}{': ' + title if title else ''}{when}",
            }
        )
        sname, oname = g.nodes[s].get("label", s), g.nodes[o].get("label", o)
        if kind == "holds_post":
            details[s]["posts"].append(f"{title or 'Member'}, {oname}")
            details[o]["officials"].append(f"{sname} ({title or 'Member'})")
        elif kind in ("sub_organization_of", "contained_in", "area_served"):
            details[s]["parents"].append(f"{label} {oname}")
    return nodes, edges, details


def _environment() -> Environment:
    pyvis_templates = Path(pyvis.__file__).resolve().parent / "templates"
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(HERE)), FileSystemLoader(str(pyvis_templates))]), autoescape=True
    )


def render(
    g: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 2,
    types: list[str] | None = None,
    title: str = "kgraph explorer",
) -> str:
    """The explorer page for ``g`` (or the part that ``focus``, ``depth`` and ``types`` select)."""
    sub = select(g, focus, depth, types)
    nodes, edges, details = page_data(g, sub)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges = nodes, edges  # in bulk: pyvis's add_edge is quadratic
    net.node_ids = [n["id"] for n in nodes]
    net.options = _options(len(nodes))
    net.set_template_dir(str(HERE), "explorer.html")
    net.templateEnv = _environment()
    template = net.templateEnv.get_template("explorer.html")
    spans = [day for n in nodes for span in n.get("held", []) for day in span]
    all_dates = sorted(({n["first"] for n in nodes} | {n["last"] for n in nodes} | set(spans)) - {""})
    html = template.render(
        nodes=nodes,
        edges=edges,
        details=details,
        options=net.options,
        title=title,
        types=[{"name": t, **s} for t, s in TYPE_STYLE.items()],
        relations=[{"name": k.key, "label": k.label, "color": k.color} for k in relation_kinds().values()],
        date_min=all_dates[0] if all_dates else "",
        date_max=all_dates[-1] if all_dates else "",
        focus=focus or "",
    )
    return re.sub(r"[ \t]+\n", "\n", html)


def _options(n: int) -> dict:
    """vis-network options: no physics (positions are given), no slow initial layout pass."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": n > 1000, "tooltipDelay": 150},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}, "width": 1, "selectionWidth": 2},
    }
