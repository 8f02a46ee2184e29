"""A graph with careers in it, built by hand as the extractors will write it (the networkx model with
``starts``/``ends`` on post edges), for the tests of the queries, the careers table and the explorer.

Hu Heping: Deputy Secretary of the Yiyang Municipal Party Committee from 2008 (another article says
2008-01-15) until a date no article gives; Vice Governor of Hunan from 2011-03 to 2016-05 (another
article says 2015); Secretary in Yiyang from 2016, still open; Member of the Standing Committee of the
Hunan Provincial Party Committee with no date at all. Before him in Yiyang: Wu Qiang, Secretary until
2012-05 (start unknown), then Li Ming, Secretary from 2012-06 to 2016. Zhou Lan is Mayor of Yiyang with
no date. The Yiyang region is no node of the graph (its level comes from the gazetteer).
"""

from __future__ import annotations

import networkx as nx

ARTICLES = {"a1": "2016-05-10", "a2": "2021-09-01", "a3": "2023-03-15"}
PEOPLE = {
    "person/hu-heping": ("Hu Heping", "胡和平"),
    "person/li-ming": ("Li Ming", "李明"),
    "person/wu-qiang": ("Wu Qiang", "吴强"),
    "person/zhou-lan": ("Zhou Lan", "周兰"),
}
YIYANG_PC = "body/430900/party_committee"
YIYANG_GOV = "body/430900/government"
HUNAN_GOV = "body/430000/government"
HUNAN_PC = "body/430000/party_committee"
BODIES = {
    YIYANG_PC: ("Yiyang Municipal Party Committee", "中共益阳市委"),
    YIYANG_GOV: ("Yiyang Municipal People's Government", "益阳市人民政府"),
    HUNAN_GOV: ("Hunan Provincial People's Government", "湖南省人民政府"),
    HUNAN_PC: ("Hunan Provincial Party Committee", "中共湖南省委"),
}
#: (official, body, title, article reporting it, starts as (date, article), ends as (date, article))
POSTS = [
    ("person/hu-heping", YIYANG_PC, "Deputy Secretary", "a1", [("2008", "a1"), ("2008-01-15", "a2")], [("", "a2")]),
    ("person/hu-heping", HUNAN_GOV, "Vice Governor", "a2", [("2011-03", "a2")], [("2015", "a1"), ("2016-05", "a3")]),
    ("person/hu-heping", YIYANG_PC, "Secretary", "a1", [("2016", "a1")], []),
    ("person/hu-heping", HUNAN_PC, "Member of the Standing Committee", "a3", [], []),
    ("person/li-ming", YIYANG_PC, "Secretary", "a2", [("2012-06", "a2")], [("2016", "a2")]),
    ("person/wu-qiang", YIYANG_PC, "Secretary", "a2", [], [("2012-05", "a2")]),
    ("person/zhou-lan", YIYANG_GOV, "Mayor", "a3", [], []),
]


def _evidence(article: str, n: int = 0) -> dict:
    return {"article": article, "start": 10 * n, "end": 10 * n + 9, "sentence": f"Sentence {n} of {article}."}


def career_graph() -> nx.MultiDiGraph:
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for a, date in ARTICLES.items():
        g.add_node(
            f"article/{a}",
            type="Article",
            label=f"Personnel news {a}",
            date=date,
            lang="en",
            file=f"{a}.txt",
            source="",
            url="",
            outlets=[],
        )
    for key, (en, zh) in PEOPLE.items():
        g.add_node(
            key,
            type="Official",
            label=en,
            label_zh=zh,
            aliases_en=[],
            aliases_zh=[],
            mentions=2,
            first_seen="2016-05-10",
            last_seen="2023-03-15",
            articles=sorted(ARTICLES),
        )
    for key, (en, zh) in BODIES.items():
        g.add_node(
            key,
            type="Body",
            label=en,
            label_zh=zh,
            aliases_en=[],
            aliases_zh=[],
            mentions=2,
            first_seen="2016-05-10",
            last_seen="2023-03-15",
            articles=sorted(ARTICLES),
            region=key.split("/")[1],
            path=key.split("/", 2)[2],
        )
    g.add_node(
        "region/430000",
        type="Region",
        label="Hunan",
        label_zh="湖南省",
        aliases_en=[],
        aliases_zh=[],
        mentions=1,
        first_seen="2016-05-10",
        last_seen="2016-05-10",
        articles=["a1"],
        code="430000",
        level="province",
    )
    for i, (person, body, title, article, starts, ends) in enumerate(POSTS):
        edge = {"type": "holds_post", "title": title, "evidence": [_evidence(article, i)]}
        if starts:
            edge["starts"] = [{"date": d, **_evidence(a, i)} for d, a in starts]
        if ends:
            edge["ends"] = [{"date": d, **_evidence(a, i)} for d, a in ends]
        g.add_edge(person, body, key="holds_post" + title, **edge)
    for a in ARTICLES:
        for node in (*PEOPLE, *BODIES):
            g.add_edge(f"article/{a}", node, key="mentions", type="mentions", count=1, evidence=[])
    return g
