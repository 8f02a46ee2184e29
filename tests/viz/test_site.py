"""Writing a page and its side folder: the same shards inline or beside it, atomically, byte for byte the same."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.pipeline import build
from kgraph.viz import site
from kgraph.viz.explorer import render, write_site
from tests.viz.pages import inline_store, page_json, records, side_store

SIDE = {"inline_limit": 0, "overview": 40}


@pytest.fixture(scope="module")
def graph(root):
    return build([root / "seeds"]).graph


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with the digest of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_small_graphs_keep_their_shards_inline_and_large_ones_beside_the_page(graph, tmp_path):
    inline = write_site(graph, tmp_path / "a", overview=40)
    side = write_site(graph, tmp_path / "b", **SIDE)
    assert [p.name for p in inline] == ["graph.html"] and [p.name for p in side] == ["graph.html", "graph.files"]
    small, large = (p[0].read_text(encoding="utf-8") for p in (inline, side))
    assert page_json(small)["files"] == "" and page_json(large)["files"] == "graph.files/"
    assert inline_store(large) is None
    # The same shards either way: the page runs the same code on them.
    assert side_store(tmp_path / "b" / "graph.files") == inline_store(small)
    assert {k: v for k, v in page_json(small).items() if k != "files"} == {
        k: v for k, v in page_json(large).items() if k != "files"
    }
    assert render(graph, overview=40) == small


def test_the_page_holds_the_overview_and_the_shards_everything(graph, tmp_path):
    [page, folder] = write_site(graph, tmp_path, **SIDE)
    html = page.read_text(encoding="utf-8")
    data = page_json(html)
    everything = records(side_store(folder))
    hidden = [n for n in everything if not n.startswith("cluster:") and n not in {x["id"] for x in data["nodes"]}]
    assert len(hidden) == data["total"] - 40 > 50
    for node in hidden:
        assert f'"{node}"' not in html  # not in the page at all: its record is in a side file
    zou = everything["person/zou-lianke"]
    assert "Zou Lianke" in zou["detail"]["evidence"][0]["sentence"]
    assert {n["id"] for n in zou["near"]} == {e["to"] for e in zou["edges"]}  # the posts it holds, drawn with it


def test_the_threshold_decides_inline_or_side_files(graph, tmp_path):
    [page, folder] = write_site(graph, tmp_path, **SIDE)
    size = sum(p.stat().st_size for p in folder.rglob("*.js"))
    assert len(write_site(graph, tmp_path / "x", inline_limit=size, overview=40)) == 1
    assert len(write_site(graph, tmp_path / "y", inline_limit=size - 1, overview=40)) == 2


def test_rewriting_replaces_the_side_folder_whole_and_leaves_nothing_behind(graph, tmp_path):
    write_site(graph, tmp_path, **SIDE)
    (tmp_path / "graph.files" / "n" / "stale.js").write_text("old")
    before = tree(tmp_path)
    write_site(graph, tmp_path, **SIDE)
    after = tree(tmp_path)
    assert after == {k: v for k, v in before.items() if not k.endswith("stale.js")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.files", "graph.html"]
    write_site(graph, tmp_path, overview=40)  # small enough to be inline: the old side folder goes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_a_side_folder_is_described_for_a_manifest(graph, tmp_path):
    [_, folder] = write_site(graph, tmp_path / "a", **SIDE)
    [_, again] = write_site(graph, tmp_path / "b", **SIDE)
    about = site.describe(folder)
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert about == site.describe(again)
    assert about["files"] == len(files) and about["bytes"] == sum(p.stat().st_size for p in files)
    files[0].write_bytes(files[0].read_bytes() + b" ")
    assert site.describe(folder)["sha256"] != about["sha256"]


def test_leftovers_of_a_killed_writer_are_removed_and_a_running_ones_kept(graph, tmp_path):
    dead = tmp_path / ".graph.files.999999999.abcdefgh"  # no such process
    (dead / "n").mkdir(parents=True)
    page = tmp_path / ".graph.html.999999999.abcdefgh"
    page.write_text("half a page")
    mine = tmp_path / f".graph.files.{os.getpid()}.abcdefgh"
    mine.mkdir()
    write_site(graph, tmp_path, **SIDE)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["graph.files", "graph.html", mine.name])


def test_a_failed_write_leaves_the_old_page_and_side_folder_as_they_were(graph, tmp_path):
    from kgraph.viz.content import Content
    from kgraph.viz.explorer import select

    write_site(graph, tmp_path, **SIDE)
    before = tree(tmp_path)
    content = Content(graph, select(graph), 10)

    def failing_page(store: str | None) -> str:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        site.write(tmp_path, "graph.html", failing_page, content.shards(), content.counts, 0)
    assert tree(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.files", "graph.html"]


WRITE = """
import sys
from pathlib import Path
from kgraph.pipeline import build
from kgraph.viz.explorer import write_site
write_site(build([Path(sys.argv[1])]).graph, Path(sys.argv[2]), inline_limit=0, overview=40)
"""


def test_the_same_graph_gives_the_same_bytes_whatever_the_hash_seed(root, tmp_path):
    """Set order changes with PYTHONHASHSEED: two processes must still write identical pages and side files."""
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", WRITE, str(root / "seeds"), str(out)], check=True, env=env, cwd=root)
        trees.append(tree(out))
    assert trees[0] == trees[1] and len(trees[0]) > 5
