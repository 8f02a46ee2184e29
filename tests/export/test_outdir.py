"""The output directory: staged writes swapped in together, a manifest, leftovers of killed builds removed."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgraph.export import formats, outdir
from kgraph.export.formats import FORMATS
from kgraph.pipeline import build, write_exports

EXPORTS = [f.file for f in FORMATS.values() if f.name != "html"]  # the explorer page is the viz package's test


@pytest.fixture(scope="module")
def graph(root):
    return build([root / "seeds" / "004_05ce2b8e58cacf5d.txt"]).graph


def test_a_builds_files_match_its_manifest(graph, tmp_path):
    written = write_exports(graph, tmp_path, html=False)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["file"]: e for e in manifest["files"]}
    assert (
        list(listed)
        == [p.name for p in written]
        == ["graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "careers.csv"]
    )
    for path in written:
        data = path.read_bytes()
        assert listed[path.name]["bytes"] == len(data)
        assert listed[path.name]["sha256"] == hashlib.sha256(data).hexdigest()
    assert listed["graph.ttl"]["media_type"] == "text/turtle" and listed["graph.ttl"]["format"] == "turtle"
    assert outdir.verify(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*listed, "manifest.json"])  # no staging left
    (tmp_path / "graph.nt").write_bytes(b"changed by hand")
    assert outdir.verify(tmp_path) == ["graph.nt"]


def test_the_manifest_is_the_same_for_the_same_graph(graph, tmp_path):
    write_exports(graph, tmp_path / "a", formats=["turtle", "graphml"])
    write_exports(graph, tmp_path / "b", formats=["turtle", "graphml"])
    assert (tmp_path / "a" / "manifest.json").read_bytes() == (tmp_path / "b" / "manifest.json").read_bytes()


def test_a_failing_writer_changes_nothing_not_even_the_manifest(graph, tmp_path, monkeypatch):
    write_exports(graph, tmp_path, formats=["turtle", "ntriples"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(export, out):
        out.write(b"half a file")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(FORMATS, "ntriples", formats.Format("ntriples", "graph.nt", "application/n-triples", broken))
    with pytest.raises(RuntimeError):
        write_exports(graph, tmp_path, formats=["turtle", "ntriples"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no staging folder, nothing swapped


def test_leftovers_of_killed_builds_are_removed_and_nothing_else(graph, tmp_path):
    dead = 2**22 + 12345  # above Linux's largest pid: no process has it
    leftovers = [
        tmp_path / ".graph.ttl.k3j_x9q2",  # an older kgraph's temporary file (no pid in it)
        tmp_path / f".graph.nt.{dead}.ab12cd34",
        tmp_path / f".kgraph-build-{dead}-x1y2z3ab",
    ]
    leftovers[0].write_bytes(b"@prefix half")
    leftovers[1].write_bytes(b"<a> <b> ")
    leftovers[2].mkdir()
    (leftovers[2] / "graph.graphml").write_bytes(b"<graphml")
    kept = [tmp_path / "notes.txt", tmp_path / ".graph.ttl.notes", tmp_path / f".kgraph-build-{os.getpid()}-running"]
    kept[0].write_text("mine")
    kept[1].write_text("not a temporary file: the random part has 8 characters")
    kept[2].mkdir()  # a build that still runs (this process)
    write_exports(graph, tmp_path, formats=["turtle"])
    for path in leftovers:
        assert not path.exists(), path
    for path in kept:
        assert path.exists(), path
    assert outdir.verify(tmp_path) == []


def test_check_refuses_what_cannot_be_an_output_directory(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(outdir.OutputError, match=r"file.txt: not a directory \(it is a file\)"):
        outdir.check(tmp_path / "file.txt")
    with pytest.raises(outdir.OutputError, match=r"deeper/out: cannot be a directory, .*file.txt is a file"):
        outdir.check(tmp_path / "file.txt" / "deeper" / "out")
    outdir.check(tmp_path / "new" / "out")  # does not exist yet: fine, and nothing is made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def unwritable(tmp_path: Path) -> Path:
    """A directory this process cannot create anything in: read-only for a user; /sys for root."""
    if os.geteuid() == 0:
        if not Path("/sys").is_dir():
            pytest.skip("root, and no /sys to stand for a directory nobody can write in")
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    return locked


def test_check_refuses_a_directory_that_cannot_be_written(tmp_path):
    where = unwritable(tmp_path)
    with pytest.raises(outdir.OutputError, match=rf"{where}/out: cannot write in {where} \("):
        outdir.check(where / "out")


def corpus(root: Path, folder: Path, copies: int) -> Path:
    """The seeds, ``copies`` times over under other names: enough articles for exports that take a while."""
    folder.mkdir()
    for n in range(copies):
        for seed in sorted((root / "seeds").glob("*.txt")):
            shutil.copy(seed, folder / f"{seed.stem}_{n}.txt")
    return folder


def kgraph_build(*args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "kgraph.cli", "build", *args, "--no-progress", "--no-html"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def until_export(proc: subprocess.Popen[bytes], out: Path) -> float:
    """Wait until the build ``proc`` begins to write its exports into ``out``; the time that happened."""
    deadline = time.monotonic() + 300
    while not (
        out.is_dir()
        and any(p.name.startswith(f".kgraph-build-{proc.pid}-") and "-check-" not in p.name for p in out.iterdir())
    ):
        assert proc.poll() is None and time.monotonic() < deadline, "the build never began to export"
        time.sleep(0.002)
    return time.monotonic()


def test_kill_9_mid_export_never_leaves_a_half_written_file(root, tmp_path):
    old_in, new_in = corpus(root, tmp_path / "old_in", 6), corpus(root, tmp_path / "new_in", 8)
    old_ref, new_ref, out = tmp_path / "old_ref", tmp_path / "new_ref", tmp_path / "out"
    assert kgraph_build(str(old_in), "--out", str(old_ref)).wait(timeout=300) == 0
    proc = kgraph_build(str(new_in), "--out", str(new_ref))
    began = until_export(proc, new_ref)
    assert proc.wait(timeout=300) == 0
    seconds = time.monotonic() - began  # how long the exports take
    old = {name: (old_ref / name).read_bytes() for name in EXPORTS}
    new = {name: (new_ref / name).read_bytes() for name in EXPORTS}
    assert all(old[name] != new[name] for name in EXPORTS)  # so a mix of the two builds shows
    rng = random.Random(20240601)
    out.mkdir()
    killed: list[int] = []
    for n in range(4):
        for name in [*EXPORTS, "manifest.json"]:  # the old build again; what killed builds left stays
            shutil.copy(old_ref / name, out / name)
        proc = kgraph_build(str(new_in), "--out", str(out))
        until_export(proc, out)
        time.sleep(seconds * n / 4 + rng.uniform(0, seconds / 4))  # early in the export to late
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        for name in EXPORTS:
            data = (out / name).read_bytes()
            assert data in (old[name], new[name]), f"{name} is neither the old file nor the new one"
        if (out / "manifest.json").exists():  # a manifest present always describes the files present
            assert outdir.verify(out) == []
        # each build removed what the builds killed before it left
        assert not [
            p.name for p in out.iterdir() if any(f"-{pid}-" in p.name or f".{pid}." in p.name for pid in killed)
        ]
        killed.append(proc.pid)
    assert kgraph_build(str(new_in), "--out", str(out), "--formats", "careers").wait(timeout=300) == 0
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".kgraph"]  # the facts kept, only
    assert outdir.verify(out) == [] and outdir.read_manifest(out).keys() == {"careers.csv"}
