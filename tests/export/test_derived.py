"""kgraph/export/derived.py: the region ancestors and co-mentions the export writes for the named queries."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from kgraph.export import derived, rdf
from kgraph.export.derived import (
    CO_MENTION_CLASS,
    CO_MENTION_GROUP,
    CO_MENTIONED,
    NAMED_IN,
    SHARED_ARTICLES,
    WITHIN,
    Derived,
    ancestors,
)
from kgraph.graph import ARTICLE

TYPE = rdf.TYPE


def entity(g: nx.MultiDiGraph, key: str, etype: str, label: str) -> None:
    g.add_node(key, type=etype, label=label, mentions=1)


def hierarchy() -> nx.MultiDiGraph:
    """China > Zhejiang > Jinhua > Pujiang County > Xianhua Township, and Guizhou beside Zhejiang."""
    g = nx.MultiDiGraph()
    chain = ["100000", "330000", "330700", "330726", "330726/xianhua"]
    for code, label in zip(chain, ["China", "Zhejiang", "Jinhua", "Pujiang County", "Xianhua Township"]):
        entity(g, f"region/{code}", "Region", label)
    entity(g, "region/520000", "Region", "Guizhou")
    for child, parent in zip(chain[1:], chain):
        g.add_edge(f"region/{child}", f"region/{parent}", key="contained_in", type="contained_in", evidence=[])
    g.add_edge("region/520000", "region/100000", key="contained_in", type="contained_in", evidence=[])
    entity(g, "body/330726/party_committee", "Body", "Pujiang County Party Committee")
    g.add_edge("body/330726/party_committee", "region/330726", key="area_served", type="area_served", evidence=[])
    return g


def rows_of(g: nx.MultiDiGraph, key: str, **kw: int) -> list[tuple]:
    return list(Derived(g, **kw).rows(key))


def objects(rows: list[tuple], subject: str, predicate: str) -> list:
    return sorted(o[1] for s, p, o in rows if s == subject and p == predicate)


def test_a_region_is_within_every_region_above_it_and_not_itself():
    g = hierarchy()
    d = Derived(g)
    iri = rdf.iri
    township = list(d.rows("region/330726/xianhua"))
    assert objects(township, iri("region/330726/xianhua"), WITHIN) == sorted(
        iri(f"region/{c}") for c in ("100000", "330000", "330700", "330726")
    )
    assert objects(list(d.rows("region/330700")), iri("region/330700"), WITHIN) == [
        iri("region/100000"),
        iri("region/330000"),
    ]
    assert objects(list(d.rows("region/520000")), iri("region/520000"), WITHIN) == [iri("region/100000")]
    for top_or_body in ("region/100000", "body/330726/party_committee"):  # nothing above; a body is in no region
        assert not [r for r in d.rows(top_or_body) if r[1] == WITHIN]


def test_ancestors_end_on_a_cycle_and_name_a_node_its_own_only_there():
    up = ancestors({"a": {"b"}, "b": {"c"}, "c": {"b"}, "d": {"a", "c"}})
    assert up == {"a": {"b", "c"}, "b": {"b", "c"}, "c": {"b", "c"}, "d": {"a", "b", "c"}}
    g = nx.MultiDiGraph()
    for key in ("region/1", "region/2"):
        entity(g, key, "Region", key)
    g.add_edge("region/1", "region/2", key="contained_in", type="contained_in")
    g.add_edge("region/2", "region/1", key="contained_in", type="contained_in")
    assert [r[2][1] for r in Derived(g).rows("region/1")] == [rdf.iri("region/2")]  # never within itself


def articles_graph(mentions: dict[str, list[str]], labels: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """Articles and the entities they mention (an entity's label is its key unless ``labels`` says)."""
    g = nx.MultiDiGraph()
    for art, named in mentions.items():
        g.add_node(art, type=ARTICLE, label=art, date="2023-01-01", lang="en")
        for key in named:
            if key not in g:
                entity(g, key, "Official", (labels or {}).get(key, key))
            g.add_edge(art, key, key="mentions", type="mentions", evidence=[])
    return g


def test_an_entity_in_few_articles_is_linked_to_them_for_the_query_to_count():
    g = articles_graph({"article/1": ["person/a", "person/b"], "article/2": ["person/a", "person/c"]})
    rows = rows_of(g, "person/a")
    assert rows == [
        (rdf.iri("person/a"), NAMED_IN, (0, rdf.iri("article/1"))),
        (rdf.iri("person/a"), NAMED_IN, (0, rdf.iri("article/2"))),
    ]
    assert rows_of(g, "article/1") == []  # an article gets nothing


def test_an_entity_in_many_articles_gets_its_counts_by_number_of_shared_articles():
    g = articles_graph(
        {
            "article/1": ["person/a", "person/b", "person/c"],
            "article/2": ["person/a", "person/b"],
            "article/3": ["person/a", "person/b", "person/d"],
            "article/4": ["person/b", "person/c"],  # no mention of a: counts nothing for it
        }
    )
    rows = rows_of(g, "person/a", joined=0)
    a = rdf.iri("person/a")
    two, one = derived.group_iri("person/a", 3), derived.group_iri("person/a", 1)
    assert objects(rows, a, CO_MENTION_GROUP) == sorted([two, one])
    assert objects(rows, a, NAMED_IN) == []
    assert [o for s, p, o in rows if s == two and p == SHARED_ARTICLES] == [(1, derived.INTEGER, "", 3, "3")]
    assert objects(rows, two, CO_MENTIONED) == [rdf.iri("person/b")]
    assert objects(rows, one, CO_MENTIONED) == [rdf.iri("person/c"), rdf.iri("person/d")]
    assert objects(rows, one, TYPE) == [CO_MENTION_CLASS]
    assert Derived(g).co_mentioned("person/b") == {"person/a": 3, "person/c": 2, "person/d": 1}


def test_only_the_first_shown_are_kept_as_the_query_orders_them():
    """Most shared articles first, then label, then IRI: the query's ORDER BY, so its LIMIT finds them all."""
    labels = {"person/x": "Same", "person/y": "Same", "person/z": "Alpha", "person/w": "Zed", "person/v": "Mid"}
    g = articles_graph(
        {
            "article/1": ["person/a", "person/w", "person/x", "person/y", "person/z", "person/v"],
            "article/2": ["person/a", "person/w"],
        },
        labels,
    )
    d = Derived(g, shown=3, joined=0)
    # w shares two articles; the rest one each, ranked Alpha < Mid < Same (x, y: by IRI)
    assert d.co_mentioned("person/a") == {"person/w": 2, "person/z": 1, "person/v": 1}
    assert Derived(g, shown=4, joined=0).co_mentioned("person/a") == {
        "person/w": 2,
        "person/z": 1,
        "person/v": 1,
        "person/x": 1,
    }
    assert len(Derived(g, shown=50, joined=0).co_mentioned("person/a")) == 5


def ranked(g: nx.MultiDiGraph, key: str, shown: int) -> dict[str, int]:
    """The query's ranking, the plain way: every entity sharing an article with ``key``, counted, sorted by
    count (most first), label and IRI, the first ``shown`` kept."""
    counts: Counter[str] = Counter()
    for a in g.predecessors(key):
        counts.update(o for o in g.successors(a) if o != key)
    order = sorted(counts.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"], rdf.iri(kv[0])))
    return dict(order[:shown])


@pytest.mark.parametrize("seed", range(8))
def test_the_first_shown_are_the_plain_rankings_with_many_ties(seed):
    import random

    rnd = random.Random(seed)
    people = [f"person/{i:02d}" for i in range(40)]
    labels = {p: rnd.choice(["Li", "Wang", "Zhang", "Liu"]) for p in people}  # labels shared: ties go to IRIs
    g = articles_graph({f"article/{n}": rnd.sample(people, rnd.randint(2, 12)) for n in range(60)}, labels)
    for shown in (1, 3, 10, 25, 50):
        d = Derived(g, shown=shown, joined=0)
        for key in people[:10]:
            if key in g:
                assert d.co_mentioned(key) == ranked(g, key, shown), (seed, shown, key)


def test_the_threshold_is_the_number_of_mentions_the_query_would_join():
    g = articles_graph({"article/1": ["person/a", "person/b", "person/c"], "article/2": ["person/a", "person/b"]})
    # a's articles hold 5 mentions in all: counted by the query up to 5, written from 4
    assert {r[1] for r in rows_of(g, "person/a", joined=5)} == {NAMED_IN}
    assert {r[1] for r in rows_of(g, "person/a", joined=4)} == {CO_MENTION_GROUP, TYPE, SHARED_ARTICLES, CO_MENTIONED}


def test_the_export_writes_the_derived_rows_each_subject_in_one_group(monkeypatch):
    g = hierarchy()
    for i in range(3):
        art = f"article/{i}"
        g.add_node(art, type=ARTICLE, label=f"Article {i}", date="2023-01-01", lang="en")
        for key in ("region/330726", "body/330726/party_committee", "region/520000"):
            g.add_edge(art, key, key="mentions", type="mentions", evidence=[])
    monkeypatch.setattr(derived, "JOINED", 4)  # the region's three articles hold nine mentions: written as counts
    groups = list(rdf.groups(g))
    subjects = Counter(s for s, _ in groups)
    assert max(subjects.values()) == 1
    found = {row for _, rows in groups for row in rows}
    county = rdf.iri("region/330726")
    assert (county, WITHIN, (0, rdf.iri("region/330000"))) in found
    group = derived.group_iri("region/330726", 3)
    assert (county, CO_MENTION_GROUP, (0, group)) in found
    assert (group, CO_MENTIONED, (0, rdf.iri("region/520000"))) in found
    # each group comes right after its entity's, as the rows of a node do
    order = [s for s, _ in groups]
    assert order.index(group) > order.index(county)
    assert all(list(rows) == sorted(set(rows)) for _, rows in groups)


def test_iris_are_the_exports():
    for key in ("region/330000", "article/新闻一", "body/100000/cpc/central_committee", "person/a b"):
        assert derived.iri(key) == rdf.iri(key)


@pytest.mark.parametrize("shown", [1, 2, 50])
def test_group_iris_are_distinct(shown):
    keys = ["person/a", "person/a/1", "person/a/11"]
    made = {derived.group_iri(k, n) for k in keys for n in (1, 11, shown)}
    assert len(made) == len({(k, n) for k in keys for n in (1, 11, shown)})
