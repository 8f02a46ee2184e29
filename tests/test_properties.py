"""Properties of reading, extraction and export that hold for any text (hypothesis).

Articles come from scrapers and feeds: control characters, odd encodings, file
names in any script, JSON Lines records with missing or mistyped fields. Whatever
they hold, a build must not fail on an article, its exports must all parse
(Turtle, N-Triples and JSON-LD with rdflib, to the same triples; GraphML as XML
and with networkx; careers.csv as CSV) and conform to kgraph's shapes, and
extraction must stay within a generous bound of time per kB.

The texts are composed from real fragments (titles, bodies, places, campaigns,
names and verbs of the lexicons in kgraph/data/) mixed with noise, so that
extraction finds entities, posts and dates to export, not only nothing.

Profiles (tests/conftest.py): ``ci``, the default, is derandomized and bounded
(the file runs in about a minute); ``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``)
runs many more random examples. A failure prints the falsifying example and a
``@reproduce_failure`` blob.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Namespace

from kgraph import gazetteer
from kgraph.article import Article
from kgraph.extract import packs
from kgraph.extract.core import Extractor
from kgraph.graph import ARTICLE
from kgraph.lexicon import split, table, word_list
from kgraph.namespaces import prefixes
from kgraph.pipeline import BuildResult, build, write_exports
from kgraph.reading import read_file
from kgraph.validate import validate_graph

SCHEMA = Namespace(prefixes()["schema"])

#: Extraction time allowed: this much CPU time per build, plus this much per kB of input. Extraction runs at
#: 400-900 kB/s (bench/throughput.py), about 2 ms per kB; the bound is a hundred times that, so only a
#: runaway (a regular expression backtracking, a quadratic loop) trips it.
FIXED_SECONDS = 1.0
SECONDS_PER_KB = 0.25


# --- fragments of the genre, from kgraph's own lexicons ------------------------------------------------------


def _column(name: str, *columns: str) -> list[str]:
    """Every form in some columns of a data table (``a|b`` cells split), without empties, sorted."""
    return sorted({form for row in table(name) for c in columns for form in split(row.get(c))})


REGIONS = table("regions.tsv")
PLACES_EN = sorted({r["en"] for r in REGIONS if r["en"]})
PLACES_ZH = sorted({r[c] for r in REGIONS for c in ("zh", "zh_short") if r[c]})
TITLES_EN = _column("titles.tsv", "title", "en_forms")
TITLES_ZH = _column("titles.tsv", "zh_forms")
BODIES_EN = _column("body_types.tsv", "en", "en_alt") + _column("departments.tsv", "en_prov", "en_local")
BODIES_ZH = _column("body_types.tsv", "zh", "zh_alt") + _column("departments.tsv", "zh_prov", "zh_local")
NATIONAL = _column("national_bodies.tsv", "en", "en_alt", "zh", "zh_alt")
CAMPAIGNS = _column("campaigns.tsv", "en", "en_alt", "zh")
VERBS_EN = _column("en_post_verbs.tsv", "words")
VERBS_ZH = _column("zh_post_words.tsv", "word")
SURNAMES = table("surnames.tsv")
SYLLABLES = sorted(word_list("pinyin_syllables.txt"))
GIVEN_ZH = "明华国建平军伟强文林志海红英杰连科义公彬"
#: Characters that have broken formats or readers: controls, line and paragraph separators, byte-order and
#: non-characters, markup and escapes, zero-width and bidirectional marks, combining marks, astral planes.
AWKWARD = (
    [chr(c) for c in (*range(0, 32), 0x7F, 0x85)]
    + list("\u2028\u2029\ufeff\ufffe\uffff\u200b\u202e\u0301\ue000<>&\"'\\{}[]|^`%#@:/（）《》“”、，。")
    + ["\U0001f600", "\U00020000", "]]>", "\r\n", "-->", "\\u0000", "_:b0", "<http://x>"]
)
SEPARATORS = [" ", " ", " ", ", ", "，", "、", "。", ". ", "; ", "\n", "\n\n", "", "(", ")", '"', "“"]


@st.composite
def english_name(draw: st.DrawFn) -> str:
    surname = draw(st.sampled_from(SURNAMES))["pinyin"]
    given = "".join(draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=2)))
    return f"{surname} {given.capitalize()}"


@st.composite
def chinese_name(draw: st.DrawFn) -> str:
    surname = draw(st.sampled_from(SURNAMES))["zh"]
    return surname + "".join(draw(st.lists(st.sampled_from(GIVEN_ZH), min_size=1, max_size=2)))


@st.composite
def body(draw: st.DrawFn) -> str:
    """A body's name: a pattern of the naming grammar filled with a place, or a national body."""
    if draw(st.booleans()):
        pattern = draw(st.sampled_from(BODIES_EN))
        return pattern.replace("{R}", draw(st.sampled_from(PLACES_EN)))
    pattern = draw(st.sampled_from(BODIES_ZH))
    return pattern.replace("{r}", draw(st.sampled_from(PLACES_ZH)))


dates = st.builds(
    lambda y, m, d, form: form.format(y=y, m=m, d=d),
    st.integers(1949, 2030),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(
        [
            "{y}-{m:02d}-{d:02d}",
            "{y}年{m}月{d}日",
            "{y}年{m}月",
            "{y}.{m:02d}",
            "{y}",
            "in {y}",
            "since March {y}",
            "on May {d}",
            "{y}.{m:02d}—{y}.{m:02d}",
        ]
    ),
)

fragment = st.one_of(
    st.sampled_from(TITLES_EN),
    st.sampled_from(TITLES_ZH),
    body(),
    st.sampled_from(NATIONAL),
    st.sampled_from(PLACES_EN),
    st.sampled_from(PLACES_ZH),
    st.sampled_from(CAMPAIGNS).map(lambda c: f"“{c}”"),
    english_name(),
    chinese_name(),
    st.sampled_from(VERBS_EN),
    st.sampled_from(VERBS_ZH),
    dates,
    st.sampled_from(AWKWARD),
    st.text(max_size=12),
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(fragment, min_size=1, max_size=14))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


#: A text of the genre, or noise: any Unicode text, control characters and all.
genre_text = st.lists(sentence(), min_size=1, max_size=6).map("\n".join)
#: A fragment or a sentence repeated, up to some kB: where a rule is quadratic, or a pattern backtracks, in
#: a run of titles, names, quotes or commas, this is where it shows.
repeated = st.builds(lambda part, n: (part * n)[:20_000], st.one_of(fragment, sentence()), st.integers(2, 400))
any_text = st.one_of(genre_text, genre_text, st.text(max_size=400), repeated)


# --- what every build must give -------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def warm_extractors() -> None:
    """Load both language packs (jieba takes seconds) before any build is timed."""
    build_articles(
        [
            Article("warm-en", "2023-05-01", "t", "The Guizhou Provincial Party Committee met.", "en"),
            Article("warm-zh", "2023-05-01", "t", "贵州省委书记徐麟主持会议。", "zh"),
        ]
    )


def build_articles(articles: list[Article]) -> None:
    gaz = gazetteer.shared()
    for a in articles:
        Extractor(packs.get(a.lang), gaz)(a)


def timed_build(paths: list[Path]) -> tuple[BuildResult, float]:
    start = time.process_time()
    result = build(paths)
    return result, time.process_time() - start


def check_build(paths: list[Path], out: Path) -> BuildResult:
    """Build ``paths`` and check the properties every build has; the result, for more checks."""
    kb = sum(p.stat().st_size for p in paths) / 1000
    result, seconds = timed_build(paths)
    assert result.failed == [], "\n".join(f.traceback for f in result.failed)
    assert seconds <= FIXED_SECONDS + SECONDS_PER_KB * kb, f"extraction took {seconds:.2f} s for {kb:.1f} kB"
    write_exports(result.graph, out, html=False)
    rdf = {
        name: set(Graph().parse(out / name, format=fmt))
        for name, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld"))
    }
    assert rdf["graph.ttl"] == rdf["graph.nt"] == rdf["graph.jsonld"]
    turtle = Graph()
    for t in rdf["graph.ttl"]:
        turtle.add(t)
    articles = sum(1 for _, d in result.graph.nodes(data=True) if d["type"] == ARTICLE)
    assert len(set(turtle.subjects(RDF.type, SCHEMA.NewsArticle))) == articles, "articles share an IRI"
    ET.parse(out / "graph.graphml")
    assert nx.read_graphml(out / "graph.graphml").number_of_nodes() == result.graph.number_of_nodes()
    with open(out / "careers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows and rows[0][:2] == ["official_id", "official_en"]
    report = validate_graph(turtle)
    assert report.conforms, report.text(limit=3)
    return result


def in_tmp(test: Callable[[Path], None]) -> None:
    """Run ``test`` in a fresh directory (pytest's tmp_path is one per test, not one per example)."""
    with tempfile.TemporaryDirectory() as tmp:
        test(Path(tmp))


# --- .txt files -------------------------------------------------------------------------------------------------

#: File names: ASCII ids, and any text a file system takes (no "/" or NUL; not "." or "..").
file_names = st.one_of(
    st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True),
    st.text(st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]), min_size=1, max_size=24),
).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) < 200)

headers = st.one_of(
    st.builds(
        lambda d, t: f" date {d} {t}", st.sampled_from(["2023-05-01", "2016-05-10", "2023-02-30", "soon"]), sentence()
    ),
    sentence(),
    st.just(""),
)

#: Encodings a news file comes in; text one cannot hold is written in UTF-8.
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "utf-32"]


def encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


@given(
    st.lists(
        st.tuples(file_names, headers, any_text, st.sampled_from(ENCODINGS)),
        min_size=1,
        max_size=3,
        unique_by=lambda f: f[0],
    )
)
def test_any_text_files_give_a_sound_build(files):
    def run(tmp: Path) -> None:
        (tmp / "in").mkdir()
        paths = []
        for name, header, text, encoding in files:
            path = tmp / "in" / f"{name}.txt"
            path.write_bytes(encode(header + "\n" + text, encoding))
            paths.append(path)
        result = check_build(paths, tmp / "out")
        merged = [str(w) for w in result.warnings if "duplicate article id" in w.message]
        assert merged == [], "different files gave one article id"

    in_tmp(run)


# --- JSON Lines -------------------------------------------------------------------------------------------------

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
urls = st.one_of(
    st.none(),
    st.just(""),
    st.builds(
        lambda s, p: f"{s}{p}",
        st.sampled_from(["https://", "http://", "", "www.", "ftp://", "//", "mailto:"]),
        st.text(max_size=30),
    ),
    st.sampled_from(["https://例子.中国/新闻?id=1", "http://a b.com/", "https://x.org/<script>", "urn:isbn:1"]),
    json_scalars,
)
records = st.fixed_dictionaries(
    {"id": st.one_of(file_names, json_scalars), "text": st.one_of(any_text, json_scalars)},
    optional={
        "title": st.one_of(sentence(), json_scalars),
        "date": st.one_of(dates, st.sampled_from(["2023-05-01", "2023-13-01", ""]), json_scalars),
        "lang": st.one_of(st.sampled_from(["en", "zh", "fr", "EN", ""]), json_scalars),
        "source": st.one_of(sentence(), json_scalars),
        "url": urls,
    },
)
lines = st.one_of(
    records.flatmap(lambda r: st.sampled_from([json.dumps(r), json.dumps(r, ensure_ascii=False)])),
    records.map(json.dumps),
    st.text(max_size=40),  # a broken line
)


@given(st.lists(lines, min_size=1, max_size=4), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_json_lines_give_a_sound_build(rows, encoding):
    def run(tmp: Path) -> None:
        path = tmp / "feed.jsonl"
        path.write_bytes(encode("\n".join(rows) + "\n", encoding))
        check_build([path], tmp / "out")

    in_tmp(run)


# --- reading and extraction on their own ----------------------------------------------------------------------


@given(any_text, headers)
def test_a_byte_order_mark_reads_as_utf8_does(text, header):
    """A file with a byte-order mark (UTF-8, UTF-16, UTF-32) gives the same article whichever the mark, and the
    article its UTF-8 twin gives where that twin is read as UTF-8 (a NUL makes a file without a mark look like
    UTF-16 or binary; a mark says what it is)."""
    content = header + "\n" + text

    def run(tmp: Path) -> None:
        results = {}
        for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
            (tmp / encoding).mkdir()
            path = tmp / encoding / "a.txt"
            path.write_bytes(content.encode(encoding))
            articles, _ = read_file(path)
            results[encoding] = [(a.id, a.date, a.title, a.text, a.lang, a.encoding) for a in articles]
        marked = [[row[:-1] for row in results[e]] for e in ("utf-8-sig", "utf-16", "utf-32")]
        assert marked[0] == marked[1] == marked[2], results
        if all(row[-1] == "utf-8" for row in results["utf-8"]) and results["utf-8"]:
            assert marked[0] == [row[:-1] for row in results["utf-8"]]

    in_tmp(run)


@given(any_text, st.sampled_from(["en", "zh"]), st.sampled_from(["2023-05-01", ""]))
def test_evidence_is_the_text_between_its_offsets(text, lang, date):
    """Every sentence extraction cites is the article's text between its offsets (the shapes check only that
    the lengths agree), and extraction stays within its time bound."""
    article = Article("p", date, text.split("\n", 1)[0][:300], text, lang)
    start = time.process_time()
    facts = Extractor(packs.get(lang), gazetteer.shared())(article)
    seconds = time.process_time() - start
    assert seconds <= FIXED_SECONDS + SECONDS_PER_KB * len(text.encode("utf-8")) / 1000
    cited = [e for es in facts.evidence.values() for e in es]
    cited += [r.evidence for r in facts.relations if r.evidence is not None]
    cited += [t.evidence for t in facts.post_times if t.evidence is not None]
    for e in cited:
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.sentence, e


def test_ci_runs_the_same_bounded_examples_every_time():
    """Unless HYPOTHESIS_PROFILE names another profile, CI's examples are few, derandomized and reproducible."""
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") != "ci":
        pytest.skip(f"profile {os.environ['HYPOTHESIS_PROFILE']}")
    current = settings()
    assert current.derandomize and current.print_blob and current.database is None
    assert current.max_examples <= 100
