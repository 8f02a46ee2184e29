import json
import re

import pytest

from kgraph.pipeline import build
from kgraph.viz.explorer import FocusNotFound, find_node, render, select


@pytest.fixture(scope="module")
def graph(root):
    return build([root / "seeds"]).graph


def page_json(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(graph):
    html = render(graph)
    assert "vis.Network" in html and "new vis.DataSet" in html
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?:', html)


def test_nodes_are_styled_by_type_and_sized_by_mentions(graph):
    data = page_json(render(graph))
    by_id = {n["id"]: n for n in data["nodes"]}
    xi = by_id["person/xi-jinping"]
    assert (xi["group"], xi["shape"]) == ("Official", "dot")
    assert by_id["region/520000"]["shape"] == "triangle"
    assert xi["size"] > by_id["person/zou-lianke"]["size"]
    assert {e["label"] for e in data["edges"]} >= {"holds post", "unit of", "serves", "lies in", "carries out"}
    assert data["options"]["physics"]["enabled"] is False


def test_side_panel_details(graph):
    details = page_json(render(graph))["details"]
    zou = details["person/zou-lianke"]
    assert "Director, Guizhou Provincial Department of Education" in zou["posts"]
    assert zou["evidence"][0]["date"] == "2023-05-07" and "Zou Lianke" in zou["evidence"][0]["sentence"]
    assert "中共贵州省委" in details["body/520000/party_committee"]["label_zh"]


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

    data = page_json(render(career_graph()))
    career = data["details"]["person/hu-heping"]["career"]
    assert [(c["title"], c["start"], c["end"], c["lo"], c["hi"]) for c in career] == [
        ("Deputy Secretary", "2008", "ended, date unknown", "2008-01-01", ""),
        ("Vice Governor", "2011-03", "2016-05", "2011-03-01", "2016-05-31"),
        ("Secretary", "2016", "open", "2016-01-01", ""),
        ("Member of the Standing Committee", "", "open", "", ""),
    ]
    assert career[-1]["dated"] is False and career[-1]["reported"] == ["2023-03-15", "2023-03-15"]
    assert "career" not in data["details"]["body/430900/party_committee"]
    edges = {(e["from"], e["to"], e["text"]): e for e in data["edges"]}
    governor = edges[("person/hu-heping", "body/430000/government", "holds post: Vice Governor (2011-03 – 2016-05)")]
    assert governor["span"] == ["2011-03-01", "2016-05-31"]
    mayor = edges[("person/zhou-lan", "body/430900/government", "holds post: Mayor")]
    assert "span" not in mayor and mayor["first"] == "2023-03-15"  # no date: the filter uses when it was reported
    nodes = {n["id"]: n for n in data["nodes"]}
    assert ["2012-06-01", "2016-12-31"] in nodes["body/430900/party_committee"]["held"]
    assert "held" not in nodes["person/zhou-lan"]
    assert data["date_min"] == "2008-01-01"  # the date range reaches back to the earliest post


def test_a_real_build_gives_a_span_to_the_posts_it_dates_only(graph):
    from kgraph.careers import spells

    data = page_json(render(graph))
    dated = {(s.official, s.body, s.title) for s in spells(graph) if s.dated}
    for e in data["edges"]:
        title = e["text"].split(": ", 1)[-1].split(" (", 1)[0]  # "holds post: Director (2015 – open)"
        assert ("span" in e) == (e["relation"] == "holds_post" and (e["from"], e["to"], title) in dated), e
    zou = data["details"]["person/zou-lianke"]["career"]
    assert {c["title"] for c in zou} == {"Director", "Secretary of the Party Group"}
    assert all(c["reported"] == ["2023-05-07", "2023-05-07"] for c in zou)
