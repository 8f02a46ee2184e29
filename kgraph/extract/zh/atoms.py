"""Chinese atoms: places, levels, body heads, central bodies, titles and campaigns in one pass.

The Chinese naming grammar reads left to right: [中共] [place] [level 省/市/县/区]
head (head ...), each head a unit of the one before (人大 → 常委会 → 党组), so
the atoms are already in naming order, except two forms this module puts in
it: 中国共产党北京市委员会 (委员会 after the place is the party committee) and
政协重庆市渝中区第十五届委员会 (the CPPCC named before its place).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from kgraph.extract.atoms import Atom, Head, Place
from kgraph.extract.levels import level_forms
from kgraph.extract.zh.lexicon import SPECIAL, automaton, level_pattern, parse_zh_number
from kgraph.extract.zh.names import name_at
from kgraph.gazetteer import Gazetteer, level_words

COMMITTEE = "委员会"
CPPCC = ("cppcc",)
WHOLE = re.compile("全(" + "|".join(sorted(level_forms("zh"), key=len, reverse=True)) + ")")


@lru_cache(maxsize=1)
def lower_pattern() -> re.Pattern[str]:
    """A place below the county by its suffix (峄山镇, 虹桥街道), starting after a delimiter or a
    preposition, and not a body or title word (镇长, 镇党委)."""
    suffixes = "|".join(sorted(level_words("zh"), key=len, reverse=True))
    return re.compile(
        r"(?:^|(?<=[、,，。;；:：(（ 对在到和与及]))(?![对在到和与及])"
        rf"([\u4e00-\u9fff]{{2,3}}?)({suffixes})(?![长委政党])"
    )


def find_atoms(text: str, gaz: Gazetteer, cuts: Container[int]) -> list[Atom]:
    """Atoms of one sentence in naming order. Short county names count only where jieba also cuts them
    out, and a short place name inside a personal name (新安 in 张新安) is none."""
    out: list[Atom] = []
    taken = bytearray(len(text))
    for m in SPECIAL.finditer(text):
        a, b, word = m.start(), m.end(), m.group(0)
        if m.lastgroup == "steer":
            kind = "circuit_guidance_group" if m.group(3) else "steering_group"
            value: object = ("cpc", "central_committee", f"{kind}:{parse_zh_number(m.group(2))}")
            out.append(Atom("national", a, b, word, value))
        elif m.lastgroup == "congress":
            out.append(Atom("national", a, b, word, ("cpc", f"national_congress:{parse_zh_number(m.group(5))}")))
        else:
            out.append(Atom("ordinal", a, b, word))
        taken[a:b] = b"\x01" * (b - a)
    for end, (word, kind, value) in automaton().iter_long(text):
        b = end + 1
        a = b - len(word)
        if any(taken[a:b]):
            continue
        if kind == "region":
            codes = _region_codes(word, value, gaz, a, b, cuts)  # type: ignore[arg-type]
            if not codes or _inside_name(text, a, word, cuts):
                continue
            value = Place(codes=codes)
        out.append(Atom(kind, a, b, word, value))
        taken[a:b] = b"\x01" * (b - a)
    levels = level_forms("zh")
    for m in level_pattern().finditer(text):
        if not any(taken[m.start() : m.end()]):
            out.append(Atom("level", m.start(), m.end(), m.group(0), levels[m.group(0)]))
    out.sort(key=lambda x: x.start)
    return _naming_order(text, out)


def _region_codes(word: str, codes: list[str], gaz: Gazetteer, a: int, b: int, cuts: Container[int]) -> list[str]:
    full = [c for c in codes if gaz.regions[c].zh == word]
    if full:
        return full
    # A short name ("宽城", "中山") must stand as its own word, and county-level districts' short
    # names (和平, 城关, 新华) are too common to trust at all.
    short = [c for c in codes if gaz.regions[c].kind != "district"]
    if short and a in cuts and b in cuts:
        return short
    return []


def _inside_name(text: str, start: int, word: str, cuts: Container[int]) -> bool:
    """新安 in 张新安, 东方 in 刘东方: a short place name that is part of a personal name."""
    if len(word) > 2 or start == 0:
        return False
    for back in (1, 2):
        s = start - back
        if s >= 0 and name_at(text, s, cuts) >= back + len(word):
            return True
    return False


def _naming_order(text: str, atoms: list[Atom]) -> list[Atom]:
    """Put 中国共产党…委员会 and 政协…委员会 (the type before the place) in naming order."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if (isinstance(atom.value, Head) and atom.value.paths == (CPPCC,)) or (
            atom.kind == "national" and atom.value == CPPCC
        ):
            j, places = i + 1, []
            while j < len(atoms) and atoms[j].start == atoms[j - 1].end and atoms[j].kind in ("region", "ordinal"):
                places.append(atoms[j])
                j += 1
            if any(p.kind == "region" for p in places):
                end = places[-1].end
                if j < len(atoms) and atoms[j].text == COMMITTEE and atoms[j].start == end:
                    end, j = atoms[j].end, j + 1
                out += places
                out.append(Atom("head", atom.start, end, text[atom.start : end], Head((CPPCC,))))
                i = j
                continue
        if atom.text == COMMITTEE and _after_cpc(atoms, i):
            atom = Atom("head", atom.start, atom.end, COMMITTEE, Head((("party_committee",),)))
        out.append(atom)
        i += 1
    return out


def _after_cpc(atoms: list[Atom], i: int) -> bool:
    """Whether atoms[i] (委员会) follows 中共 and places directly (中共北京市委员会)."""
    j = i
    while j > 0 and atoms[j - 1].end == atoms[j].start and atoms[j - 1].kind == "region":
        j -= 1
    return j < i and j > 0 and atoms[j - 1].kind == "cpc" and atoms[j - 1].end == atoms[j].start


def whole_atoms(text: str) -> list[Atom]:
    """全省, 全市, 全县, 全区: the article's region of that level as a place."""
    levels = level_forms("zh")
    return [Atom("whole", m.start(), m.end(), m.group(0), levels[m.group(1)]) for m in WHOLE.finditer(text)]


def lower_atoms(text: str) -> list[Atom]:
    """Places below the county by their suffix, as region atoms to be placed under their parent."""
    from kgraph.extract.zh.lexicon import word_tags
    from kgraph.extract.zh.names import pinyin_word

    words = level_words("zh")
    tags = word_tags()
    out = []
    for m in lower_pattern().finditer(text):
        if not tags.get(m.group(1), "ns").startswith("ns"):
            continue  # 了解村, 所属村: a common word before the suffix is no place name
        word = words[m.group(2)]
        en = f"{pinyin_word(m.group(1))} {word}"
        out.append(Atom("region", m.start(), m.end(), m.group(0), Place(lower=(en, m.group(0), word))))
    return out
