"""What an explorer page and its side files hold, for a selection of the graph of any size.

The page holds the overview only (:mod:`kgraph.viz.overview`: the best-connected
entities, the rest as clusters by region), the legend's totals and the date range,
so its size does not grow with the graph. Everything else is in shards
(:mod:`kgraph.viz.shards`) loaded when needed: ``n`` a record per node and per
cluster (panel, evidence, neighbours, edges), ``x`` the ids of each name for exact
search, ``r`` every entity's names in order of mentions for substring search and
suggestions. A small graph's page carries the same shards inline.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator

import networkx as nx

from kgraph.relations import relation_kinds
from kgraph.viz import overview, shards
from kgraph.viz.layout import layout
from kgraph.viz.records import Records
from kgraph.viz.shards import Shard

TYPE_STYLE = {
    "Official": {"color": "#d1495b", "shape": "dot"},
    "Person": {"color": "#8d99ae", "shape": "dot"},
    "Body": {"color": "#2e86ab", "shape": "square"},
    "Region": {"color": "#3f9b4f", "shape": "triangle"},
    "Campaign": {"color": "#f18f01", "shape": "diamond"},
}
CLUSTER_STYLE = {"name": "Cluster", "label": "Not drawn, by region", "color": "#aab1bd", "shape": "hexagon"}
OVERVIEW = 2000  # entities drawn first: vis-network draws two thousand in under a second (idle machine)
OVERVIEW_EDGES = 5000  # edges among them: vis-network's first drawing grows with these most
EDGE_LABEL_LIMIT = 2000
CLUSTER_NEAR = 25  # members drawn when a cluster is opened
CLUSTER_LIST = 100  # members listed in its panel
NODES_PER_SHARD = 64  # records of a few kB each: shards of a few hundred kB
NAMES_PER_SHARD = 2048
RANKED_PER_SHARD = 5000


class Content:
    """The overview, the page's data and the side shards of ``sub`` (a selection of ``g``)."""

    def __init__(
        self,
        g: nx.MultiDiGraph,
        sub: nx.MultiDiGraph,
        overview_size: int = OVERVIEW,
        overview_edges: int = OVERVIEW_EDGES,
    ):
        self.records = r = Records(g, sub)
        self.kind = lambda n: str(g.nodes[n].get("type", ""))
        ranked = sorted(r.ids, key=r.rank)
        parent = overview.parents(g, r.ids)
        self.shown = overview.choose(ranked, overview_size, parent, self.kind, r.links, overview_edges)
        shown = set(self.shown)
        self.clusters = overview.clusters(ranked, shown, parent, self.kind, list(TYPE_STYLE))
        r.place(layout(r.graph, core=self.shown))
        self.by_id = {c.id: c for c in self.clusters}
        self.famous = sorted(r.ids, key=r.fame)
        self.counts = {
            shards.NODES: shards.shard_count(len(r.ids) + len(self.clusters), NODES_PER_SHARD),
            shards.NAMES: shards.shard_count(sum(len(r.names(n)) for n in r.ids), NAMES_PER_SHARD),
            shards.RANKED: max(1, math.ceil(len(r.ids) / RANKED_PER_SHARD)),
        }

    def page_data(self, title: str, focus: str = "") -> dict:
        """The page's own data: the overview drawn first, the legend with totals, the date range, the shard counts."""
        r = self.records
        nodes = [r.node(n) for n in self.shown] + [self._cluster_node(c) for c in self.clusters]
        edges = r.edges_among(self.shown) + [self._cluster_edge(c) for c in self.clusters if c.anchor]
        types: dict[str, int] = defaultdict(int)
        for n in r.ids:
            types[self.kind(n)] += 1
        relations: dict[str, int] = defaultdict(int)
        for e in r.edges:
            relations[e["relation"]] += 1
        days = {d for n in r.ids for d in (r.g.nodes[n].get("first_seen", ""), r.g.nodes[n].get("last_seen", ""))}
        days |= {day for spans in r.held.values() for span in spans for day in span}
        days.discard("")
        legend = [{"name": t, **s, "count": types.get(t, 0)} for t, s in TYPE_STYLE.items()]
        return {
            "title": title,
            "nodes": nodes,
            "edges": edges,
            "options": _options(len(nodes)),
            "labels": len(r.edges) <= EDGE_LABEL_LIMIT,
            "types": legend,
            "cluster": {**CLUSTER_STYLE, "count": len(self.clusters)},
            "relations": [
                {"name": k.key, "label": k.label, "color": k.color, "count": relations.get(k.key, 0)}
                for k in relation_kinds().values()
            ],
            "total": len(r.ids),
            "date_min": min(days) if days else "",
            "date_max": max(days) if days else "",
            "focus": focus,
            "shards": self.counts,
        }

    def shards(self) -> Iterator[Shard]:
        """Every side shard, in a fixed order: node records, names, then the search list."""
        r = self.records
        yield from _by_hash(shards.NODES, [*r.ids, *self.by_id], self.counts[shards.NODES], self._record)
        ids_by_name: dict[str, list[str]] = defaultdict(list)
        for n in self.famous:
            for name in r.names(n):
                low = name.strip().lower()
                if low and n not in ids_by_name[low][-1:]:
                    ids_by_name[low].append(n)
        yield from _by_hash(shards.NAMES, list(ids_by_name), self.counts[shards.NAMES], ids_by_name.__getitem__)
        for i in range(self.counts[shards.RANKED]):
            chunk = self.famous[i * RANKED_PER_SHARD : (i + 1) * RANKED_PER_SHARD]
            yield Shard(shards.RANKED, i, shards.encode([[n, self.kind(n), *r.names(n)] for n in chunk]))

    def _record(self, key: str) -> dict:
        if key.startswith(overview.ELSEWHERE):
            return self._cluster_record(key)
        return self.records.record(key)

    def _cluster_label(self, c: overview.Cluster) -> str:
        return self.records.g.nodes[c.anchor].get("label", c.anchor) if c.anchor else "elsewhere"

    def _cluster_node(self, c: overview.Cluster) -> dict:
        r = self.records
        if c.anchor:
            x, y = r.pos[c.anchor]
            x, y = x + 36.0, y - 36.0
        else:
            x = min((p[0] for p in r.pos.values()), default=0.0)
            y = max((p[1] for p in r.pos.values()), default=0.0) + 200.0
        place = f"in {self._cluster_label(c)}" if c.anchor else "elsewhere"
        return {
            "id": c.id,
            "label": f"+{len(c.members):,} {place}",
            "group": CLUSTER_STYLE["name"],
            "size": round(6 + 3 * math.log2(1 + len(c.members)), 1),
            "x": round(x, 1),
            "y": round(y, 1),
            "first": "",
            "last": "",
        }

    def _cluster_edge(self, c: overview.Cluster) -> dict:
        return {
            "from": c.id,
            "to": c.anchor,
            "relation": "cluster",
            "first": "",
            "last": "",
            "text": f"{len(c.members):,} not drawn lie in {self._cluster_label(c)}",
        }

    def _cluster_record(self, key: str) -> dict:
        """A cluster's panel (counts by type, its best-connected members) and the members drawn when it opens."""
        r = self.records
        c = self.by_id[key]
        near = list(c.members[:CLUSTER_NEAR])
        reach = set(near) | set(self.shown)
        picked = sorted({i for n in near for i in r.incident.get(n, []) if r.ends(i) <= reach})
        return {
            "node": self._cluster_node(c),
            "detail": {
                "kind": "cluster",
                "label": self._cluster_label(c),
                "type": CLUSTER_STYLE["name"],
                "region": c.anchor,
                "count": len(c.members),
                "counts": [list(x) for x in c.counts],
                "members": [[m, r.g.nodes[m].get("label", m), self.kind(m)] for m in c.members[:CLUSTER_LIST]],
            },
            "near": [r.node(n) for n in near],
            "edges": [r.edges[i] for i in picked],
        }


def _by_hash(kind: str, keys: list[str], count: int, value: Callable[[str], object]) -> Iterator[Shard]:
    """Shards of one kind: each key's value in the shard its FNV hash names, keys sorted; empty shards too, so
    that the page finds a file for any key it asks about."""
    groups: dict[int, list[str]] = defaultdict(list)
    for k in keys:
        groups[shards.shard_of(k, count)].append(k)
    for i in range(count):
        yield Shard(kind, i, shards.encode({k: value(k) for k in sorted(groups.get(i, []))}))


def _options(n: int) -> dict:
    """vis-network options: no physics (positions are given), no slow initial layout pass."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": n > 1000, "tooltipDelay": 150},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}, "width": 1, "selectionWidth": 2},
    }
