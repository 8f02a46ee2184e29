"""RDF written by a second process from spooled subjects: the same bytes as the writers, from a growing file."""

import io
import os
import threading
import time

import pytest

from kgraph.export import rdf, spool
from kgraph.export.outdir import measure, read_manifest, verify
from kgraph.export.spool import Growing, Spool, SpoolError, Writing, unspool
from kgraph.export.writers import JsonLd, NTriples, Shaped, Turtle, write_all
from kgraph.pipeline import build, write_exports
from tests.export.test_writers import awkward, shaped_groups, written


def spooled(groups) -> bytes:
    out = io.BytesIO()
    write_all(groups, [Spool(out)])
    return out.getvalue()


def as_rows(groups):
    return [(s, list(rows)) for s, rows in groups]


@pytest.mark.parametrize("groups", [awkward(), shaped_groups(), []], ids=["awkward", "shaped", "empty"])
def test_a_spool_gives_back_the_subjects_it_was_given(groups):
    back = list(unspool(io.BytesIO(spooled(groups))))
    assert as_rows(back) == as_rows(groups)
    assert [type(rows) for _, rows in back] == [type(rows) for _, rows in groups]  # shaped stay shaped
    for cls in (Turtle, NTriples, JsonLd):
        assert written(cls, back) == written(cls, groups)


@pytest.fixture(scope="module")
def seeds_graph(root):
    return build([root / "seeds"]).graph


def test_the_seeds_subjects_come_back_in_batches_with_their_shapes_once(seeds_graph, monkeypatch):
    monkeypatch.setattr(spool, "BATCH", 50)
    groups = list(rdf.groups(seeds_graph))
    assert len(groups) > 2 * spool.BATCH  # more than one record
    back = list(unspool(io.BytesIO(spooled(groups))))
    assert as_rows(back) == as_rows(groups)
    shapes = {rows.shape for _, rows in back if isinstance(rows, Shaped)}
    assert len(shapes) == len({rows.shape for _, rows in groups if isinstance(rows, Shaped)}) > 1


def test_a_spool_cut_short_is_an_error_not_a_smaller_graph(seeds_graph):
    data = spooled(list(rdf.groups(seeds_graph)))
    for cut in (len(data) - 3, len(data) // 2, 2):
        with pytest.raises(ValueError, match="spool of subjects ends"):
            list(unspool(io.BytesIO(data[:cut])))


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


def test_the_second_process_writes_every_format_from_the_spool_as_it_grows(tmp_path):
    groups = awkward() + shaped_groups()
    data = spooled(groups)
    path = tmp_path / "subjects.spool"
    files = {"turtle": tmp_path / "graph.ttl", "ntriples": tmp_path / "graph.nt", "jsonld": tmp_path / "graph.jsonld"}
    with path.open("wb", buffering=0) as f, Writing(path, files) as job:
        for i in range(0, len(data), 100):
            f.write(data[i : i + 100])
        f.close()
        job.written()
    assert files["turtle"].read_bytes() == written(Turtle, groups)
    assert files["ntriples"].read_bytes() == written(NTriples, groups)
    assert files["jsonld"].read_bytes() == written(JsonLd, groups)
    assert job.measured == {p.name: measure(p) for p in files.values()}  # for the manifest


def test_a_failure_names_the_files_and_the_error(tmp_path):
    path = tmp_path / "subjects.spool"
    path.write_bytes(spooled(awkward())[:-5])
    files = {"ntriples": tmp_path / "graph.nt", "jsonld": tmp_path / "graph.jsonld"}
    with pytest.raises(SpoolError, match=r"^graph\.nt, graph\.jsonld: not written: ValueError: the spool of subjects"):
        with Writing(path, files):
            pass


def test_only_known_formats_are_written(tmp_path):
    with pytest.raises(ValueError, match="no writer for rdfxml"):
        Writing(tmp_path / "subjects.spool", {"rdfxml": tmp_path / "graph.rdf"})


def test_an_error_in_this_process_stops_the_second_one(tmp_path):
    path = tmp_path / "subjects.spool"
    path.write_bytes(b"")
    with pytest.raises(RuntimeError, match="generation failed"):
        with Writing(path, {"ntriples": tmp_path / "graph.nt"}) as job:
            raise RuntimeError("generation failed")
    assert job.process.returncode is not None  # stopped, not left waiting for the end of the spool


class BrokenSpool(Spool):
    def close(self) -> None:
        self.out.write(b"\xff\xff")  # no END record: as if the build had stopped


def test_a_failed_second_process_changes_none_of_the_exports(seeds_graph, tmp_path, monkeypatch):
    write_exports(seeds_graph, tmp_path, html=False)
    before = read_manifest(tmp_path)
    monkeypatch.setattr(spool, "Spool", BrokenSpool)
    with pytest.raises(SpoolError, match=r"^graph\.ttl, graph\.nt, graph\.jsonld: not written"):
        write_exports(seeds_graph, tmp_path, html=False)
    assert read_manifest(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "manifest.json"])


def test_the_manifest_gives_the_second_processs_files_as_they_are(seeds_graph, tmp_path):
    write_exports(seeds_graph, tmp_path, html=False)
    assert verify(tmp_path) == []
    listed = read_manifest(tmp_path)
    for name in ("graph.ttl", "graph.nt", "graph.jsonld"):
        assert {k: listed[name][k] for k in ("bytes", "sha256")} == measure(tmp_path / name)


def test_n_triples_alone_leaves_nothing_else_behind(seeds_graph, tmp_path):
    written_files = write_exports(seeds_graph, tmp_path, formats=["ntriples"])
    assert [p.name for p in written_files] == ["graph.nt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "manifest.json"]
    assert (tmp_path / "graph.nt").read_bytes() == written(NTriples, list(rdf.groups(seeds_graph)))
