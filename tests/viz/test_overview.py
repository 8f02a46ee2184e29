"""The overview: the best-connected entities with the regions above them, the rest counted in clusters by region."""

import networkx as nx
import pytest

from kgraph.pipeline import build
from kgraph.viz.content import Content
from kgraph.viz.explorer import select
from kgraph.viz.overview import parents, region_chain


@pytest.fixture(scope="module")
def graph(root):
    return build([root / "seeds"]).graph


def test_the_overview_keeps_the_best_connected_with_their_regions(graph):
    content = Content(graph, select(graph), overview_size=40)
    shown = set(content.shown)
    assert len(shown) == 40
    r = content.records
    best = sorted(r.ids, key=r.rank)[0]
    assert best in shown
    parent = parents(graph, list(select(graph).nodes))
    for node in shown:
        assert set(region_chain(node, parent, content.kind)) <= shown, node  # nothing drawn floats free of its place
    data = content.page_data("t")
    entities = [n for n in data["nodes"] if n["group"] != "Cluster"]
    assert {n["id"] for n in entities} == shown
    assert all(e["from"] in shown | {c.id for c in content.clusters} for e in data["edges"])


def test_every_entity_left_out_is_counted_once_at_the_nearest_region_drawn_above_it(graph):
    sub = select(graph)
    content = Content(graph, sub, overview_size=40)
    shown = set(content.shown)
    parent = parents(graph, list(sub.nodes))
    members = [m for c in content.clusters for m in c.members]
    assert sorted(members) == sorted(set(sub.nodes) - shown)  # a partition of what is not drawn
    for c in content.clusters:
        assert sum(n for _, n in c.counts) == len(c.members)
        for m in c.members:
            drawn_above = [x for x in region_chain(m, parent, content.kind) if x in shown]
            assert c.anchor == (drawn_above[0] if drawn_above else ""), m


def test_an_official_is_counted_at_the_region_of_his_post_and_a_body_at_the_region_it_serves():
    g = nx.MultiDiGraph()
    for node, kind in [
        ("region/1", "Region"),
        ("region/2", "Region"),
        ("region/3", "Region"),
        ("body/a", "Body"),
        ("body/b", "Body"),
        ("person/p", "Official"),
        ("campaign/c", "Campaign"),
        ("region/lonely", "Region"),
    ]:
        g.add_node(node, type=kind, label=node, mentions=1)
    for s, o, kind in [
        ("region/2", "region/1", "contained_in"),
        ("region/3", "region/2", "contained_in"),
        ("body/a", "region/3", "area_served"),
        ("body/b", "body/a", "sub_organization_of"),
        ("person/p", "body/b", "holds_post"),
        ("body/a", "campaign/c", "implements"),
    ]:
        g.add_edge(s, o, key=kind, type=kind, evidence=[])
    content = Content(g, g, overview_size=2)
    assert content.shown == ["region/1", "region/2"]  # body/a is the best connected: its regions come first
    clusters = {c.anchor: set(c.members) for c in content.clusters}
    # person -> body/b -> body/a -> region/3 (not drawn) -> region/2: counted in region/2.
    assert clusters == {"region/2": {"region/3", "body/a", "body/b", "person/p", "campaign/c"}, "": {"region/lonely"}}


def test_the_overview_keeps_to_its_budget_of_edges(graph):
    sub = select(graph)
    everything = Content(graph, sub, overview_size=200)
    assert len(everything.records.edges_among(everything.shown)) > 60
    content = Content(graph, sub, overview_size=200, overview_edges=60)
    edges = content.records.edges_among(content.shown)
    assert 50 < len(edges) <= 60  # filled up to the budget, never past it
    assert len(content.shown) > 40  # entities that bring few edges still come in
    assert len(content.page_data("t")["edges"]) == len(edges) + sum(1 for c in content.clusters if c.anchor)
