"""The career queries (career, holders, successions, colleagues) on a graph with dated posts, on both engines."""

import pytest

from kgraph.namespaces import prefixes
from kgraph.pipeline import write_exports
from kgraph.sparql.engines import ENGINES, QueryError, open_engine
from kgraph.sparql.named import Param, named_queries, run_named
from tests.careers_graph import YIYANG_PC as YIYANG_PC_ID
from tests.careers_graph import career_graph

ID = prefixes()["kgid"]
YIYANG = "Yiyang Municipal Party Committee"
#: Each career query with the parameters its cross-engine check runs (several sets each).
CAREER_PARAMS = {
    "career": [{"official": "Hu Heping"}, {"official": "李明"}],
    "holders": [
        {"body": YIYANG},
        {"body": YIYANG, "date": "2012"},
        {"body": YIYANG, "from": "2016-06"},
        {"body": YIYANG, "from": "2013", "to": "2014-02-28"},
        {"body": "中共益阳市委", "to": "2012-05"},
    ],
    "successions": [{"body": YIYANG, "title": "secretary"}, {"body": YIYANG, "title": "Deputy Secretary"}],
    "colleagues": [{}, {"official": "Hu Heping"}, {"body": YIYANG}, {"official": "Li Ming", "body": YIYANG}],
}
CASES = [(name, params) for name, sets in CAREER_PARAMS.items() for params in sets]


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    out = tmp_path_factory.mktemp("careers")
    write_exports(career_graph(), out, formats=["turtle"])
    return {name: open_engine(name, graph=out / "graph.ttl") for name in ENGINES}


def table(result) -> list[tuple[str, ...]]:
    """Rows as text in the engine's order (the queries order them), an unbound cell as ""."""
    return [tuple(str(t) if t is not None else "" for t in row) for row in result.rows]


def column(result, name: str) -> list[str]:
    i = result.variables.index(name)
    return [str(r[i]) if r[i] is not None else "" for r in result.rows]


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{'-'.join(p)}" for n, p in CASES])
def test_both_engines_give_the_same_answer_in_the_same_order(engines, name, params):
    ox = run_named(engines["oxigraph"], name, params)
    rd = run_named(engines["rdflib"], name, params)
    assert ox.variables == rd.variables
    assert table(ox) == table(rd)
    assert ox.rows, f"{name} {params} found nothing"


def test_career_in_time_order_with_open_ends(engines):
    for engine in engines.values():
        result = run_named(engine, "career", {"official": "胡和平"})
        assert result.variables == ["start", "end", "title", "bodyName", "body"]
        assert [r[:4] for r in table(result)] == [
            ("2008", "ended, date unknown", "Deputy Secretary", YIYANG),  # 2008 and 2008-01-15: the earliest
            ("2011-03", "2016-05", "Vice Governor", "Hunan Provincial People's Government"),  # 2015, 2016-05: latest
            ("2016", "open", "Secretary", YIYANG),
            ("", "open", "Member of the Standing Committee", "Hunan Provincial Party Committee"),  # no date: last
        ]
        types = [r[0].datatype.rsplit("#", 1)[1] for r in result.rows if r[0] is not None]
        assert types == ["gYear", "gYearMonth", "gYear"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"date": "2012"}, {("Hu Heping", "Deputy Secretary"), ("Li Ming", "Secretary"), ("Wu Qiang", "Secretary")}),
        # Li Ming began in June 2012, Wu Qiang's post ended in May: on a day of May only Wu held it.
        ({"date": "2012-05-20"}, {("Hu Heping", "Deputy Secretary"), ("Wu Qiang", "Secretary")}),
        ({"date": "2012-06"}, {("Hu Heping", "Deputy Secretary"), ("Li Ming", "Secretary")}),
        # An end "2016" lasts to the end of 2016, a start "2016" from its first day.
        (
            {"from": "2016-11"},
            {("Hu Heping", "Deputy Secretary"), ("Li Ming", "Secretary"), ("Hu Heping", "Secretary")},
        ),
        ({"to": "2007"}, {("Wu Qiang", "Secretary")}),  # no start: nothing rules 2007 out
        ({"from": "2017", "to": "2030"}, {("Hu Heping", "Deputy Secretary"), ("Hu Heping", "Secretary")}),
    ],
)
def test_holders_on_a_date_or_over_a_period(engines, params, expected):
    for engine in engines.values():
        result = run_named(engine, "holders", {"body": YIYANG, **params})
        assert result.variables == ["name", "title", "start", "end", "official"]
        assert {r[:2] for r in table(result)} == expected, (engine.name, params)


def test_holders_leave_out_posts_with_no_date(engines):
    result = run_named(engines["oxigraph"], "holders", {"body": "Yiyang Municipal People's Government"})
    assert result.rows == []  # Zhou Lan is Mayor, but nothing says when


def test_successions_in_time_order(engines):
    for engine in engines.values():
        result = run_named(engine, "successions", {"body": YIYANG, "title": "SECRETARY"})
        assert result.variables == ["start", "end", "name", "official"]
        assert [r[:3] for r in table(result)] == [
            ("", "2012-05", "Wu Qiang"),
            ("2012-06", "2016", "Li Ming"),
            ("2016", "open", "Hu Heping"),
        ]
        assert run_named(engine, "successions", {"body": YIYANG, "title": "Mayor"}).rows == []


def test_colleagues_with_their_overlap(engines):
    for engine in engines.values():
        hu = run_named(engine, "colleagues", {"official": "Hu Heping"})
        assert hu.variables == [
            "name",
            "titles",
            "colleagueName",
            "colleagueTitles",
            "bodyName",
            "from",
            "to",
            "colleague",
            "body",
        ]
        assert [(r[1], r[2], r[3], r[5], r[6]) for r in table(hu)] == [
            # Wu Qiang's start and Hu's end are unknown: the posts may have overlapped, over dates nobody gives.
            ("Deputy Secretary", "Wu Qiang", "Secretary", "", ""),
            ("Deputy Secretary", "Li Ming", "Secretary", "2012-06", ""),
            ("Secretary", "Li Ming", "Secretary", "2016", "2016"),
        ]
        pairs = run_named(engine, "colleagues", {"body": YIYANG})
        assert "official" in pairs.variables  # an entity parameter left out stays a column
        names = {(r[0], r[2]) for r in table(pairs)}
        assert names == {(a, b) for b, a in names}  # each pair from both sides
        assert ("Li Ming", "Wu Qiang") not in names  # one ended in May 2012, the other began in June
        assert not any("Zhou Lan" in pair for pair in names)  # no date: no overlap
        everyone = run_named(engine, "colleagues", {})
        assert {(r[0], r[2]) for r in table(everyone)} == names  # the other bodies have one holder each


def test_colleagues_share_a_row_for_posts_that_overlap_alike_and_a_handover_is_no_overlap(tmp_path):
    g = career_graph()

    def post(person, title, start, end=None):
        times = {"starts": [{"date": start, "article": "a1", "start": 0, "end": 9, "sentence": "s"}]}
        if end:
            times["ends"] = [{"date": end, "article": "a1", "start": 0, "end": 9, "sentence": "s"}]
        g.add_edge(person, YIYANG_PC_ID, key="holds_post" + title, type="holds_post", title=title, evidence=[], **times)

    post("person/hu-heping", "Member of the Standing Committee", "2016")  # held with the Secretary post, alike
    post("person/zhou-lan", "Deputy Secretary", "2016-12-31")  # begins the day Li Ming's post (to 2016) ends
    write_exports(g, tmp_path, formats=["turtle"])
    for name in ENGINES:
        engine = open_engine(name, graph=tmp_path / "graph.ttl")
        rows = table(run_named(engine, "colleagues", {"official": "Li Ming"}))
        assert [(r[1], r[2], r[3], r[5], r[6]) for r in rows] == [
            ("Secretary", "Hu Heping", "Deputy Secretary", "2012-06", ""),
            ("Secretary", "Hu Heping", "Member of the Standing Committee, Secretary", "2016", "2016"),
        ], name


def test_two_posts_both_open_overlap_until_open(tmp_path):
    g = career_graph()
    g.edges["person/zhou-lan", "body/430900/government", "holds_postMayor"]["starts"] = [
        {"date": "2020-02", "article": "a3", "start": 0, "end": 9, "sentence": "Zhou Lan became Mayor."}
    ]
    g.add_edge(
        "person/li-ming",
        "body/430900/government",
        key="holds_postVice Mayor",
        type="holds_post",
        title="Vice Mayor",
        evidence=[],
        starts=[{"date": "2019", "article": "a3", "start": 0, "end": 9, "sentence": "Li Ming became Vice Mayor."}],
    )
    write_exports(g, tmp_path, formats=["turtle"])
    for name in ENGINES:
        result = run_named(open_engine(name, graph=tmp_path / "graph.ttl"), "colleagues", {"official": "Zhou Lan"})
        assert [(r[2], r[5], r[6]) for r in table(result)] == [("Li Ming", "2020-02", "open")], name


def test_literal_parameters_are_checked_and_bound_not_pasted(engines):
    for engine in engines.values():
        with pytest.raises(QueryError, match=r"--param date takes a date YYYY, YYYY-MM or YYYY-MM-DD"):
            run_named(engine, "holders", {"body": YIYANG, "date": '2016") } #'})
        with pytest.raises(QueryError, match="not '2016-02-30'"):
            run_named(engine, "holders", {"body": YIYANG, "to": "2016-02-30"})
        hostile = 'Secretary" || true) } UNION { ?s ?p ?o } #'
        assert run_named(engine, "successions", {"body": YIYANG, "title": hostile}).rows == []
    # A date is written in its canonical form before it is bound: 2012-5 is May 2012.
    assert table(run_named(engines["oxigraph"], "holders", {"body": YIYANG, "date": "2012-5"})) == table(
        run_named(engines["oxigraph"], "holders", {"body": YIYANG, "date": "2012-05"})
    )


def test_parameter_errors_name_the_parameter(engines):
    e = engines["oxigraph"]
    with pytest.raises(QueryError, match=r"holders needs --param body=\.\.\."):
        run_named(e, "holders", {"date": "2016"})
    with pytest.raises(QueryError, match="successions needs --param title"):
        run_named(e, "successions", {"body": YIYANG, "title": "  "})
    with pytest.raises(QueryError, match="takes no parameter when"):
        run_named(e, "holders", {"body": YIYANG, "when": "2016"})
    with pytest.raises(QueryError, match="no entity named 'Atlantis'"):
        run_named(e, "colleagues", {"body": "Atlantis"})


def test_parameters_are_declared_with_their_kind():
    specs = {q.name: q.specs for q in named_queries().values()}
    assert specs["holders"] == (
        Param("body"),
        Param("date", "date", optional=True),
        Param("from", "date", optional=True),
        Param("to", "date", optional=True),
    )
    assert specs["successions"] == (Param("body"), Param("title", "text"))
    assert specs["colleagues"] == (Param("official", optional=True), Param("body", optional=True))
    assert named_queries()["holders"].params == ("body", "date", "from", "to")
    assert Param("date", "date", optional=True).usage() == "[--param date=YYYY[-MM[-DD]]]"
    with pytest.raises(ValueError, match="NAME"):
        Param.parse("date datum")


def test_date_semantics_are_documented_in_each_query():
    for name in CAREER_PARAMS:
        text = named_queries()[name].text
        prose = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
        assert 'a start "2015" means from the start of 2015, an end "2015" until the end of 2015' in prose, name
