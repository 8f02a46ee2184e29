"""Regions named in English text: gazetteer names, lower-level places by suffix, rivers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.pinyin_names import is_given_name, surnames
from kgraph.gazetteer import Gazetteer

# Runs of capitalised words ("Guangxi Zhuang Autonomous Region", "Xi'an", "Gui’an").
CAP_RUN = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?(?:[ -](?:[A-Z][a-z]+(?:['’][a-z]+)?|and))*")
LOWER = re.compile(
    r"\b([A-Z][a-z]+(?:['’][a-z]+)?)\s+(Town|Township|Subdistrict|Street|Village|Community|"
    r"town|township|subdistrict|village|community)\b"
)
FEATURE = re.compile(r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)\s+(River|Lake|Reservoir)\b")
NOT_AFTER = re.compile(r"\s+(?:News|Daily|Agency|Online|Evening|Times|Post|Radio|Television|TV)\b")
PLACES_EN = {"china": "100000", "north china": None}

LOWER_WORDS = {
    "town": "Town",
    "township": "Township",
    "subdistrict": "Subdistrict",
    "street": "Subdistrict",
    "village": "Village",
    "community": "Community",
}


@dataclass
class RegionMatch:
    """A region named in text; ``codes`` holds every region of that name until one is chosen."""

    codes: list[str]
    start: int
    end: int
    surface: str
    lower: tuple[str, str] | None = None  # (name, level word) for places below the county
    feature: bool = False


def find_regions(text: str, gaz: Gazetteer, offset: int = 0) -> list[RegionMatch]:
    """Regions in a sentence, longest names first, without overlaps."""
    found: list[RegionMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in LOWER.finditer(text):
        name, word = m.group(1), m.group(2)
        if gaz.lookup_en(f"{name} {word.capitalize()}") or not is_given_name(name):
            continue
        level_word = LOWER_WORDS[word.lower()]
        canonical = f"{name.replace('’', chr(39))} {level_word}"
        found.append(RegionMatch([], offset + m.start(), offset + m.end(), canonical, (canonical, level_word)))
        taken.append((m.start(), m.end()))
    for m in FEATURE.finditer(text):
        words = m.group(1).split()
        name = words[-1]
        if not is_given_name(name) or not free(m.start(), m.end()):
            continue
        start = m.end(1) - len(name)
        surface = f"{name} {m.group(2)}"
        found.append(RegionMatch([], offset + start, offset + m.end(), surface, feature=True))
        taken.append((start, m.end()))
    for m in CAP_RUN.finditer(text):
        tokens = [
            (t.group(0), m.start() + t.start(), m.start() + t.end())
            for t in re.finditer(r"[A-Za-z]+(?:['’][a-z]+)?", m.group(0))
        ]
        i = 0
        first = gaz.first_words()
        while i < len(tokens):
            if tokens[i][0].lower().replace("’", "'") not in first:
                i += 1
                continue
            hit = None
            for j in range(min(len(tokens), i + 6), i, -1):
                a, b = tokens[i][1], tokens[j - 1][2]
                surface = text[a:b].replace("’", "'")
                codes = gaz.lookup_en(surface)
                if not codes and surface.lower() in PLACES_EN and PLACES_EN[surface.lower()]:
                    codes = [PLACES_EN[surface.lower()]]
                if j == i + 1 and surface in surnames():
                    codes = []  # "Cao went to ...": a surname alone is not Cao County
                if codes and free(a, b) and not NOT_AFTER.match(text, b):
                    hit = (j, a, b, surface, codes)
                    break
            if hit:
                j, a, b, surface, codes = hit
                found.append(RegionMatch(list(codes), offset + a, offset + b, surface))
                taken.append((a, b))
                i = j
            else:
                i += 1
    found.sort(key=lambda r: r.start)
    return found
