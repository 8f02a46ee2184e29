"""`kgraph build`'s output directory, run as a user runs it: a bad --out is an error before any extraction."""

import os
import subprocess
import sys
from pathlib import Path

import pytest


def kgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kgraph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def seed(root) -> str:
    return str(root / "seeds" / "004_05ce2b8e58cacf5d.txt")


def refused(r: subprocess.CompletedProcess[str], message: str) -> None:
    """Exit code 2, the message, and no sign of extraction (no progress bar, no summary) or of a traceback."""
    assert r.returncode == 2, r.stderr
    assert message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "extracting" not in r.stderr and r.stdout == ""


def test_an_out_that_is_a_file_is_refused_before_extraction(tmp_path, seed):
    (tmp_path / "exports.txt").write_text("my notes")
    r = kgraph("build", seed, "--out", "exports.txt", "--progress", cwd=tmp_path)
    refused(r, "error: --out exports.txt: not a directory (it is a file)")
    assert (tmp_path / "exports.txt").read_text() == "my notes"


def test_an_out_under_a_file_is_refused_before_extraction(tmp_path, seed):
    (tmp_path / "exports.txt").write_text("my notes")
    r = kgraph("build", seed, "--out", "exports.txt/graph", "--progress", cwd=tmp_path)
    refused(r, "error: --out exports.txt/graph: cannot be a directory, exports.txt is a file")


def test_an_out_that_cannot_be_written_is_refused_before_extraction(tmp_path, seed):
    if os.geteuid() == 0:  # root writes in any directory whatever its mode; nobody makes one in /sys
        if not Path("/sys").is_dir():
            pytest.skip("root, and no /sys to stand for a directory nobody can write in")
        where = Path("/sys")
    else:
        where = tmp_path / "locked"
        where.mkdir(mode=0o555)
    r = kgraph("build", seed, "--out", str(where / "out"), "--progress", cwd=tmp_path)
    refused(r, f"error: --out {where / 'out'}: cannot write in {where} (")


def test_a_build_writes_a_manifest_and_cleans_up_after_a_killed_one(tmp_path, seed):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".graph.ttl.abcd1234").write_text("@prefix half")  # what kill -9 left, in an older kgraph
    (out / ".kgraph-build-4194999-q1w2e3r4").mkdir()  # a staging folder of a build that is no more
    r = kgraph("build", seed, "--out", "out", "--formats", "turtle,graphml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == [".kgraph", "graph.graphml", "graph.ttl", "manifest.json"]
    assert r.stdout.strip().endswith("wrote out/graph.ttl, out/graph.graphml")
