"""A Chinese sentence read once for its words and clauses answers as a search from each offset would."""

import random
import re

from kgraph.extract.zh.named import Named
from kgraph.extract.zh.scans import Scans

#: Words that overlap each other, so that a search from inside one finds what the reading of the whole skips.
WORDS = re.compile("免去职务|免去|去职|任命|命为|辞去")
TEXT = "会议决定免去职务任命为任命张三为主任,免去李四辞去职务,去职免去职务"


def test_the_last_word_before_an_offset_is_that_of_a_scan_up_to_it():
    scans = Scans(TEXT)
    for end in range(len(TEXT) + 1):
        found = list(WORDS.finditer(TEXT, 0, end))
        got = scans.last_before(WORDS, end)
        assert (got.span() if got else None) == (found[-1].span() if found else None), end


def test_the_next_word_from_an_offset_is_that_of_a_search_from_it():
    scans = Scans(TEXT)
    for pos in range(len(TEXT) + 1):
        want = WORDS.search(TEXT, pos)
        got = scans.search_from(WORDS, pos)
        assert (got.span() if got else None) == (want.span() if want else None), pos


def test_the_clause_around_an_offset():
    scans = Scans("甲乙,丙丁;戊")
    assert [scans.clause(p) for p in (0, 2, 3, 5, 6)] == [(0, 2), (0, 2), (3, 5), (3, 5), (6, 7)]


def _listed(text: str, names: list[tuple[int, int]], end: int, person: frozenset[str]) -> list[tuple[int, int]]:
    """The names right before ``end`` and those listed with them by 、, by scanning them all (the rule
    :meth:`Named.listed` answers by bisection)."""
    last = next(((s, e) for s, e in reversed(names) if e == end or text[e:end] in person), None)
    if last is None:
        return []
    out = [last]
    for s, e in reversed(names):
        if e < out[0][0] and text[e : out[0][0]] == "、":
            out.insert(0, (s, e))
    return out


def test_listed_names_are_those_a_scan_of_all_names_finds():
    rng = random.Random(7)
    person = frozenset({"同志", "等"})
    for _ in range(300):
        text = "".join(rng.choice("甲乙丙、、同志等为") for _ in range(30))
        names = sorted({(s, s + rng.randint(1, 3)) for s in rng.sample(range(28), rng.randint(0, 10))})
        named = Named(text, names)
        for end in range(len(text) + 1):
            before = [(s, e) for s, e in names if e <= end]
            assert named.listed(end, person) == _listed(text, before, end, person), (text, names, end)
            assert named.last_ending_by(end) == (before[-1] if before else None)
