"""Chinese personal names written in pinyin: a surname list and the syllable grammar.

A generic English person tagger does badly on "Zou Lianke" or "Lu Shen Chen
Guanhe"; Chinese names follow a tight grammar instead: a surname from a
closed list, then a given name of one to three pinyin syllables written as
one capitalised word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.trie import trie_pattern
from kgraph.lexicon import table, word_list

#: Words that follow a "name" and show it is a place or thing, not a person.
NOT_AFTER = re.compile(
    r"\s*(?:County|District|City|Province|Town|Township|River|Street|Village|Lake|Road|"
    r"Mountain|Dynasty|Subdistrict|Community|New Area|Daily|News|Online|Evening)\b"
)


@lru_cache(maxsize=1)
def surnames() -> dict[str, str]:
    """Pinyin surname -> Chinese surname."""
    out: dict[str, str] = {}
    for row in table("surnames.tsv"):
        out.setdefault(row["pinyin"], row["zh"])
    return out


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    return word_list("pinyin_syllables.txt")


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether a word splits into one to three pinyin syllables ("Jinping", "Xin'an")."""
    w = word.lower().replace("'", "").replace("’", "").replace("-", "")
    if not w.isalpha() or not w.isascii() or len(w) > 18:
        return False
    syl = syllables()
    n = len(w)
    best = [99] * (n + 1)
    best[0] = 0
    for i in range(n):
        if best[i] == 99:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            if w[i:j] in syl and best[i] + 1 < best[j]:
                best[j] = best[i] + 1
    return best[n] <= 3


@lru_cache(maxsize=1)
def name_pattern() -> re.Pattern[str]:
    """Surname + given name, e.g. "Zhang Yigong"; the given name is checked afterwards."""
    alts = trie_pattern(sorted(surnames()), flexible_space=False)
    return re.compile(rf"\b({alts})\s([A-Z][a-z]+(?:['-](?!s\b)[a-z]+)?)\b")


@dataclass(frozen=True)
class NameMatch:
    name: str
    start: int
    end: int


def find_names(text: str, offset: int = 0) -> list[NameMatch]:
    """Every pinyin personal name in text (offsets shifted by ``offset``); apostrophes are straight."""
    out: list[NameMatch] = []
    for m in name_pattern().finditer(text):
        given = m.group(2)
        if not is_given_name(given) or NOT_AFTER.match(text, m.end()):
            continue
        out.append(NameMatch(f"{m.group(1)} {given}", offset + m.start(), offset + m.end()))
    return out
