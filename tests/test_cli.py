"""The command line, run as a user runs it: a real process, real files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest


def kgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kgraph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_build_goes_on_past_bad_files_and_summarises(tmp_path, root):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text((root / "seeds" / "003_a0c75f0f195f157c.txt").read_text())
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "in" / "gbk.txt").write_bytes(" date 2023-03-20 县委\n\n县委书记张成主持会议。".encode("gbk"))
    r = kgraph("build", "in", "--out", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "in/empty.txt: empty file" in r.stderr and "in/binary.txt: binary file" in r.stderr
    assert "in/gbk.txt: not UTF-8; decoded as GB18030" in r.stderr
    assert "articles: 2" in r.stdout and "2 file(s) skipped" in r.stdout
    assert "relations: " in r.stdout and "holds_post" in r.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".kgraph",  # the facts of each article, for the next build
        "careers.csv",
        "graph.graphml",
        "graph.html",
        "graph.jsonld",
        "graph.nt",
        "graph.ttl",
        "manifest.json",
    ]


def test_strict_turns_warnings_into_errors_and_writes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("no date line here\n\nText.")
    r = kgraph("build", "a.txt", "--out", "out", "--strict", cwd=tmp_path)
    assert r.returncode == 1
    assert "a.txt: no date line" in r.stderr
    assert not (tmp_path / "out").exists()


def test_an_article_that_makes_an_extractor_raise_is_skipped_and_counted(tmp_path, root):
    # A language pack whose atoms raise, registered by the real CLI process at start-up.
    (tmp_path / "sitecustomize.py").write_text(
        "import re\n"
        "from kgraph.extract import packs\n"
        "from kgraph.extract.en import English\n"
        "@packs.register('xx')\n"
        "class Broken(English):\n"
        "    script = re.compile('[а-я]')\n"
        "    script_weight = 10.0\n"
        "    def atoms(self, reading, s, gaz):\n"
        "        raise RuntimeError('extractor exploded')\n"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "boom.txt").write_text(" date 2023-01-01 Бум\n\nбум бум бум.")
    (tmp_path / "in" / "good.txt").write_text((root / "seeds" / "003_a0c75f0f195f157c.txt").read_text())
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    r = subprocess.run(
        [sys.executable, "-m", "kgraph.cli", "build", "in", "--out", "out", "--no-html", "--debug"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    assert "in/boom.txt: extraction of article 'boom' failed (RuntimeError: extractor exploded)" in r.stderr
    assert "Traceback" in r.stderr and "extractor exploded" in r.stderr
    assert "articles: 1" in r.stdout and "failed: 1 article(s)" in r.stdout
    assert 'schema:identifier "good"' in (tmp_path / "out" / "graph.ttl").read_text()
    r = subprocess.run(
        [sys.executable, "-m", "kgraph.cli", "build", "in", "--out", "strict", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr and not (tmp_path / "strict").exists()


def test_stats_reads_a_built_graph_and_reports_bad_ones(tmp_path, root):
    r = kgraph("build", str(root / "seeds" / "004_05ce2b8e58cacf5d.txt"), "--out", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = kgraph("stats", "out/graph.ttl", "--json", cwd=tmp_path)
    assert r.returncode == 0 and '"articles": 1' in r.stdout and '"holds_post"' in r.stdout
    (tmp_path / "broken.ttl").write_text("this is not turtle <")
    r = kgraph("stats", "broken.ttl", cwd=tmp_path)
    assert r.returncode == 1 and "broken.ttl" in r.stderr


def test_viz_writes_a_focused_page_and_reports_bad_input(tmp_path, root):
    r = kgraph("build", str(root / "seeds"), "--out", "out", "--no-html", cwd=tmp_path)
    assert r.returncode == 0 and not (tmp_path / "out" / "graph.html").exists()
    r = kgraph(
        "viz",
        "out",
        "--out",
        "guizhou.html",
        "--focus",
        "Guizhou",
        "--depth",
        "1",
        "--types",
        "region,body",
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    page = (tmp_path / "guizhou.html").read_text()
    assert '"id": "body/520000/party_committee"' in page and '"id": "person/zou-lianke"' not in page
    r = kgraph("viz", "out", "--focus", "Atlantis", cwd=tmp_path)
    assert r.returncode == 1 and "no entity named 'Atlantis'" in r.stderr
    r = kgraph("viz", "nowhere", cwd=tmp_path)
    assert r.returncode == 1 and "nowhere" in r.stderr


def test_query_named_list_files_formats_and_store(tmp_path, root):
    assert kgraph("build", str(root / "seeds"), "--out", "out", "--no-html", cwd=tmp_path).returncode == 0
    r = kgraph("query", "--list", cwd=tmp_path)
    assert r.returncode == 0 and "officials-of-body" in r.stdout and "evidence" in r.stdout
    r = kgraph("query", "out/graph.ttl", "--named", "posts-of-official", "--param", "official=Zou Lianke", cwd=tmp_path)
    assert r.returncode == 0 and "Guizhou Provincial Department of Education" in r.stdout and "(2 rows)" in r.stdout
    (tmp_path / "q.rq").write_text(
        "SELECT ?name WHERE { ?s a <https://w3id.org/kgraph/ontology#Official> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"
    )
    r = kgraph("query", "out/graph.ttl", "--file", "q.rq", "--format", "csv", "--engine", "rdflib", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.splitlines()[0] == "name" and "Xi Jinping" in r.stdout
    r = kgraph("load", "out/graph.ttl", "--store", "store", cwd=tmp_path)
    assert r.returncode == 0 and "triples" in r.stdout
    r = kgraph(
        "query", "--store", "store", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "tsv", cwd=tmp_path
    )
    assert r.returncode == 0 and r.stdout.splitlines()[0] == "?n"
    r = kgraph("query", "out/graph.ttl", "DELETE WHERE { ?s ?p ?o }", cwd=tmp_path)
    assert r.returncode == 1 and "updates are not allowed" in r.stderr


def test_serve_answers_on_loopback_until_stopped(tmp_path, root):
    import json
    import signal
    import socket
    import time
    import urllib.request

    assert kgraph("build", str(root / "seeds"), "--out", "out", "--no-html", cwd=tmp_path).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgraph.cli", "serve", "out/graph.ttl", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/sparql?query=" + urllib.request.quote("ASK { ?s ?p ?o }")
        for _ in range(100):
            try:
                with urllib.request.urlopen(url) as resp:
                    assert json.loads(resp.read())["boolean"] is True
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the endpoint never answered")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    assert proc.returncode == 0


def test_build_writes_only_the_formats_asked_for(tmp_path, root):
    seed = str(root / "seeds" / "004_05ce2b8e58cacf5d.txt")
    r = kgraph("build", seed, "--out", "out", "--formats", "graphml,turtle", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".kgraph",
        "graph.graphml",
        "graph.ttl",
        "manifest.json",
    ]
    assert r.stdout.strip().endswith("wrote out/graph.ttl, out/graph.graphml")
    r = kgraph("build", seed, "--out", "csv", "--formats", "careers", cwd=tmp_path)
    assert r.returncode == 0 and sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        ".kgraph",
        "careers.csv",
        "manifest.json",
    ]
    assert (tmp_path / "csv" / "careers.csv").read_text().startswith("official_id,official_en,official_zh,body_id")
    r = kgraph("build", seed, "--out", "bad", "--formats", "turtle,rdfxml", cwd=tmp_path)
    assert r.returncode == 2 and "unknown format(s) rdfxml" in r.stderr and "turtle, jsonld" in r.stderr
    assert "articles:" not in r.stdout and not (tmp_path / "bad").exists()


def test_engine_choices_come_from_the_engine_registry(monkeypatch):
    from kgraph.cli import parser
    from kgraph.sparql import engines

    monkeypatch.setitem(engines.ENGINES, "toy", engines.RdflibEngine)
    for command in (["query", "g.ttl"], ["serve", "g.ttl"]):
        assert parser().parse_args([*command, "--engine", "toy"]).engine == "toy"
    monkeypatch.delitem(engines.ENGINES, "rdflib")
    with pytest.raises(SystemExit):
        parser().parse_args(["query", "g.ttl", "--engine", "rdflib"])


def test_careers_prints_a_table_writes_csv_and_reports_bad_input(tmp_path):
    from kgraph.pipeline import write_exports
    from tests.careers_graph import career_graph

    write_exports(career_graph(), tmp_path / "out", formats=["graphml"])
    r = kgraph("careers", "out", "--official", "胡和平", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:4] == ["official", "zh", "title", "body"]
    assert "Vice Governor" in lines[3] and "2011-03" in lines[3] and "2016-05" in lines[3]
    assert lines[-1] == "(4 spells)"
    r = kgraph(
        "careers", "out/graph.graphml", "--body", "Yiyang Municipal Party Committee", "--csv", "y.csv", cwd=tmp_path
    )
    assert r.returncode == 0 and r.stdout.strip() == "wrote y.csv (4 spells)"
    table = (tmp_path / "y.csv").read_text(encoding="utf-8").splitlines()
    assert table[0].startswith("official_id,official_en,official_zh,body_id,body_en,body_zh,region_code,region_level")
    assert len(table) == 5 and all(",430900,prefecture," in line for line in table[1:])
    r = kgraph(
        "careers",
        "out",
        "--official",
        "Li Ming",
        "--body",
        "Yiyang Municipal Party Committee",
        "--csv",
        "-",
        cwd=tmp_path,
    )
    assert r.returncode == 0 and r.stdout.splitlines()[1].startswith("person/li-ming,Li Ming,李明,")
    r = kgraph("careers", "out", "--official", "Nobody", cwd=tmp_path)
    assert r.returncode == 1 and "no official named 'Nobody' in out/graph.graphml" in r.stderr
    r = kgraph("careers", "out", "--body", "Hu Heping", cwd=tmp_path)
    assert r.returncode == 1 and "no body named 'Hu Heping'" in r.stderr
    r = kgraph("careers", "nowhere", cwd=tmp_path)
    assert r.returncode == 1 and "error: nowhere: no such file" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "broken.graphml").write_text("<graphml")
    r = kgraph("careers", "broken.graphml", cwd=tmp_path)
    assert r.returncode == 1 and "broken.graphml: not a readable GraphML graph" in r.stderr


def test_career_queries_from_the_command_line(tmp_path):
    from kgraph.pipeline import write_exports
    from tests.careers_graph import career_graph

    write_exports(career_graph(), tmp_path / "out", formats=["turtle"])
    r = kgraph("query", "--list", cwd=tmp_path)
    assert "successions" in r.stdout and "--param body=... [--param date=YYYY[-MM[-DD]]]" in r.stdout
    r = kgraph(
        "query",
        "out/graph.ttl",
        "--named",
        "holders",
        "--param",
        "body=中共益阳市委",
        "--param",
        "date=2012-06",
        "--engine",
        "rdflib",
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "Li Ming" in r.stdout and "Wu Qiang" not in r.stdout and "(2 rows)" in r.stdout
    r = kgraph(
        "query",
        "out/graph.ttl",
        "--named",
        "holders",
        "--param",
        "body=中共益阳市委",
        "--param",
        "date=June",
        cwd=tmp_path,
    )
    assert r.returncode == 1 and "--param date takes a date YYYY, YYYY-MM or YYYY-MM-DD, not 'June'" in r.stderr
