import pyoxigraph as ox
import pytest
from rdflib import Graph

from kgraph.export import formats, rdf
from kgraph.export.formats import FORMATS, rdf_format, rdf_suffixes, select_formats
from kgraph.pipeline import build, write_exports


@pytest.fixture(scope="module")
def graph(root):
    return build([root / "seeds" / "004_05ce2b8e58cacf5d.txt"]).graph


def test_the_registry():
    assert [(f.name, f.file) for f in FORMATS.values()] == [
        ("turtle", "graph.ttl"),
        ("jsonld", "graph.jsonld"),
        ("ntriples", "graph.nt"),
        ("graphml", "graph.graphml"),
        ("careers", "careers.csv"),
        ("html", "graph.html"),
    ]
    assert FORMATS["turtle"].media_type == "text/turtle" and FORMATS["jsonld"].media_type == "application/ld+json"
    assert FORMATS["careers"].media_type == "text/csv"
    for suffix, name, parser in (
        (".ttl", "turtle", "turtle"),
        (".nt", "ntriples", "nt"),
        (".jsonld", "jsonld", "json-ld"),
    ):
        fmt = rdf_format(suffix)
        assert fmt is not None and fmt.name == name and fmt.rdflib == parser and fmt.suffix == suffix
    assert rdf_format(".graphml") is None and rdf_format(".html") is None and rdf_format(".xml") is None
    assert rdf_format(".csv") is None
    assert rdf_suffixes() == ".ttl, .jsonld or .nt"


def test_select_keeps_registry_order_and_refuses_unknown_names():
    assert select_formats(None) == list(FORMATS.values())
    assert [f.name for f in select_formats(["html", " Turtle", "graphml", "turtle"])] == ["turtle", "graphml", "html"]
    with pytest.raises(ValueError, match=r"unknown format\(s\) rdfxml, ttl \(choose from turtle, jsonld"):
        select_formats(["ttl", "rdfxml", "turtle"])


def test_every_rdf_file_reads_back_with_both_parsers_it_names(graph, tmp_path):
    written = write_exports(graph, tmp_path, html=False)
    assert [p.name for p in written] == ["graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "careers.csv"]
    expected = set(rdf.triples(graph))
    for fmt in FORMATS.values():
        if fmt.oxigraph is None:
            continue
        path = tmp_path / fmt.file
        assert {q.triple for q in ox.parse(path=str(path), format=fmt.oxigraph)} == expected, fmt.name
        assert len(Graph().parse(path, format=fmt.rdflib)) == len(expected), fmt.name


def test_only_the_formats_asked_for_are_written(graph, tmp_path):
    written = write_exports(graph, tmp_path / "a", formats=["graphml", "ntriples"])
    assert [p.name for p in written] == ["graph.nt", "graph.graphml"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["graph.graphml", "graph.nt", "manifest.json"]
    assert [p.name for p in write_exports(graph, tmp_path / "b", html=False, formats=["html", "turtle"])] == [
        "graph.ttl"
    ]
    assert [p.name for p in write_exports(graph, tmp_path / "c", formats=["html"])] == ["graph.html"]


def test_triples_are_made_once_whatever_the_number_of_rdf_formats(graph, tmp_path, monkeypatch):
    calls = []
    real = rdf.groups

    def counted(g):
        calls.append(g)
        return real(g)

    monkeypatch.setattr(formats.rdf, "groups", counted)
    write_exports(graph, tmp_path / "all", html=False)
    assert len(calls) == 1
    write_exports(graph, tmp_path / "graphml", formats=["graphml", "html"])
    assert len(calls) == 1


def test_a_failing_writer_leaves_no_file(graph, tmp_path, monkeypatch):
    def broken(export, out):
        out.write(b"half a file")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(FORMATS, "turtle", formats.Format("turtle", "graph.ttl", "text/turtle", broken))
    with pytest.raises(RuntimeError):
        write_exports(graph, tmp_path, formats=["turtle"])
    assert list(tmp_path.iterdir()) == []


def test_careers_csv_is_the_careers_table_of_the_graph(tmp_path):
    from kgraph.careers import spells, to_csv
    from tests.careers_graph import career_graph

    g = career_graph()
    [written] = write_exports(g, tmp_path, formats=["careers"])
    assert written == tmp_path / "careers.csv"
    assert written.read_text(encoding="utf-8") == to_csv(spells(g))
    assert "person/hu-heping,Hu Heping,胡和平,body/430000/government" in written.read_text(encoding="utf-8")


def test_a_failing_careers_writer_leaves_the_old_file_whole(tmp_path, monkeypatch):
    from kgraph import careers
    from tests.careers_graph import career_graph

    write_exports(career_graph(), tmp_path, formats=["careers"])
    before = (tmp_path / "careers.csv").read_bytes()

    def broken(rows, out):
        out.write("official_id,half a row")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(careers, "write_csv", broken)
    with pytest.raises(RuntimeError):
        write_exports(career_graph(), tmp_path, formats=["careers"])
    assert (tmp_path / "careers.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["careers.csv", "manifest.json"]  # no temporary file left
