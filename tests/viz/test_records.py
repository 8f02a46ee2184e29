"""A node's evidence panel reads only the sentences it may show, and shows what reading them all would."""

from __future__ import annotations

import random

from kgraph.evidence import EvidenceBook, EvidenceList
from kgraph.viz import records
from kgraph.viz.records import MAX_EVIDENCE, _evidence


def _all_read(items: list[dict], articles: dict[str, tuple[str, str, str]]) -> list[dict]:
    """The panel as it was made by reading every sentence: dedupe, sort, cut."""
    out, seen = [], set()
    for ev in items:
        if (ev["article"], ev["sentence"]) in seen:
            continue
        seen.add((ev["article"], ev["sentence"]))
        title, date, _ = articles.get(ev["article"], ("", "", ""))
        out.append({"article": ev["article"], "headline": title, "date": date, "sentence": ev["sentence"]})
    return sorted(out, key=lambda e: (e["date"], e["article"], e["sentence"]))[:MAX_EVIDENCE]


def test_the_panel_equals_reading_every_sentence() -> None:
    rng = random.Random(7)
    for _ in range(50):
        articles = {
            f"a{i}": (f"Headline {i}", f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "") for i in range(30)
        }
        book = EvidenceBook()
        lists: list = []
        every: list[dict] = []
        for _ in range(rng.randint(0, 8)):
            items = [
                {
                    "article": f"a{rng.randrange(32)}",
                    "start": rng.randrange(99),
                    "end": 100,
                    "sentence": f"s{rng.randrange(5)}",
                }
                for _ in range(rng.randint(1, 9))
            ]
            lists.append(EvidenceList(book, items) if rng.random() < 0.5 else items)
            every += items
        assert _evidence(lists, articles) == _all_read(every, articles)


def test_only_the_earliest_articles_sentences_are_read(monkeypatch) -> None:
    articles = {f"a{i:03}": ("", f"2024-01-{1 + i % 28:02}", "") for i in range(300)}
    items = EvidenceList(EvidenceBook(), [{"article": a, "start": 0, "end": 1, "sentence": a} for a in articles])
    read = []
    item = EvidenceList._item
    monkeypatch.setattr(EvidenceList, "_item", lambda self, i: read.append(i) or item(self, i))
    shown = records._evidence([items], articles)
    assert len(shown) == MAX_EVIDENCE
    assert len(read) < 3 * MAX_EVIDENCE
