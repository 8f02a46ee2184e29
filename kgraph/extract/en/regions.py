"""Places named in English: gazetteer names, places below the county by their level word, rivers."""

from __future__ import annotations

import re

from kgraph.extract.atoms import Atom, Place
from kgraph.extract.en.names import is_given_name, surnames
from kgraph.extract.spans import Claims
from kgraph.gazetteer import Gazetteer, level_words
from kgraph.lexicon import split, table

# Runs of capitalised words ("Guangxi Zhuang Autonomous Region", "Xi'an").
CAP_RUN = re.compile(r"\b[A-Z][a-z]+(?:'[a-z]+)?(?:[ -](?:[A-Z][a-z]+(?:'[a-z]+)?|and))*")
TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
MAX_WORDS = 6


def _lower_pattern() -> re.Pattern[str]:
    words = sorted(level_words("en"), key=len, reverse=True)
    alternation = "|".join(w.capitalize() for w in words) + "|" + "|".join(words)
    return re.compile(rf"\b([A-Z][a-z]+(?:'[a-z]+)?)\s+({alternation})\b")


def _feature_pattern() -> re.Pattern[str]:
    words = [r["en"] for r in table("feature_words.tsv")]
    return re.compile(rf"\b((?:[A-Z][a-z]+\s){{0,2}}[A-Z][a-z]+)\s+({'|'.join(words)})\b")


def _not_after() -> re.Pattern[str]:
    words = [w for r in table("outlet_words.tsv") for w in split(r["en"])]
    return re.compile(rf"\s+(?:{'|'.join(words)})\b")


LOWER = _lower_pattern()
FEATURE = _feature_pattern()
NOT_AFTER = _not_after()  # "Xinhua News Agency", "Guangming Daily": an outlet, not a place


def find_regions(text: str, gaz: Gazetteer) -> list[Atom]:
    """Places in a sentence, longest names first, without overlaps."""
    found: list[Atom] = []
    claims = Claims()
    words = level_words("en")
    for m in LOWER.finditer(text):
        name, word = m.group(1), m.group(2)
        if gaz.lookup_en(f"{name} {word.capitalize()}") or not is_given_name(name):
            continue
        if not claims.claim(m.start(), m.end()):
            continue
        canonical = f"{name} {words[word.lower()]}"
        place = Place(lower=(canonical, "", words[word.lower()]), surface=canonical)
        found.append(Atom("region", m.start(), m.end(), m.group(0), place))
    for m in FEATURE.finditer(text):
        name = m.group(1).split()[-1]
        start = m.end(1) - len(name)
        if not is_given_name(name) or not claims.free(m.start(), m.end()):
            continue
        claims.claim(start, m.end())
        surface = f"{name} {m.group(2)}"
        found.append(Atom("region", start, m.end(), surface, Place(feature=True, surface=surface)))
    first = gaz.first_words()
    for m in CAP_RUN.finditer(text):
        tokens = [(t.group(0), m.start() + t.start(), m.start() + t.end()) for t in TOKEN.finditer(m.group(0))]
        i = 0
        while i < len(tokens):
            if tokens[i][0].lower() not in first:
                i += 1
                continue
            hit = None
            for j in range(min(len(tokens), i + MAX_WORDS), i, -1):
                a, b = tokens[i][1], tokens[j - 1][2]
                surface = text[a:b]
                codes = gaz.lookup_en(surface)
                if j == i + 1 and surface in surnames():
                    codes = []  # "Cao went to ...": a surname alone is not Cao County
                if codes and claims.free(a, b) and not NOT_AFTER.match(text, b):
                    hit = (j, a, b, surface, codes)
                    break
            if hit:
                j, a, b, surface, codes = hit
                claims.claim(a, b)
                found.append(Atom("region", a, b, surface, Place(codes=list(codes), surface=surface)))
                i = j
            else:
                i += 1
    found.sort(key=lambda r: r.start)
    return found
