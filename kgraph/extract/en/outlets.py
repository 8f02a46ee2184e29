"""News outlets named in English: the state media by name, and "<place> Daily" by its last word.

"(Xinhua)", "Source: Xinhua", "Xinhua News Agency", "People's Daily", "CGTN" are outlets
(``en_outlets.tsv``), and so is a place or pinyin name with an outlet word ("Zhejiang Daily", "Quanzhou
Evening News", ``outlet_words.tsv``). An outlet is never a place: "Xinhua" is the agency, and Xinhua County
only where a capitalised word follows ("Xinhua County", "Xinhua Road").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.en.names import is_given_name
from kgraph.extract.spans import SpanIndex
from kgraph.extract.trie import trie_pattern
from kgraph.gazetteer import Gazetteer
from kgraph.lexicon import split, table


@dataclass(frozen=True)
class OutletMatch:
    name: str  # canonical English name
    zh: str
    surface: str
    start: int
    end: int


@lru_cache(maxsize=1)
def outlet_forms() -> dict[str, tuple[str, str]]:
    """Surface form -> (canonical English name, Chinese name)."""
    out: dict[str, tuple[str, str]] = {}
    for row in table("en_outlets.tsv"):
        for form in (row["en"], *split(row["en_alt"])):
            out.setdefault(form, (row["en"], row["zh"]))
    return out


@lru_cache(maxsize=1)
def outlet_pattern() -> re.Pattern[str]:
    """Listed outlets, not followed by a capitalised word that makes them part of a longer name."""
    listed = trie_pattern(sorted(outlet_forms()))
    return re.compile(rf"(?:{listed})(?![\w'-])(?!\s+[A-Z][a-z]+\b(?!:))")


@lru_cache(maxsize=1)
def outlet_word_pattern() -> re.Pattern[str]:
    """Outlet words ending a name ("Daily", "Evening News"), to find "<place> Daily" from its end."""
    words = "|".join(sorted((w for r in table("outlet_words.tsv") for w in split(r["en"])), key=len, reverse=True))
    return re.compile(rf"(?:{words})(?:\s+(?:{words}))*\b")


#: Up to three capitalised words right before an outlet word: the outlet's name.
NAME_BEFORE = re.compile(r"(?:^|(?<=[^\w'-]))((?:[A-Z][a-z]+(?:'[a-z]+)?\s+){0,2}[A-Z][a-z]+(?:'[a-z]+)?)$")


def find_outlets(text: str, gaz: Gazetteer) -> list[OutletMatch]:
    """Every outlet the text names, in order."""
    forms = outlet_forms()
    out: list[OutletMatch] = []
    for m in outlet_pattern().finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'-_"):
            continue  # inside a longer word (the pattern starts with the names, for speed)
        name, zh = forms[re.sub(r"\s+", " ", m.group(0))]
        out.append(OutletMatch(name, zh, m.group(0), m.start(), m.end()))
    taken = SpanIndex((o.start, o.end) for o in out)
    for m in outlet_word_pattern().finditer(text):
        if not text[m.start() - 2 : m.start()].rstrip().islower() or not text[m.start() - 1 : m.start()].isspace():
            continue  # the word after a name and a space ("Zhejiang Daily")
        before = NAME_BEFORE.search(text, max(0, m.start() - 60), m.start() - 1)
        if before is None or taken.overlaps(before.start(1), m.end()):
            continue
        words = before.group(1).split()
        # the name starts at the first word that is a place or a pinyin name ("according to Zhejiang Daily")
        k = next((i for i, w in enumerate(words) if gaz.lookup_en(w) or is_given_name(w)), None)
        if k is None:
            continue
        start = before.start(1) + before.group(1).index(words[k])
        surface = re.sub(r"\s+", " ", text[start : m.end()])
        name, zh = forms.get(surface, (surface, ""))
        out.append(OutletMatch(name, zh, surface, start, m.end()))
    return sorted(out, key=lambda o: o.start)
