"""The fact store: Facts survive the round trip exactly, and a change to the extractor invalidates them."""

from dataclasses import replace

import pytest

from kgraph import factstore as fs
from kgraph.export import rdf
from kgraph.graph import build_graph
from kgraph.pipeline import build, read_articles

from .conftest import ROOT, SHARED, fingerprint_changes


@pytest.fixture(scope="module")
def dev_facts():
    return build([ROOT / "seeds", SHARED / "dev" / "articles"], keep_facts=True).facts


def test_facts_survive_the_round_trip_exactly(dev_facts):
    back = [fs.decode(fs.encode(f)) for f in dev_facts]
    for a, b in zip(dev_facts, back):
        assert b.article == replace(a.article, text="")  # the key pins the text; a build reads it anew
        assert (a.entities, a.mentions, a.evidence) == (b.entities, b.mentions, b.evidence)
        assert (a.relations, a.post_times, a.bylines, a.outlets, a.authors) == (
            b.relations,
            b.post_times,
            b.bylines,
            b.outlets,
            b.authors,
        )
    assert rdf.triples(build_graph(back)) == rdf.triples(build_graph(dev_facts))


def test_the_json_carries_every_field_of_facts(dev_facts):
    assert set(fs.to_json(dev_facts[0])) == {*fs.field_names(), "sentences"}


def test_each_sentence_is_written_once_and_the_text_not_at_all(dev_facts):
    for f in dev_facts:
        d = fs.to_json(f)
        quoted = {e.sentence for v in f.evidence.values() for e in v} | {
            r.evidence.sentence for r in f.relations if r.evidence
        }
        assert sorted(d["sentences"]) == sorted(quoted) and "text" not in d["article"]


def test_the_store_keeps_facts_across_openings_and_prunes_the_rest(tmp_path, dev_facts):
    keyed = {fs.article_key(f.article): f for f in dev_facts[:4]}
    with fs.FactStore(tmp_path / "facts.sqlite") as store:
        store.put_many(keyed.items())
    with fs.FactStore(tmp_path / "facts.sqlite") as store:
        got = store.get_many([*keyed, "missing"])
        assert set(got) == set(keyed)
        first, *rest = sorted(keyed)
        assert store.prune(rest) == 1
        assert set(store.keys()) == set(rest)


def test_an_article_key_follows_its_fields_not_its_file():
    (article,), _ = read_articles([sorted((ROOT / "seeds").glob("*.txt"))[0]])
    key = fs.article_key(article)
    assert fs.article_key(replace(article, path="/elsewhere/a.txt")) == key
    assert fs.article_key(replace(article, text=article.text + " ")) != key
    assert fs.article_key(replace(article, date="1999-01-01")) != key
    assert fs.article_key(article, extractor="another") != key


@pytest.mark.parametrize(
    ("path", "invalidates"),
    [
        ("data/titles.tsv", True),  # a lexicon row
        ("extract/zh/names.py", True),  # a pack
        ("facts.py", True),  # a module extraction imports
        ("naming.py", True),
        ("cli.py", False),  # the command line is not the extractor
        ("export/rdf.py", False),
        ("viz/explorer.js", False),
    ],
)
def test_a_change_to_the_extractor_and_nothing_else_invalidates_the_facts(tmp_path, path, invalidates):
    assert fingerprint_changes(fs.fingerprint, fs.PACKAGE, tmp_path, path) is invalidates


def test_reading_some_articles_decodes_only_theirs(tmp_path, dev_facts, monkeypatch):
    """A build reads the store a chunk of articles at a time: each read must cost its chunk, not the store."""
    keys = {f.article.id: fs.article_key(f.article) for f in dev_facts}
    with fs.FactStore(tmp_path / "facts.sqlite") as store:
        store.put_many((keys[f.article.id], f) for f in dev_facts)
        decoded = []
        real = fs.decode
        monkeypatch.setattr(fs, "decode", lambda blob: decoded.append(1) or real(blob))
        got = store.get_for([dev_facts[0].article, dev_facts[1].article], keys)
    assert set(got) == {dev_facts[0].article.id, dev_facts[1].article.id} and len(decoded) == 2
