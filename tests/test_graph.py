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
    merged = Merged(first)
    expected = copy.deepcopy(first)
    for other in (second, third):
        merged.merge(other)
        expected.merge(other)
    assert [first, second, third] == before  # the articles' entities are shared, never changed
    assert (merged.type, merged.label_en, merged.label_zh) == (expected.type, expected.label_en, expected.label_zh)
    assert set(merged.aliases_en) == expected.aliases_en and set(merged.aliases_zh) == expected.aliases_zh
    assert dict(merged.attrs) == expected.attrs and list(merged.attrs) == list(expected.attrs)
    node: dict = {"articles": {"b", "a"}, "mentions": 2}
    merged.describe(node)
    assert node["type"] == "Official" and node["label_zh"] == "李强" and node["articles"] == ["a", "b"]
    assert node["aliases_en"] == ["Li", "Qiang"] and node["aliases_zh"] == ["李某"] and node["x"] == "1"
