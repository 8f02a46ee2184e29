"""The checked-in corpus of bad input (tests/data/bad, described in its README.md), built as a user builds it.

Every problem gets one warning naming the file (and line) and the problem; every article that can be read
is in the graph, once, under its own id; and every export parses.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef

BAD = Path(__file__).parent / "data" / "bad"
SCHEMA = Namespace("http://schema.org/")
ID = "https://w3id.org/kgraph/id/"

WARNINGS = [
    "bad_date.txt: malformed date '2023-13-45'; the date is left empty",
    "big5.txt: not UTF-8; decoded as Big5",
    "binary.txt: binary file (NUL bytes), not text",
    "empty.txt: empty file",
    "gbk.txt: not UTF-8; decoded as GB18030",
    "large.txt: file is 22,029 bytes, above the 20,000-byte limit; skipped",
    "no_date.txt: no date line (' date YYYY-MM-DD headline'); the date is left empty",
    "records.jsonl: line 2: 'url' 'www.example.com/news/2' is not an absolute IRI (no scheme such as https:); "
    "the url is left out",
    "records.jsonl: line 3: 'url' 'https://example.com/news/a b' holds characters an IRI cannot; "
    "written as 'https://example.com/news/a%20b'",
    "records.jsonl: line 4: 'id' must be a non-empty string, not a number (42); the record is skipped",
    "records.jsonl: line 5: lone surrogate escapes (\\ud800-\\udfff) in 'text'; replaced by U+FFFD",
    "records.jsonl: line 6: not valid JSON (Expecting ',' delimiter)",
    "records.jsonl: line 7: empty 'text'",
    "records.jsonl: line 8: the id holds characters no export can write; the article id is 'rec\\x01ctl'",
    "undecodable.txt: not UTF-8, UTF-16, GB18030/GBK or Big5; cannot decode",
    "utf16_nobom.txt: not UTF-8; decoded as UTF-16 (little-endian)",
    "good_en.txt: duplicate article id 'good_en'; the first one is kept",  # dup/good_en.txt is read first
]
SKIPPED = ["binary.txt", "empty.txt", "large.txt", "undecodable.txt", "good_en.txt"]
#: Every article that can be read, by id, with its date.
ARTICLES = {
    "新闻一": "2023-04-07",
    "新闻二": "2023-05-08",
    "news item": "2023-06-01",
    "news_item": "2023-06-02",
    "good_en": "2023-05-25",
    "big5": "2023-06-12",
    "gbk": "2023-03-20",
    "utf16_bom": "2023-07-01",
    "utf16_nobom": "2023-07-02",
    "controls": "2023-07-03",
    "no_date": None,
    "bad_date": None,
    "rec-good": "2023-06-01",
    "rec-noscheme": "2023-06-02",
    "rec-space": "2023-06-03",
    "rec-surrogate": "2023-06-05",
    "rec\\x01ctl": "2023-06-08",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("bad") / "out"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "kgraph.cli",
            "build",
            ".",
            "--out",
            str(out),
            "--max-bytes",
            "20000",
            "--no-progress",
            "--no-html",
        ],
        cwd=BAD,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return r, out


def test_each_problem_is_one_warning_naming_the_file(built):
    r, _ = built
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert sorted(r.stderr.splitlines()) == sorted(f"warning: {w}" for w in WARNINGS)
    assert f"warnings: {len(WARNINGS)} ({len(SKIPPED) + 3} file(s) skipped)" in r.stdout  # + 3 JSON Lines records


def test_every_readable_article_is_in_the_graph_once_under_its_own_id(built):
    r, out = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    articles = set(g.subjects(URIRef(str(SCHEMA.identifier)), None))
    got = {str(g.value(a, SCHEMA.identifier)): g.value(a, SCHEMA.datePublished) for a in articles}
    assert got == {
        k: (Literal(v, datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")) if v else None)
        for k, v in ARTICLES.items()
    }
    assert f"articles: {len(ARTICLES)}" in r.stdout
    # the two Chinese file names are two articles, each with its one date (they were one, with two)
    assert URIRef(ID + "article/%E6%96%B0%E9%97%BB%E4%B8%80") in articles
    # decoded rightly, the Big5 and UTF-16 articles name their places
    mentions = {str(a): {str(o) for o in g.objects(a, SCHEMA.mentions)} for a in articles}
    assert ID + "region/330000" in mentions[ID + "article/big5"]  # 浙江
    assert ID + "region/430000" in mentions[ID + "article/utf16_bom"]  # 湖南
    assert ID + "region/430000" in mentions[ID + "article/utf16_nobom"]  # Hunan
    assert ID + "region/360000" in mentions[ID + "article/gbk"]  # 江西
    urls = {str(a): str(u) for a, u in g.subject_objects(SCHEMA.url)}
    assert urls == {
        ID + "article/rec-good": "https://example.com/news/1",
        ID + "article/rec-space": "https://example.com/news/a%20b",
    }


def test_every_export_parses(built):
    _, out = built
    counts = {
        name: len(Graph().parse(out / name, format=fmt))
        for name, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld"))
    }
    assert len(set(counts.values())) == 1 and counts["graph.ttl"] > 0, counts
    root = ET.parse(out / "graph.graphml").getroot()
    assert root.tag.endswith("graphml")
    g = nx.read_graphml(out / "graph.graphml")
    assert {n for n in g if n.startswith("article/")} == {f"article/{k}" for k in ARTICLES}
    controls = g.nodes["article/controls"]["label"]
    assert controls == "Control\ufffd characters\ufffd in text"  # what XML cannot hold, replaced


def test_the_build_is_deterministic(built, tmp_path):
    _, first = built
    r = subprocess.run(
        [sys.executable, "-m", "kgraph.cli", "build", ".", "--out", str(tmp_path), "--max-bytes", "20000", "--no-html"],
        cwd=BAD,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in first.iterdir() if p.is_file())
    assert names == sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (tmp_path / name).read_bytes(), name
