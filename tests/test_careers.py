"""The careers table: one row per official and post spell, from hand-built careers and from a real build."""

import csv
import io

import pytest

from kgraph.careers import COLUMNS, UnknownName, find, first_day, last_day, spells, to_csv, to_table
from kgraph.export.graphml import to_graphml
from kgraph.graph_io import read_graph
from kgraph.pipeline import build
from tests.careers_graph import HUNAN_GOV, YIYANG_GOV, YIYANG_PC, career_graph
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def graph():
    return career_graph()


def rows(graph, **kw) -> list[dict[str, str]]:
    return [s.row() for s in spells(graph, **kw)]


def test_dates_name_periods():
    assert (first_day("2015"), first_day("2015-03"), first_day("2015-03-07")) == (
        "2015-01-01",
        "2015-03-01",
        "2015-03-07",
    )
    assert (last_day("2015"), last_day("2016-02"), last_day("2015-02"), last_day("2015-03-07")) == (
        "2015-12-31",
        "2016-02-29",
        "2015-02-28",
        "2015-03-07",
    )
    assert first_day("") == last_day("soon") == ""


def test_one_row_per_spell_in_the_shape_of_elite_datasets(graph):
    hu = rows(graph, officials=["person/hu-heping"])
    assert [(r["title"], r["start"], r["end"], r["status"]) for r in hu] == [
        ("Deputy Secretary", "2008", "", "ended"),
        ("Vice Governor", "2011-03", "2016-05", "ended"),
        ("Secretary", "2016", "", "open"),
        ("Member of the Standing Committee", "", "", "open"),  # no date: last
    ]
    deputy, governor, secretary, member = hu
    assert deputy == {
        "official_id": "person/hu-heping",
        "official_en": "Hu Heping",
        "official_zh": "胡和平",
        "body_id": YIYANG_PC,
        "body_en": "Yiyang Municipal Party Committee",
        "body_zh": "中共益阳市委",
        "region_code": "430900",
        "region_level": "prefecture",  # Yiyang is no node of the graph: from the gazetteer
        "title": "Deputy Secretary",
        "start": "2008",
        "start_precision": "year",
        "end": "",
        "end_precision": "undated",  # an article says it ended, not when
        "status": "ended",
        "other_dates": "start 2008-01-15",  # another article's date is kept
        "first_reported": "2016-05-10",
        "last_reported": "2016-05-10",
        "articles": "a1 a2",  # the post's article and those dating it
    }
    assert (governor["start_precision"], governor["end_precision"], governor["other_dates"]) == (
        "month",
        "month",
        "end 2015",
    )
    assert (governor["region_code"], governor["region_level"]) == ("430000", "province")
    assert governor["articles"] == "a1 a2 a3"
    assert (secretary["end_precision"], member["start_precision"], member["end_precision"]) == ("", "", "")
    assert member["first_reported"] == "2023-03-15"


def test_filters_by_official_and_body(graph):
    yiyang = rows(graph, bodies=[YIYANG_PC])
    assert sorted((r["official_en"], r["title"]) for r in yiyang) == [
        ("Hu Heping", "Deputy Secretary"),
        ("Hu Heping", "Secretary"),
        ("Li Ming", "Secretary"),
        ("Wu Qiang", "Secretary"),
    ]
    assert rows(graph, officials=["person/li-ming"], bodies=[HUNAN_GOV]) == []
    assert len(rows(graph)) == 7


def test_names_are_found_in_either_language_or_as_ids(graph):
    assert find(graph, "hu heping", "Official") == ["person/hu-heping"]
    assert find(graph, "胡和平", "Official") == ["person/hu-heping"]
    assert find(graph, "person/li-ming", "Official") == ["person/li-ming"]
    assert find(graph, "益阳市人民政府", "Body") == [YIYANG_GOV]
    with pytest.raises(UnknownName, match="no official named 'Yiyang Municipal Party Committee'"):
        find(graph, "Yiyang Municipal Party Committee", "Official")  # a body, not an official
    with pytest.raises(UnknownName, match="no body named 'Hu'"):
        find(graph, "Hu", "Body")


def test_csv_reads_back_with_its_header(graph):
    text = to_csv(spells(graph))
    read = list(csv.DictReader(io.StringIO(text)))
    assert tuple(read[0]) == COLUMNS
    assert read == rows(graph)
    assert "\r" not in text


def test_table_aligns_chinese_names(graph):
    lines = to_table(spells(graph, officials=["person/hu-heping"])).splitlines()
    assert lines[0].split() == ["official", "zh", "title", "body", "start", "end", "reported"]
    assert "胡和平" in lines[2] and "ended, date unknown" in lines[2] and "open" in lines[4]
    assert lines[-1] == "(4 spells)"
    starts = {line.index("2016-05-10") for line in lines[2:] if "2016-05-10" in line}
    assert len(starts) == 1  # the column lines up, though 胡和平 is three characters six columns wide


def test_the_graph_read_back_from_graphml_gives_the_same_table(graph, tmp_path):
    (tmp_path / "graph.graphml").write_text(to_graphml(graph), encoding="utf-8")
    assert to_csv(spells(read_graph(tmp_path))) == to_csv(spells(graph))


def test_a_real_build_has_a_row_for_every_post(root):
    g = build([root / "seeds"]).graph
    table = rows(g)
    assert len(table) == sum(1 for _, _, d in g.edges(data=True) if d["type"] == "holds_post")
    zou = [r for r in table if r["official_en"] == "Zou Lianke"]
    assert {r["title"] for r in zou} == {"Director", "Secretary of the Party Group"}
    assert all(r["region_code"] == "520000" and r["region_level"] == "province" for r in zou)
    assert all(r["first_reported"] == "2023-05-07" and r["articles"] == "001_ff0ac76d1563aa03" for r in zou)


def test_spells_come_an_official_at_a_time_in_the_order_of_the_whole_table(root):
    from kgraph.careers import _order, _spell, iter_spells

    g = build([root / "seeds", SHARED / "dev" / "articles"]).graph
    dates = {n: d.get("date", "") for n, d in g.nodes(data=True) if d.get("type") == "Article"}
    whole = [_spell(g, s, o, d, dates) for s, o, d in g.edges(data=True) if d["type"] == "holds_post"]
    assert len(whole) > 20
    assert list(iter_spells(g)) == sorted(whole, key=_order)
