from kgraph.article import Article
from kgraph.facts import OFFICIAL, PERSON, Entity, Evidence, Facts, Relation
from kgraph.graph import build_graph


def facts(article_id: str, date: str, person_type: str) -> Facts:
    f = Facts(Article(id=article_id, date=date, title=f"T {article_id}", text="x"))
    ev = Evidence(article_id, 0, 1, "x")
    f.add_entity(Entity("person/li-wei", person_type, "Li Wei", "", {"Li Wei"}), ev)
    f.add_entity(
        Entity("body/1/party_committee", "Body", "A Party Committee", "甲委", {"A Party Committee", "CPC A"}, {"甲委"}),
        ev,
    )
    f.add_relation(Relation("holds_post", "person/li-wei", "body/1/party_committee", "Secretary", ev))
    return f


def test_articles_merge_on_keys_with_counts_dates_and_evidence():
    g = build_graph([facts("b", "2023-05-01", OFFICIAL), facts("a", "2022-01-07", PERSON)])
    node = g.nodes["person/li-wei"]
    assert node["type"] == OFFICIAL  # an official anywhere is an official
    assert node["mentions"] == 2
    assert (node["first_seen"], node["last_seen"]) == ("2022-01-07", "2023-05-01")
    assert node["articles"] == ["a", "b"]
    body = g.nodes["body/1/party_committee"]
    assert body["aliases_en"] == ["CPC A"] and body["label_zh"] == "甲委"
    [(_, _, data)] = [e for e in g.edges(data=True) if e[2]["type"] == "holds_post"]
    assert data["title"] == "Secretary" and [e["article"] for e in data["evidence"]] == ["a", "b"]


def test_graph_does_not_depend_on_input_order():
    one = build_graph([facts("a", "2022-01-07", PERSON), facts("b", "2023-05-01", OFFICIAL)])
    two = build_graph([facts("b", "2023-05-01", OFFICIAL), facts("a", "2022-01-07", PERSON)])
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(data=True)) == list(two.edges(data=True))


def test_a_merged_entity_follows_the_entity_rules_and_never_changes_the_articles() -> None:
    import copy

    from kgraph.facts import Entity
    from kgraph.graph import Merged

    first = Entity("person/x", "Person", "Li Qiang", aliases_en={"Li"}, attrs={"role": "a"})
    second = Entity(
        "person/x", "Official", "Li Q.", label_zh="李强", aliases_en={"Qiang"}, attrs={"role": "b", "x": "1"}
    )
    third = Entity("person/x", "Person", "L", label_zh="李", aliases_zh={"李某"})
    before = [copy.deepcopy(e) for e in (first, second, third)]
    merged = Merged(first, "a")
    expected = copy.deepcopy(first)
    for article, other in (("b", second), ("c", third)):
        merged.merge(other, article)
        expected.merge(other)
    assert [first, second, third] == before  # the articles' entities are shared, never changed
    assert (merged.type, merged.label_en, merged.label_zh) == (expected.type, expected.label_en, expected.label_zh)
    assert set(merged.aliases_en) == expected.aliases_en and set(merged.aliases_zh) == expected.aliases_zh
    assert dict(merged.attrs) == expected.attrs and list(merged.attrs) == list(expected.attrs)
    node: dict = {"articles": {"b", "a"}, "mentions": 2}
    merged.describe(node)
    assert node["type"] == "Official" and node["label_zh"] == "李强" and node["articles"] == ["a", "b"]
    assert node["aliases_en"] == ["Li", "Qiang"] and node["aliases_zh"] == ["李某"] and node["x"] == "1"


def test_a_merged_entity_is_the_same_whatever_order_its_articles_come_in() -> None:
    import itertools

    from kgraph.facts import Entity
    from kgraph.graph import Merged

    said = {
        "a": Entity("person/x", "Person", "Li Qiang", aliases_en={"Li"}, attrs={"role": "a"}),
        "b": Entity("person/x", "Official", "Li Q.", label_zh="李强", attrs={"role": "b", "x": "1"}),
        "c": Entity("person/x", "Person", "L", label_zh="李", aliases_zh={"李某"}, attrs={"y": "2", "x": "3"}),
        "d": Entity("person/x", "Person", "Q", attrs={"y": "4"}),
    }

    def merged(order: tuple[str, ...]) -> tuple:
        m = Merged(said[order[0]], order[0])
        for article in order[1:]:
            m.merge(said[article], article)
        return m.type, m.label_en, m.label_zh, set(m.aliases_en), set(m.aliases_zh), dict(m.attrs)

    expected = merged(("a", "b", "c", "d"))
    assert expected == ("Official", "Li Qiang", "李强", {"Li"}, {"李某"}, {"role": "a", "x": "1", "y": "2"})
    for order in itertools.permutations("abcd"):
        assert merged(order) == expected, order


def _said(article_id: str, label_zh: str, body_attrs: dict, unit: bool) -> Facts:
    """An article naming an official, a body (with a post, its start and a unit of it, or not) and a region."""
    from kgraph.facts import PostTime

    f = Facts(Article(id=article_id, date=f"2023-0{len(article_id)}-01", title=f"T {article_id}", text="x"))
    ev = Evidence(article_id, 0, 5, f"Sentence of {article_id}.")
    f.add_entity(Entity("person/li-wei", OFFICIAL, "Li Wei", label_zh, {"Li Wei", f"Li {article_id}"}), ev)
    body = Entity("body/350500/party_committee", "Body", "Quanzhou Committee", "", {"QC"}, set(), body_attrs)
    f.add_entity(body, ev)
    if unit:
        attrs = {"region": "350500", "path": "party_committee/standing_committee"}
        f.add_entity(Entity("body/350500/party_committee/standing_committee", "Body", "SC", attrs=attrs), ev)
    if article_id == "a":  # the region the body serves: its relation comes with the articles that name the body
        f.add_entity(Entity("region/350500", "Region", "Quanzhou", attrs={"code": "350500", "level": "city"}), ev)
    f.add_relation(Relation("holds_post", "person/li-wei", "body/350500/party_committee", "Secretary", ev))
    f.post_times.append(PostTime("person/li-wei", "body/350500/party_committee", "Secretary", "start", "2023", ev))
    return f


def snapshot(g) -> tuple[list, list]:
    """Every node and edge with its data, evidence as plain lists, in a fixed order."""

    def plain(d: dict) -> dict:
        return {k: list(v) if k == "evidence" else v for k, v in d.items()}

    nodes = sorted((n, plain(d)) for n, d in g.nodes(data=True))
    edges = sorted(((u, v, k), plain(d)) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def test_a_finished_graph_that_gains_earlier_articles_is_the_graph_of_all_of_them_merged_in_order():
    from kgraph.graph import GraphBuilder

    region = {"region": "350500", "path": "party_committee"}
    articles = {
        "a": _said("a", "", {}, unit=False),
        "b": _said("b", "李伟", region, unit=True),
        "c": _said("c", "李某", {**region, "kind": "x"}, unit=False),
        "d": _said("d", "", {}, unit=True),
    }
    expected = snapshot(build_graph(articles.values()))
    for steps in (["c", "d"], ["b"], ["a"]), (["d"], ["a", "c"], ["b"]), (["b", "d"], ["a", "c"]):
        builder = GraphBuilder()
        for step in steps:
            for article in step:
                builder.add(articles[article])
            g = builder.finish()
        assert snapshot(g) == expected, steps
    nodes, edges = expected
    person = dict(nodes)["person/li-wei"]
    assert person["label_zh"] == "李伟" and person["articles"] == ["a", "b", "c", "d"]
    post = dict(edges)[("person/li-wei", "body/350500/party_committee", "holds_postSecretary")]
    assert [e["article"] for e in post["evidence"]] == ["a", "b", "c", "d"]
    assert [t["article"] for t in post["starts"]] == ["a", "b", "c", "d"]
    served = dict(edges)[("body/350500/party_committee", "region/350500", "area_served")]
    assert [e["article"] for e in served["evidence"]] == ["a", "b", "c", "d"]
