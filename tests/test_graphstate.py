"""The graph kept between builds: a build that gained articles merges only those and writes the same bytes as
one that merges every article again; anything else (an article removed, changed or moved, other code, a kept
graph damaged or left half-written) merges everything again, and says so where something was wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgraph import graphstate
from kgraph.pipeline import build, cached_graph, write_exports

from .conftest import ROOT, SHARED, fingerprint_changes

ARTICLES = sorted([*(SHARED / "dev" / "articles").glob("*.txt"), *(ROOT / "seeds").glob("*.txt")], key=lambda p: p.name)


@pytest.fixture(scope="module")
def every_fact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fact cache that holds every article's facts: the builds below extract nothing."""
    folder = tmp_path_factory.mktemp("all")
    for p in ARTICLES:
        shutil.copy(p, folder)
    build([folder], cache=folder.parent / "cache" / "facts.sqlite")
    return folder.parent / "cache" / "facts.sqlite"


@pytest.fixture
def cache(every_fact: Path, tmp_path: Path) -> Path:
    (tmp_path / "cache").mkdir()
    shutil.copy(every_fact, tmp_path / "cache" / "facts.sqlite")
    return tmp_path / "cache" / "facts.sqlite"


def exports(g, out: Path, html: bool = False) -> dict[str, bytes]:
    write_exports(g, out, html=html)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def fresh(folder: Path, out: Path, html: bool = False) -> dict[str, bytes]:
    """The exports of the articles in ``folder`` merged from nothing (no cache, no kept graph)."""
    return exports(build([folder]).graph, out, html)


def add(folder: Path, names: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(next(p for p in ARTICLES if p.name == name), folder)


NAMES = [p.name for p in ARTICLES]


def test_a_build_that_gained_articles_merges_only_those_and_writes_the_same_bytes(cache: Path, tmp_path: Path):
    folder = tmp_path / "in"
    steps = [NAMES[::3], NAMES[1::3], NAMES[2::3]]  # the ids of each step fall between those of the others
    held = 0
    for step in steps:
        add(folder, step)
        result = build([folder], cache=cache)
        assert (result.merged, result.warnings) == (len(step), [])  # (a cache keeps the last build's facts)
        held += len(step)
        header = graphstate.read_header(graphstate.folder(cache))
        assert header is not None and header.articles.keys() == {p.stem for p in folder.iterdir()}
    assert held == len(NAMES)
    assert exports(result.graph, tmp_path / "kept", html=True) == fresh(folder, tmp_path / "fresh", html=True)
    again = build([folder], cache=cache)  # nothing new: the kept graph as it is, and kept as it was
    assert again.merged == 0 and exports(again.graph, tmp_path / "again") == exports(result.graph, tmp_path / "k2")


def test_an_article_removed_changed_or_moved_merges_every_article_again(cache: Path, tmp_path: Path):
    folder = tmp_path / "in"
    add(folder, NAMES)
    assert build([folder], cache=cache).merged == len(NAMES)
    (folder / NAMES[4]).unlink()
    removed = build([folder], cache=cache)
    assert removed.merged == len(NAMES) - 1
    assert exports(removed.graph, tmp_path / "removed") == fresh(folder, tmp_path / "fresh-removed")
    (folder / "moved").mkdir()
    shutil.move(folder / NAMES[7], folder / "moved" / NAMES[7])  # the same article in another folder
    assert build([folder], cache=cache).merged == 0  # the graph names the file, not the folder it is in
    path = folder / NAMES[9]
    path.write_text(path.read_text(encoding="utf-8") + "\nLi Qiang met Wang Yi in Beijing.\n", encoding="utf-8")
    changed = build([folder], cache=cache)
    assert (changed.merged, changed.extracted) == (len(NAMES) - 1, 1)
    assert exports(changed.graph, tmp_path / "changed") == fresh(folder, tmp_path / "fresh-changed")


def test_a_build_of_other_code_merges_every_article_again(cache, tmp_path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "in"
    add(folder, NAMES[:10])
    build([folder], cache=cache)
    add(folder, NAMES[10:12])
    monkeypatch.setattr(graphstate, "fingerprint", lambda: "other code")
    assert build([folder], cache=cache).merged == 12
    add(folder, NAMES[12:13])
    assert build([folder], cache=cache).merged == 1  # the graph that code kept


def test_a_damaged_kept_graph_is_reported_and_the_build_goes_on(cache: Path, tmp_path: Path):
    folder = tmp_path / "in"
    add(folder, NAMES[:20])
    build([folder], cache=cache)
    state = graphstate.folder(cache) / graphstate.STATE
    state.write_bytes(state.read_bytes()[: state.stat().st_size // 2])
    add(folder, NAMES[20:])
    result = build([folder], cache=cache)
    assert result.merged == len(NAMES)
    [warning] = result.warnings
    assert str(state) in warning.message and "every article is merged again" in warning.message
    assert exports(result.graph, tmp_path / "out") == fresh(folder, tmp_path / "fresh")
    assert build([folder], cache=cache).warnings == []  # the build kept its graph whole again


def test_what_a_build_that_stopped_left_is_not_read_and_goes_away(cache: Path, tmp_path: Path):
    folder = tmp_path / "in"
    add(folder, NAMES[::2])
    build([folder], cache=cache)
    kept = graphstate.folder(cache)
    [sentences] = kept.glob("sentences-*.bin")
    with sentences.open("ab") as f:  # sentences appended, and a state half-written, by a build that stopped
        f.write(b"A sentence of an article never kept.")
    (kept / "state-stopped").write_bytes(b"\x05\x00")
    add(folder, NAMES[1::2])
    result = build([folder], cache=cache)
    assert (result.merged, result.warnings) == (len(NAMES[1::2]), [])
    assert exports(result.graph, tmp_path / "out") == fresh(folder, tmp_path / "fresh")
    assert sorted(p.name for p in kept.iterdir()) == sorted([sentences.name, graphstate.STATE])


def test_exports_on_demand_read_the_kept_graph_when_it_holds_the_cached_facts(cache, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    add(folder, NAMES)
    build([folder], cache=cache)
    loaded = []
    load = graphstate.load
    monkeypatch.setattr(graphstate, "load", lambda *a: loaded.append(a) or load(*a))
    g, articles, warnings = cached_graph(cache)
    assert (articles, warnings, len(loaded)) == (len(NAMES), [], 1)
    expected = fresh(folder, tmp_path / "fresh")
    assert exports(g, tmp_path / "kept") == expected
    shutil.rmtree(graphstate.folder(cache))
    g, articles, _ = cached_graph(cache)
    assert (articles, len(loaded)) == (len(NAMES), 1)  # no kept graph: the cached facts merged again
    assert exports(g, tmp_path / "merged") == expected


@pytest.mark.parametrize(
    ("path", "invalidates"),
    [
        ("graph.py", True),  # the merge
        ("structure.py", True),
        ("evidence.py", True),
        ("naming.py", True),
        ("data/regions.tsv", True),  # the gazetteer
        ("cli.py", False),  # not the merge
        ("export/rdf.py", False),
        ("extract/zh/names.py", False),  # the extractor: in every article's key, which the kept graph names
    ],
)
def test_a_change_to_the_merge_and_nothing_else_makes_the_kept_graph_of_other_code(tmp_path, path, invalidates):
    assert fingerprint_changes(graphstate.fingerprint, graphstate.PACKAGE, tmp_path, path) is invalidates


def test_saved_again_a_kept_graph_copies_what_did_not_change_and_reads_back_as_the_graph(cache, tmp_path, monkeypatch):
    from .test_graph import snapshot

    monkeypatch.setattr(graphstate, "BATCH", 7)  # records of a few nodes, most of which a few articles leave alone
    copied: list[bool] = []
    copy = graphstate._Copier.copy
    monkeypatch.setattr(graphstate._Copier, "copy", lambda self, *a: copied.append(copy(self, *a)) or copied[-1])
    folder = tmp_path / "in"
    add(folder, NAMES[::2])
    build([folder], cache=cache)
    assert not any(copied)  # a graph merged from nothing is written whole
    add(folder, NAMES[1:8:2])
    result = build([folder], cache=cache)
    assert any(copied) and not all(copied)
    kept = graphstate.folder(cache)
    header = graphstate.read_header(kept)
    assert header is not None
    assert snapshot(graphstate.load(kept, header).builder.g) == snapshot(result.graph)
    add(folder, NAMES[9::2])  # and what goes on from the copied records is the graph of every article
    result = build([folder], cache=cache)
    assert result.merged == len(NAMES[9::2])
    assert exports(result.graph, tmp_path / "kept") == fresh(folder, tmp_path / "fresh")


def test_what_a_new_article_changes_beyond_the_entities_it_names_is_written_again(tmp_path, monkeypatch):
    """An article naming only a region gives the body that serves it, named by articles kept before, a relation
    (with their evidence): the body's records are written again though the new article does not name it."""
    from kgraph.article import Article
    from kgraph.facts import Entity, Evidence, Facts
    from kgraph.graph import GraphBuilder

    from .test_graph import snapshot

    def said(article_id: str, *entities: Entity) -> Facts:
        f = Facts(Article(id=article_id, date="2023-01-01", title=article_id, text="x", path=f"{article_id}.txt"))
        for e in entities:
            f.add_entity(e, Evidence(article_id, 0, 5, f"Sentence of {article_id}."))
        return f

    body = Entity("body/350500/party_committee", "Body", "QC", attrs={"region": "350500", "path": "party_committee"})
    region = Entity("region/350500", "Region", "Quanzhou", attrs={"code": "350500", "level": "city"})
    monkeypatch.setattr(graphstate, "BATCH", 1)  # a record a node: only what changed is written again
    kept = tmp_path / "kept"
    builder = GraphBuilder()
    for f in (said("b", body), said("c", body)):
        builder.add(f)
    builder.finish()
    graphstate.save(kept, builder, {"b": ("kb", "b.txt"), "c": ("kc", "c.txt")})
    header = graphstate.read_header(kept)
    assert header is not None
    loaded = graphstate.load(kept, header)
    loaded.builder.add(said("a", region))
    g = loaded.builder.finish()
    served = g.edges["body/350500/party_committee", "region/350500", "area_served"]
    assert [e["article"] for e in served["evidence"]] == ["b", "c"]
    assert "body/350500/party_committee" in loaded.builder.dirty
    graphstate.save(kept, loaded.builder, {**header.articles, "a": ("ka", "a.txt")}, loaded.layout)
    again = graphstate.read_header(kept)
    assert again is not None and snapshot(graphstate.load(kept, again).builder.g) == snapshot(g)


def test_a_graph_that_cannot_be_kept_is_reported_and_the_one_kept_before_stays(cache, tmp_path, monkeypatch):
    import errno

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    folder = tmp_path / "in"
    add(folder, NAMES[:10])
    kept = graphstate.folder(cache)
    with monkeypatch.context() as m:
        m.setattr(graphstate, "_write_graph", full)
        assert len(build([folder], cache=cache).warnings) == 1
    assert list(kept.iterdir()) == []  # nothing half-written left behind
    build([folder], cache=cache)
    state, files = (kept / graphstate.STATE).read_bytes(), sorted(p.name for p in kept.iterdir())

    add(folder, NAMES[10:15])
    with monkeypatch.context() as m:
        m.setattr(graphstate, "_write_graph", full)
        result = build([folder], cache=cache)
    [warning] = result.warnings
    assert "No space left on device" in warning.message and "the one kept before stays" in warning.message
    assert exports(result.graph, tmp_path / "out") == fresh(folder, tmp_path / "fresh")
    assert (kept / graphstate.STATE).read_bytes() == state and sorted(p.name for p in kept.iterdir()) == files
    assert build([folder], cache=cache).merged == 5  # the next build goes on from the graph kept before


def test_a_graph_kept_by_another_version_is_of_other_code_and_one_that_is_not_a_kept_graph_is_reported(tmp_path):
    from kgraph import framed

    kept = tmp_path / "kept"
    kept.mkdir()
    with (kept / graphstate.STATE).open("wb") as f:
        framed.write(f, {"format": graphstate.FORMAT + 1, "anything": "else"})
    header = graphstate.read_header(kept)
    assert header is not None and not graphstate.usable(header, {})
    (kept / graphstate.STATE).write_bytes(b"\x03\x00\x00\x00abc")
    with pytest.raises(graphstate.StateError, match=str(kept / graphstate.STATE)):
        graphstate.read_header(kept)
