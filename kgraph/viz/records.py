"""What the explorer knows of each entity: how it is drawn, its side panel, its edges and its neighbours.

Computed once for a selection of the graph and handed out node by node, so that a
graph of any size is written shard by shard without every panel in memory at once.
Every text from the articles stays data (JSON, shown with ``textContent``).

Posts carry their time from :mod:`kgraph.careers`: an official's panel draws the
career as a timeline, and the date filter keeps a post whose span (first day of its
start to last day of its end, open where unknown) overlaps the range.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx

from kgraph.careers import Spell, shown_end, spells
from kgraph.evidence import EvidenceList
from kgraph.graph import ARTICLE
from kgraph.relations import relation_kinds

MAX_EVIDENCE = 12
LIST_LIMIT = 100  # posts, officials and parents listed in one panel: a national body has thousands
NEAR_LIMIT = 150  # neighbours drawn when a node is opened, best connected first
PARENT_KINDS = ("sub_organization_of", "contained_in", "area_served")
WEB = re.compile(r"^https?://", re.I)


class Records:
    """Nodes, panels and edges of one selection (``sub``) of the graph ``g``; positions are set by :meth:`place`."""

    def __init__(self, g: nx.MultiDiGraph, sub: nx.MultiDiGraph):
        self.g = g
        self.ids = sorted(sub.nodes)
        self.articles = _articles(g)
        self.kinds = relation_kinds()
        inside = set(self.ids)  # membership in a networkx subgraph view is slow; in a set it is not
        posts = {(x.official, x.body, x.title): x for x in spells(g, officials=inside, bodies=inside)}
        self.held: dict[str, list[list[str]]] = defaultdict(list)  # a node's dated posts, for the date filter
        self.careers: dict[str, list[Spell]] = defaultdict(list)
        for spell in posts.values():
            self.careers[spell.official].append(spell)
            if spell.dated:
                self.held[spell.official].append([spell.lower, spell.upper])
                self.held[spell.body].append([spell.lower, spell.upper])
        for node, spans in self.held.items():
            self.held[node] = _union(spans)
        self.evidence: dict[str, list[Sequence[dict]]] = defaultdict(list)  # each mention's list, read when shown
        relations = []
        for s, o, d in g.edges(data=True):
            if d.get("type") == "mentions":
                if o in inside and d.get("evidence"):
                    self.evidence[o].append(d["evidence"])
            elif s in inside and o in inside and d.get("type", "") in self.kinds:
                relations.append((s, o, d))
        self.edges: list[dict] = []
        self.titles: list[str] = []
        self.incident: dict[str, list[int]] = defaultdict(list)
        self.graph: nx.Graph[str] = nx.Graph()  # undirected, drawable relations only: for ranks and the layout
        self.graph.add_nodes_from(self.ids)
        for s, o, d in sorted(relations, key=lambda e: (e[0], e[1], e[2].get("type", ""), e[2].get("title", ""))):
            self.incident[s].append(len(self.edges))
            if o != s:
                self.incident[o].append(len(self.edges))
            self.edges.append(self._edge(s, o, d, posts))
            self.titles.append(d.get("title", ""))
            self.graph.add_edge(s, o)
        self.pos: dict[str, tuple[float, float]] = {}

    def _edge(self, s: str, o: str, d: dict, posts: dict[tuple[str, str, str], Spell]) -> dict:
        kind = d.get("type", "")
        label = self.kinds[kind].label
        dates = sorted({self.articles.get(str(ev.get("article")), ("", "", ""))[1] for ev in d.get("evidence", [])})
        dates = [x for x in dates if x]
        title = d.get("title", "")
        post = posts.get((s, o, title or "Member")) if kind == "holds_post" else None
        span = [post.lower, post.upper] if post is not None and post.dated else None
        when = f" ({post.start or '…'} – {shown_end(post)})" if post is not None and span else ""
        return {
            "from": s,
            "to": o,
            "relation": kind,
            "first": dates[0] if dates else "",
            "last": dates[-1] if dates else "",
            **({"span": span} if span else {}),
            "text": f"{label}{': ' + title if title else ''}{when}",
        }

    def mentions(self, node: str) -> int:
        return int(self.g.nodes[node].get("mentions", 0) or 0)

    def rank(self, node: str) -> tuple[int, int, str]:
        """Best connected first, then most mentioned: the order of the overview and of a node's neighbours."""
        return (-self.graph.degree(node), -self.mentions(node), node)

    def fame(self, node: str) -> tuple[int, int, str]:
        """Most mentioned first: the order in which search prefers one of several entities of the same name."""
        return (-self.mentions(node), -self.graph.degree(node), node)

    def place(self, positions: dict[str, tuple[float, float]]) -> None:
        self.pos = positions

    def node(self, node: str) -> dict:
        """The node as vis-network draws it (the page adds shape and colour by type)."""
        d = self.g.nodes[node]
        x, y = self.pos[node]
        return {
            "id": node,
            "label": d.get("label", node),
            "group": d.get("type", ""),
            "size": round(8 + 5 * math.log2(1 + self.mentions(node)), 1),
            "x": x,
            "y": y,
            "first": d.get("first_seen", ""),
            "last": d.get("last_seen", ""),
            **({"held": self.held[node]} if node in self.held else {}),
        }

    def names(self, node: str) -> list[str]:
        """Every name of the entity, English and Chinese, label first."""
        d = self.g.nodes[node]
        names = [d.get("label", node), d.get("label_zh", ""), *d.get("aliases_en", []), *d.get("aliases_zh", [])]
        return [str(n) for n in dict.fromkeys(names) if n]

    def detail(self, node: str) -> dict:
        """The side panel: names, dates, posts, officials, what it belongs to, career and evidence."""
        d = self.g.nodes[node]
        posts, officials, parents = [], [], []
        for i in self.incident.get(node, []):
            e, title = self.edges[i], self.titles[i] or "Member"
            s, o, kind = e["from"], e["to"], e["relation"]
            if kind == "holds_post":
                if s == node:
                    posts.append(f"{title}, {self._label(o)}")
                if o == node:
                    officials.append(f"{self._label(s)} ({title})")
            elif kind in PARENT_KINDS and s == node:
                parents.append(f"{self.kinds[kind].label} {self._label(o)}")
        out = {
            "label": d.get("label", node),
            "label_zh": d.get("label_zh", ""),
            "type": d.get("type", ""),
            "aliases_en": list(d.get("aliases_en", [])),
            "aliases_zh": list(d.get("aliases_zh", [])),
            "mentions": self.mentions(node),
            "first_seen": d.get("first_seen", ""),
            "last_seen": d.get("last_seen", ""),
            "posts": _capped(posts),
            "officials": _capped(officials),
            "parents": _capped(parents),
            "evidence": _evidence(self.evidence.get(node, []), self.articles),
        }
        if node in self.careers:
            out["career"] = [_career_entry(x) for x in sorted(self.careers[node], key=_timeline_key)]
        return out

    def record(self, node: str) -> dict:
        """What opening a node loads: its drawing, its panel, its best-connected neighbours and the edges to them."""
        neighbours = sorted(self.graph.neighbors(node), key=self.rank)
        near = neighbours[:NEAR_LIMIT]
        keep = set(near) | {node}
        detail = self.detail(node)
        detail["more"] = len(neighbours) - len(near)
        return {
            "node": self.node(node),
            "detail": detail,
            "near": [self.node(n) for n in near],
            "edges": [self.edges[i] for i in self.incident.get(node, []) if self.ends(i) <= keep],
        }

    def edges_among(self, nodes: Iterable[str]) -> list[dict]:
        """Every edge between two of ``nodes``, in the graph's edge order."""
        keep = set(nodes)
        return [e for e in self.edges if e["from"] in keep and e["to"] in keep]

    def links(self, node: str) -> list[str]:
        """The other end of each of the node's edges (the node itself for a loop)."""
        return [
            self.edges[i]["to"] if self.edges[i]["from"] == node else self.edges[i]["from"]
            for i in self.incident.get(node, [])
        ]

    def ends(self, i: int) -> set[str]:
        return {self.edges[i]["from"], self.edges[i]["to"]}

    def _label(self, node: str) -> str:
        return str(self.g.nodes[node].get("label", node))


def _union(spans: list[list[str]]) -> list[list[str]]:
    """The union of post spans as disjoint spans ("" an open end): a body with thousands of posts keeps a few,
    and a date range overlaps the union exactly when it overlaps one of the posts."""
    out: list[list[str]] = []
    for lo, hi in sorted(spans, key=lambda s: (s[0], s[1] or "9999")):
        if out and (not out[-1][1] or not lo or lo <= out[-1][1]):
            if out[-1][1] and (not hi or hi > out[-1][1]):
                out[-1][1] = hi
        else:
            out.append([lo, hi])
    return out


def _capped(items: list[str]) -> list[str]:
    if len(items) <= LIST_LIMIT:
        return items
    return [*items[:LIST_LIMIT], f"… and {len(items) - LIST_LIMIT:,} more"]


def _articles(g: nx.MultiDiGraph) -> dict[str, tuple[str, str, str]]:
    """Headline, date and web address (if any) of each article, by article id."""
    return {
        n.split("/", 1)[1]: (d.get("label", ""), d.get("date", ""), str(d.get("url", "") or ""))
        for n, d in g.nodes(data=True)
        if d.get("type") == ARTICLE
    }


def _evidence(lists: list[Sequence[dict]], articles: dict[str, tuple[str, str, str]]) -> list[dict[str, str]]:
    """The first :data:`MAX_EVIDENCE` sentences naming a node, by date, article and sentence, without repeats.

    Only the sentences of the earliest articles can be among them, so only theirs are read (an entity of
    every article has evidence in all of them: in a large graph, on disk).
    """
    by_article: dict[tuple[str, str], list[tuple[Sequence[dict], int]]] = defaultdict(list)
    for items in lists:
        for i in range(len(items)):
            article = items.article(i) if isinstance(items, EvidenceList) else str(items[i].get("article", ""))
            by_article[(articles.get(article, ("", "", ""))[1], article)].append((items, i))
    out: list[dict[str, str]] = []
    seen = set()
    for (date, article), refs in sorted(by_article.items()):
        if len(out) >= MAX_EVIDENCE:
            break  # the entries of later articles sort after all of these
        title, _, url = articles.get(article, ("", "", ""))
        for items, i in refs:
            sentence = str(items[i].get("sentence", ""))
            if (article, sentence) in seen:
                continue
            seen.add((article, sentence))
            out.append(
                {
                    "article": article,
                    "headline": title,
                    "date": date,
                    "sentence": sentence,
                    **({"url": url} if WEB.match(url) else {}),
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
