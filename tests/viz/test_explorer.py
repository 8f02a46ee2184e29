import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.pipeline import build
from kgraph.viz.explorer import FocusNotFound, find_node, render, select
from kgraph.viz.records import _union
from tests.viz.pages import details, page_json


@pytest.fixture(scope="module")
def graph(root):
    return build([root / "seeds"]).graph


def test_page_is_self_contained(graph):
    html = render(graph)
    assert "vis.Network" in html and "new vis.DataSet" in html
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="?https?:', html)
    assert page_json(html)["files"] == ""  # everything inline: no side folder


def test_nodes_are_typed_and_sized_by_mentions(graph):
    data = page_json(render(graph))
    by_id = {n["id"]: n for n in data["nodes"]}
    styles = {t["name"]: t for t in data["types"]}
    xi = by_id["person/xi-jinping"]
    assert xi["group"] == "Official" and styles["Official"]["shape"] == "dot"
    assert styles[by_id["region/520000"]["group"]]["shape"] == "triangle"
    assert xi["size"] > by_id["person/zou-lianke"]["size"]
    labels = {r["name"]: r["label"] for r in data["relations"]}
    drawn = {labels[e["relation"]] for e in data["edges"]}
    assert drawn >= {"holds post", "unit of", "serves", "lies in", "carries out"}
    assert data["options"]["physics"]["enabled"] is False
    assert data["labels"] is True  # few edges: labelled
    assert sum(t["count"] for t in data["types"]) == data["total"] == len(select(graph).nodes)


def test_side_panel_details(graph):
    panels = details(render(graph))
    zou = panels["person/zou-lianke"]
    assert "Director, Guizhou Provincial Department of Education" in zou["posts"]
    assert zou["evidence"][0]["date"] == "2023-05-07" and "Zou Lianke" in zou["evidence"][0]["sentence"]
    assert "中共贵州省委" in panels["body/520000/party_committee"]["label_zh"]


def test_focus_depth_and_types(graph):
    assert find_node(graph, "guizhou") == "region/520000"
    assert find_node(graph, "贵州省委") == "body/520000/party_committee"
    near = select(graph, focus="Guizhou", depth=1)
    assert "region/520000" in near and "region/330000" not in near
    only = select(graph, types=["official", "body"])
    assert {d["type"] for _, d in only.nodes(data=True)} == {"Official", "Body"}
    with pytest.raises(FocusNotFound):
        select(graph, focus="Atlantis")


def test_text_from_articles_is_escaped_in_the_page(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text(
        " date 2023-01-01 Head <script>alert(1)</script>\n\nThe Guizhou Provincial Party Committee "
        "carried out the “<img src=x onerror=alert(2)> Strategy” and the “Nine Activities”.\n"
    )
    html = render(build([article]).graph)
    body = html.split('id="kg-data">', 1)[1]
    assert "<script>alert(1)" not in body and "<img src=x" not in body
    assert "\\u003cscript\\u003ealert(1)" in body


def test_an_officials_career_and_the_spans_of_posts():
    from tests.careers_graph import career_graph

    html = render(career_graph())
    data, panels = page_json(html), details(html)
    career = panels["person/hu-heping"]["career"]
    assert [(c["title"], c["start"], c["end"], c["lo"], c["hi"]) for c in career] == [
        ("Deputy Secretary", "2008", "ended, date unknown", "2008-01-01", ""),
        ("Vice Governor", "2011-03", "2016-05", "2011-03-01", "2016-05-31"),
        ("Secretary", "2016", "open", "2016-01-01", ""),
        ("Member of the Standing Committee", "", "open", "", ""),
    ]
    assert career[-1]["dated"] is False and career[-1]["reported"] == ["2023-03-15", "2023-03-15"]
    assert "career" not in panels["body/430900/party_committee"]
    edges = {(e["from"], e["to"], e["text"]): e for e in data["edges"]}
    governor = edges[("person/hu-heping", "body/430000/government", "holds post: Vice Governor (2011-03 – 2016-05)")]
    assert governor["span"] == ["2011-03-01", "2016-05-31"]
    mayor = edges[("person/zhou-lan", "body/430900/government", "holds post: Mayor")]
    assert "span" not in mayor and mayor["first"] == "2023-03-15"  # no date: the filter uses when it was reported
    nodes = {n["id"]: n for n in data["nodes"]}
    # The union of the body's posts: one began before any date the articles give, one is still held.
    assert nodes["body/430900/party_committee"]["held"] == [["", ""]]
    assert nodes["person/li-ming"]["held"] == [["2012-06-01", "2016-12-31"]]
    assert "held" not in nodes["person/zhou-lan"]
    assert data["date_min"] == "2008-01-01"  # the date range reaches back to the earliest post


def test_a_real_build_gives_a_span_to_the_posts_it_dates_only(graph):
    from kgraph.careers import spells

    html = render(graph)
    data = page_json(html)
    dated = {(s.official, s.body, s.title) for s in spells(graph) if s.dated}
    for e in data["edges"]:
        title = e["text"].split(": ", 1)[-1].split(" (", 1)[0]  # "holds post: Director (2015 – open)"
        assert ("span" in e) == (e["relation"] == "holds_post" and (e["from"], e["to"], title) in dated), e
    zou = details(html)["person/zou-lianke"]["career"]
    assert {c["title"] for c in zou} == {"Director", "Secretary of the Party Group"}
    assert all(c["reported"] == ["2023-05-07", "2023-05-07"] for c in zou)


spans = st.lists(
    st.tuples(
        st.sampled_from(["", "2001", "2005", "2010", "2015"]), st.sampled_from(["", "2003", "2008", "2012", "2020"])
    )
    .filter(lambda s: not (s[0] and s[1]) or s[0] <= s[1])
    .map(list),
    max_size=8,
)


@given(
    spans, st.sampled_from(["", "2000", "2004", "2009", "2013", "2021"]), st.sampled_from(["", "2002", "2011", "2022"])
)
def test_a_nodes_posts_are_kept_as_their_union_which_overlaps_a_range_exactly_when_one_of_them_does(posts, start, end):
    def overlaps(span: list[str]) -> bool:  # as explorer.js: "" is an open end
        return not (start and span[1] and span[1] < start) and not (end and span[0] and span[0] > end)

    union = _union(posts)
    assert any(map(overlaps, union)) == any(map(overlaps, posts))
    assert len(union) <= len(posts)
    assert all(a[1] and b[0] and a[1] < b[0] for a, b in zip(union, union[1:]))  # disjoint, in order
