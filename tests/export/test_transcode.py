"""N-Triples and JSON-LD made from Turtle by a second process: the same bytes as the writers, from a growing file."""

import io
import os
import threading
import time

import pytest

from kgraph.export import formats, rdf
from kgraph.export.outdir import measure, read_manifest, verify
from kgraph.export.transcode import Growing, TranscodeError, Transcoding, transcode
from kgraph.export.writers import JsonLd, NTriples, Turtle
from kgraph.pipeline import build, write_exports
from tests.export.test_writers import awkward, shaped_groups, written


def made_from_turtle(groups) -> tuple[bytes, bytes]:
    nt, js = io.BytesIO(), io.BytesIO()
    count = transcode(io.BytesIO(written(Turtle, groups)), nt, js)
    assert count == sum(len(rows) for _, rows in groups)
    return nt.getvalue(), js.getvalue()


@pytest.mark.parametrize("groups", [awkward(), shaped_groups(), []], ids=["awkward", "shaped", "empty"])
def test_the_same_bytes_as_the_writers(groups):
    nt, js = made_from_turtle(groups)
    assert nt == written(NTriples, groups)
    assert js == written(JsonLd, groups)


@pytest.fixture(scope="module")
def seeds_graph(root):
    return build([root / "seeds"]).graph


def test_the_seeds_the_same_bytes_as_the_writers(seeds_graph):
    groups = list(rdf.groups(seeds_graph))
    nt, js = made_from_turtle(groups)
    assert nt == written(NTriples, groups) and js == written(JsonLd, groups)


def test_either_output_may_be_left_out():
    data = written(Turtle, awkward())
    out = io.BytesIO()
    assert transcode(io.BytesIO(data), None, out) == 14 and out.getvalue() == written(JsonLd, awkward())
    assert transcode(io.BytesIO(data), None, None) == 14


def test_a_growing_file_is_read_to_its_end_only_once_the_writer_says_it_is_whole(tmp_path):
    path = tmp_path / "growing"
    text = "中共泉州市委 ".encode() * 5000
    path.write_bytes(b"")
    done_read, done_write = os.pipe()

    def writer():
        with path.open("ab", buffering=0) as f:
            for i in range(0, len(text), 777):  # pieces that cut characters in two
                f.write(text[i : i + 777])
                time.sleep(0.001)
        time.sleep(0.2)  # the file is whole, but nobody has said so yet
        os.close(done_write)

    thread = threading.Thread(target=writer)
    thread.start()
    started = time.perf_counter()
    with io.BufferedReader(Growing(str(path), done_read), 4096) as reader:
        got = reader.read()
    thread.join()
    os.close(done_read)
    assert got == text
    assert time.perf_counter() - started >= 0.2


def test_the_second_process_reads_the_turtle_as_it_is_written(tmp_path):
    groups = awkward() + shaped_groups()
    data = written(Turtle, groups)
    turtle, nt, js = tmp_path / "graph.ttl", tmp_path / "graph.nt", tmp_path / "graph.jsonld"
    with turtle.open("wb", buffering=0) as f, Transcoding(turtle, nt, js) as job:
        for i in range(0, len(data), 100):
            f.write(data[i : i + 100])
        f.close()
        job.written()
    assert nt.read_bytes() == written(NTriples, groups)
    assert js.read_bytes() == written(JsonLd, groups)
    assert job.measured == {"graph.nt": measure(nt), "graph.jsonld": measure(js)}  # for the manifest


def test_the_manifest_gives_the_second_processs_files_as_they_are(seeds_graph, tmp_path):
    write_exports(seeds_graph, tmp_path, html=False)
    assert verify(tmp_path) == []
    listed = read_manifest(tmp_path)
    for name in ("graph.nt", "graph.jsonld"):
        assert {k: listed[name][k] for k in ("bytes", "sha256")} == measure(tmp_path / name)


def test_a_failure_names_the_files_and_the_error(tmp_path):
    turtle = tmp_path / "graph.ttl"
    turtle.write_bytes(b"<a> <b> .\n")
    with pytest.raises(TranscodeError, match=r"^graph\.nt and graph\.jsonld: not written: .*") as e:
        with Transcoding(turtle, tmp_path / "graph.nt", tmp_path / "graph.jsonld"):
            pass
    assert "Error" in str(e.value) or "error" in str(e.value)


def test_an_error_in_this_process_stops_the_second_one(tmp_path):
    turtle = tmp_path / "graph.ttl"
    turtle.write_bytes(b"")
    with pytest.raises(RuntimeError, match="generation failed"):
        with Transcoding(turtle, tmp_path / "graph.nt", None) as job:
            raise RuntimeError("generation failed")
    assert job.process.returncode is not None  # stopped, not left waiting for the end of the Turtle


class BrokenTurtle(Turtle):
    def close(self) -> None:
        self.out.write(b"<unfinished")
        super().close()


def test_a_failed_second_process_changes_none_of_the_exports(seeds_graph, tmp_path, monkeypatch):
    write_exports(seeds_graph, tmp_path, html=False)
    before = read_manifest(tmp_path)
    monkeypatch.setattr(formats, "Turtle", BrokenTurtle)
    with pytest.raises(TranscodeError, match=r"^graph\.nt and graph\.jsonld: not written"):
        write_exports(seeds_graph, tmp_path, html=False)
    assert read_manifest(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "manifest.json"])


def test_n_triples_alone_leaves_no_turtle_behind(seeds_graph, tmp_path):
    written_files = write_exports(seeds_graph, tmp_path, formats=["ntriples"])
    assert [p.name for p in written_files] == ["graph.nt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "manifest.json"]
    assert (tmp_path / "graph.nt").read_bytes() == written(NTriples, list(rdf.groups(seeds_graph)))
