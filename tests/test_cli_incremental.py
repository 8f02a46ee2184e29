"""A build folder that remembers: only new articles are extracted, the store follows in place, exports on
demand, every core and a Dask cluster give the same bytes."""

import shutil
import subprocess
import sys

import distributed
import pytest

from .conftest import ROOT, SHARED

FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "careers.csv")


def kgraph(*args: str, cwd) -> subprocess.CompletedProcess:
    r = subprocess.run(
        [sys.executable, "-m", "kgraph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert r.returncode == 0, r.stderr
    return r


def count(store: str, cwd) -> int:
    r = kgraph("query", "--store", store, "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", cwd=cwd)
    return int(r.stdout.split()[-1])


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "in").mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(p, tmp_path / "in")
    return tmp_path


def same_files(a, b) -> bool:
    return all((a / f).read_bytes() == (b / f).read_bytes() for f in FILES)


def test_a_folder_that_gained_articles_extracts_only_those(folder):
    r = kgraph("build", "in", "--out", "out", "--no-html", "--store", "store", cwd=folder)
    assert "articles: 5 (5 extracted, 5 merged)" in r.stdout and "(loaded whole)" in r.stdout
    shutil.copy(SHARED / "dev" / "articles" / "d13_en.txt", folder / "in")
    r = kgraph("build", "in", "--out", "out", "--no-html", "--store", "store", "--no-exports", cwd=folder)
    assert "articles: 6 (1 extracted, 1 merged)" in r.stdout and "subject(s) rewritten, 0 removed" in r.stdout
    assert "wrote" not in r.stdout
    kgraph("export", "out", "--no-html", cwd=folder)
    fresh = kgraph("build", "in", "--out", "fresh", "--no-html", "--no-cache", "--store", "fresh-store", cwd=folder)
    assert "articles: 6\n" in fresh.stdout
    assert same_files(folder / "out", folder / "fresh")
    assert count("store", folder) == count("fresh-store", folder)
    (folder / "in" / "d13_en.txt").unlink()  # an article removed: its subjects leave the store
    r = kgraph("build", "in", "--out", "out", "--no-html", "--store", "store", cwd=folder)
    assert "articles: 5 (0 extracted, 5 merged)" in r.stdout and ", 0 removed" not in r.stdout
    first = kgraph("build", "in", "--out", "first", "--no-html", "--no-cache", "--store", "first-store", cwd=folder)
    assert "articles: 5" in first.stdout
    assert same_files(folder / "out", folder / "first") and count("store", folder) == count("first-store", folder)


def test_an_edited_article_is_extracted_again(folder):
    kgraph("build", "in", "--out", "out", "--no-html", cwd=folder)
    path = sorted((folder / "in").glob("*.txt"))[0]
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\nZhang Yigong, secretary of the CPC Quanzhou Municipal Committee, spoke.\n",
        encoding="utf-8",
    )
    r = kgraph("build", "in", "--out", "out", "--no-html", cwd=folder)
    assert "articles: 5 (1 extracted, 5 merged)" in r.stdout


def test_every_core_and_a_dask_cluster_write_the_same_bytes(folder):
    kgraph("build", "in", "--out", "one", "--no-html", "--jobs", "1", "--no-cache", cwd=folder)
    kgraph("build", "in", "--out", "two", "--no-html", "--jobs", "2", "--no-cache", cwd=folder)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        kgraph("build", "in", "--out", "dask", "--no-html", "--dask", c.scheduler_address, "--no-cache", cwd=folder)
    assert same_files(folder / "one", folder / "two") and same_files(folder / "one", folder / "dask")
