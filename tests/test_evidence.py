"""Evidence lists read like lists of dicts while their records sit packed and their sentences on disk."""

from __future__ import annotations

import copy
import pickle

import pytest

from kgraph import evidence as E
from kgraph.article import Article
from kgraph.facts import Entity, Evidence, Facts, Relation
from kgraph.graph import build_graph


def _ev(article: str, start: int, sentence: str) -> dict:
    return {"article": article, "start": start, "end": start + 3, "sentence": sentence}


def test_a_list_reads_back_what_was_appended() -> None:
    book = E.EvidenceBook()
    items = [_ev("a1", 0, "First sentence."), _ev("a1", 20, "Second, with “quotes” and 中文."), _ev("a2", 5, "")]
    found = E.EvidenceList(book, items)
    assert len(found) == 3 and bool(found)
    assert list(found) == items
    assert found == items and found[1] == items[1] and found[-1] == items[-1] and found[1:] == items[1:]
    assert found.article(1) == "a1"
    assert list(found.records()) == [(e["article"], e["start"], e["end"], e["sentence"]) for e in items]
    with pytest.raises(IndexError):
        found[3]
    assert not E.EvidenceList(book)


def test_a_sentence_is_stored_once_per_article() -> None:
    book = E.EvidenceBook()
    book.start_article()
    a = E.EvidenceList(book, [_ev("a1", 0, "Same."), _ev("a1", 9, "Same.")])
    b = E.EvidenceList(book, [_ev("a1", 30, "Same.")])
    assert len(book) == 1
    book.start_article()
    E.EvidenceList(book, [_ev("a2", 0, "Same.")])
    assert len(book) == 2
    assert [e["sentence"] for e in (*a, *b)] == ["Same."] * 3


def test_sentences_survive_the_buffer_being_written_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(E, "BUFFER", 10)
    book = E.EvidenceBook()
    texts = [f"sentence {i} " + "字" * (i % 7) + "\ud800" * (i % 2) for i in range(200)]  # lone surrogates too
    lists = []
    for i, text in enumerate(texts):
        book.start_article()
        lists.append(E.EvidenceList(book, [_ev(f"a{i}", i, text)]))
        assert lists[0][0]["sentence"] == texts[0]  # reads interleaved with writes
    assert [x[0]["sentence"] for x in lists] == texts


def test_copies_and_pickles_are_plain_lists() -> None:
    items = [_ev("a1", 0, "One."), _ev("a2", 4, "Two.")]
    found = E.EvidenceList(E.EvidenceBook(), items)
    for copied in (copy.deepcopy(found), copy.copy(found), pickle.loads(pickle.dumps(found))):
        assert type(copied) is list and copied == items
    with pytest.raises(TypeError):
        pickle.dumps(found.book)


def test_new_evidence_is_packed_only_where_the_graph_keeps_a_book() -> None:
    import networkx as nx

    plain: nx.MultiDiGraph = nx.MultiDiGraph()
    assert E.new_evidence(plain) == [] and type(E.new_evidence(plain)) is list
    plain.graph[E.EVIDENCE_BOOK] = E.EvidenceBook()
    assert isinstance(E.new_evidence(plain), E.EvidenceList)


def test_a_built_graph_keeps_its_evidence_packed() -> None:
    facts = Facts(Article(id="a1", date="2024-01-02", title="T", text="Li Qiang met Wang Yi."))
    li = facts.add_entity(Entity("person/li", "Official", "Li Qiang"), Evidence("a1", 0, 8, "Li Qiang met Wang Yi."))
    body = facts.add_entity(Entity("body/x", "Body", "X"), Evidence("a1", 13, 20, "Li Qiang met Wang Yi."))
    facts.add_relation(Relation("holds_post", li, body, "Premier", Evidence("a1", 0, 20, "Li Qiang met Wang Yi.")))
    g = build_graph([facts])
    mention = g.edges["article/a1", li, "mentions"]["evidence"]
    post = g.edges[li, body, "holds_postPremier"]["evidence"]
    assert isinstance(mention, E.EvidenceList) and isinstance(post, E.EvidenceList)
    assert mention == [{"article": "a1", "start": 0, "end": 8, "sentence": "Li Qiang met Wang Yi."}]
    assert post == [{"article": "a1", "start": 0, "end": 20, "sentence": "Li Qiang met Wang Yi."}]
    assert len(g.graph[E.EVIDENCE_BOOK]) == 1  # one sentence, quoted three times


def test_records_sort_by_article_keeping_each_articles_own_order() -> None:
    book = E.EvidenceBook()
    items = [_ev("b", 9, "B1."), _ev("c", 0, "C."), _ev("b", 2, "B2."), _ev("a", 5, "A.")]
    packed = E.EvidenceList(book, items)
    E.sort_by_article(packed)
    plain = list(items)
    E.sort_by_article(plain)
    expected = [items[3], items[0], items[2], items[1]]
    assert list(packed) == expected and plain == expected
    again = E.EvidenceList.of(book, packed.data.tobytes())
    assert again == expected and again.last_article() == "c" and E.EvidenceList(book).last_article() is None


def test_a_saved_book_resumes_without_what_a_stopped_build_appended(tmp_path) -> None:
    book = E.EvidenceBook()
    first = E.EvidenceList(book, [_ev("a1", 0, "Kept one."), _ev("a2", 3, "Kept two, 中文.")])
    ids, ends = book.save(tmp_path / "sentences.bin")
    resumed = E.EvidenceBook.resume(tmp_path / "sentences.bin", list(ids), ends)
    later = E.EvidenceList(resumed, [_ev("a3", 1, "Never saved.")])  # a build that stops before it saves
    resumed._flush()
    assert later == [_ev("a3", 1, "Never saved.")]
    resumed.close()
    assert (tmp_path / "sentences.bin").stat().st_size > len("Kept one.Kept two, 中文.".encode())
    again = E.EvidenceBook.resume(tmp_path / "sentences.bin", list(ids), ends)
    assert E.EvidenceList.of(again, first.data.tobytes()) == list(first)
    added = E.EvidenceList(again, [_ev("a4", 0, "Appended after.")])
    assert (tmp_path / "sentences.bin").stat().st_size == len("Kept one.Kept two, 中文.".encode())
    assert list(added) == [_ev("a4", 0, "Appended after.")] and again.article("a4") == 2
    ids2, ends2 = again.save(tmp_path / "sentences.bin")  # its own file: saved in place
    assert ids2 == ["a1", "a2", "a4"] and len(ends2) == 4 * 8
