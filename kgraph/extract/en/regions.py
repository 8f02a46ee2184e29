"""Places named in English: gazetteer names, places below the county by their level word, rivers, mountains.

A place's level noun may be written in lower case ("Pingli county, Shaanxi province"); a place below the county
may be named with its level word before it ("the village of Jinmi") or in an appositive ("Jiangjiaping, a
village in Pingli county"). The words around place names are data (``en_place_words.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.atoms import Atom, Place
from kgraph.extract.en.names import is_given_name, surnames
from kgraph.extract.phrases import Phrases, folded
from kgraph.extract.spans import Claims
from kgraph.gazetteer import Gazetteer, level_words, shared
from kgraph.lexicon import split, table

# Runs of capitalised words ("Guangxi Zhuang Autonomous Region", "Xi'an"), and their words: a possessive is the
# place's ("Yunnan's Party chief"), an apostrophe inside a word part of the name ("Xi'an").
CAP_RUN = re.compile(r"\b[A-Z][a-z]+(?:'[a-z]+)?(?:[ -](?:[A-Z][a-z]+(?:'[a-z]+)?|and))*")
TOKEN = re.compile(r"[A-Za-z]+(?:'(?!s\b)[a-z]+)?")
MAX_WORDS = 6
NAME = r"[A-Z][a-z]+(?:'[a-z]+)?"


@lru_cache(maxsize=1)
def place_words() -> dict[str, list[tuple[str, str]]]:
    """Role -> (word, level) pairs of ``en_place_words.tsv``, longest word first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table("en_place_words.tsv"):
        out.setdefault(row["role"], []).extend((w, row["level"]) for w in split(row["words"]))
    return {role: sorted(pairs, key=lambda p: -len(p[0])) for role, pairs in out.items()}


def words_of(role: str) -> str:
    """An alternation of the words of one role, spaces flexible."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in place_words()[role])


def level_nouns() -> dict[str, str]:
    """Lower-cased level noun -> the level it names ("province" -> "province", "municipality" -> "city")."""
    return {w: level for w, level in place_words()["noun"]}


#: A regional descriptor before a place: "east China's", "Southwest China's" (not a place itself).
DESCRIPTOR = rf"(?:(?i:{words_of('compass')})\s+)?China's\s+"


def _lower_pattern() -> re.Pattern[str]:
    words = sorted(level_words("en"), key=len, reverse=True)
    alternation = "|".join(w.capitalize() for w in words) + "|" + "|".join(words)
    return re.compile(rf"\b({NAME})\s+({alternation})\b")


def _level_first_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A place below the county with its level word first: "the village of Jinmi"; or in an appositive after the
    name: "Jiangjiaping, a village in" (found from the comma, the name read back from it)."""
    words = sorted(level_words("en"), key=len, reverse=True)
    alternation = "|".join(words) + "|" + "|".join(w.capitalize() for w in words)
    return (
        re.compile(rf"\b({alternation})\s+of\s+({NAME})\b"),
        re.compile(rf",\s+(?:a|an|the)\s+(?:[a-z]+\s+){{0,2}}?({alternation})(?=\s+(?:in|of|under)\b|\s*[,.;])"),
    )


def _feature_pattern() -> re.Pattern[str]:
    """The word that ends a feature's name ("River", "Mountains"); the name is read back from it."""
    words = sorted((r["en"] for r in table("feature_words.tsv")), key=len, reverse=True)
    return re.compile(rf"\s+({'|'.join(words)})\b")


FEATURE_NAME = re.compile(r"(?:[A-Z][a-z]+\s){0,2}([A-Z][a-z]+)$")


def _not_after() -> re.Pattern[str]:
    words = [w for r in table("outlet_words.tsv") for w in split(r["en"])]
    return re.compile(rf"\s+(?:{'|'.join(words)})\b")


LOWER = _lower_pattern()
LEVEL_OF, LEVEL_APPOSITIVE = _level_first_patterns()
NAME_BEFORE = re.compile(rf"\b({NAME})$")
LEVEL_WORDS = tuple(level_words("en"))
FEATURE = _feature_pattern()
NOT_AFTER = _not_after()  # "Xinhua News Agency", "Guangming Daily": an outlet, not a place
#: A level noun in lower case after a place's name: "Pingli county", "Shaanxi province".
NOUN_AFTER = re.compile(rf"\s+({words_of('noun')})\b")


def find_regions(text: str, gaz: Gazetteer, low: str | None = None) -> list[Atom]:
    """Places in a sentence, longest names first, without overlaps; ``low`` is the text folded."""
    found: list[Atom] = []
    claims = Claims()
    words = level_words("en")
    lowered = text.lower() if low is None else low
    level_word = any(w in lowered for w in LEVEL_WORDS)
    for m in LOWER.finditer(text) if level_word else ():
        name, word = m.group(1), m.group(2)
        if gaz.lookup_en(f"{name} {word.capitalize()}") or not is_given_name(name):
            continue
        if not claims.claim(m.start(), m.end()):
            continue
        found.append(_lower(m.start(), m.end(), m.group(0), name, words[word.lower()]))
    if level_word:
        level_first = [(m.start(), m.end(), m.group(2), m.group(1)) for m in LEVEL_OF.finditer(text)]
        for m in LEVEL_APPOSITIVE.finditer(text):
            before = NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if before is not None:
                level_first.append((before.start(), m.end(), before.group(1), m.group(1)))
        for start, end, name, word in sorted(level_first):
            if gaz.lookup_en(name) or not is_given_name(name) or name in surnames():
                continue
            if claims.claim(start, end):
                found.append(_lower(start, end, text[start:end], name, words[word.lower()]))
    for m in FEATURE.finditer(text):
        named = FEATURE_NAME.search(text, max(0, m.start() - 40), m.start())
        if named is None or (named.start() and text[named.start() - 1].isalpha()):
            continue
        name, start = named.group(1), named.start(1)
        if not is_given_name(name) or not claims.free(named.start(), m.end()):
            continue
        claims.claim(start, m.end())
        surface = f"{name} {m.group(1)}"
        found.append(Atom("region", start, m.end(), surface, Place(feature=True, surface=surface)))
    # Gazetteer names, written as a run of capitalised words (up to six), or with a lower-case level noun
    # after the run ("Pingli county"); the longest name at each place, left to right.
    starts: dict[int, tuple[int, int]] = {}  # token start -> (run, token number in the run)
    ends: dict[int, tuple[int, int]] = {}
    run_ends: dict[int, int] = {}  # run -> the end of its last token
    for r, m in enumerate(CAP_RUN.finditer(text)):
        for k, t in enumerate(TOKEN.finditer(m.group(0))):
            starts[m.start() + t.start()] = (r, k)
            ends[m.start() + t.end()] = (r, k)
    for e, (rr, _) in ends.items():
        run_ends[rr] = max(run_ends.get(rr, e), e)
    end = -1
    low = folded(text) if low is None else low
    for a, b, name in place_phrases().candidates(low, starts=starts) if starts else ():
        if a < end:
            continue
        run, first = starts[a]
        if b in ends:
            if ends[b][0] != run or ends[b][1] - first >= MAX_WORDS:
                continue
            single = ends[b][1] == first
        else:
            # "Pingli county": the level noun in lower case after the run is part of the name
            last = run_ends[run]
            noun = NOUN_AFTER.match(text, last)
            if noun is None or noun.end() != b or ends[last][1] - first >= MAX_WORDS:
                continue
            single = False
        surface = text[a:b]
        if single and surface in surnames():
            continue  # "Cao went to ...": a surname alone is not Cao County
        if not claims.free(a, b) or NOT_AFTER.match(text, b):
            continue
        claims.claim(a, b)
        found.append(Atom("region", a, b, surface, Place(codes=list(gaz.lookup_en(name)), surface=surface)))
        end = b
    found.sort(key=lambda r: r.start)
    return found


@lru_cache(maxsize=1)
def place_phrases() -> Phrases[str]:
    """Every English name of a listed region, lower-cased, in one automaton."""
    return Phrases((name, name) for name in shared().by_en)


def _lower(start: int, end: int, text: str, name: str, word: str) -> Atom:
    canonical = f"{name} {word}"
    return Atom("region", start, end, text, Place(lower=(canonical, "", word), surface=canonical))


#: A level noun; what stands before it decides whether it names the article's region.
_NOUN = re.compile(rf"({words_of('noun')})\b(?!\s+of\b)(?![-'])")


@lru_cache(maxsize=1)
def _whole_before() -> re.Pattern[str]:
    """ "our", "the whole", a bare "the" right before a level noun."""
    return re.compile(rf"(?:\b(?i:{words_of('whole')})|(?<![\w'])(?i:the))\s+$")


@lru_cache(maxsize=1)
def _placing() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A preposition right before a place, or starting a whole reference ("across the city")."""
    words = words_of("before")
    return re.compile(rf"\b(?i:{words})\s+$"), re.compile(rf"(?i:{words})\s")


def _wholes(text: str) -> list[tuple[int, int, str]]:
    """ "our province", "the whole city", and a bare "the province": (start, end, level) of the article's region
    of that level. Not "the city of Jinhua" (a place named after it), nor the "province" of a name ("Shaanxi
    province"), nor a possessive ("the province's key tasks"), which says whose a thing is, not where."""
    out = []
    for m in _NOUN.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        before = _whole_before().search(text, max(0, m.start() - 20), m.start())
        if before is not None:
            out.append((before.start(), m.end(), level_nouns()[re.sub(r"\s+", " ", m.group(1))]))
    return out


def whole_atoms(text: str) -> list[Atom]:
    """The article's own regions the sentence names by a level noun alone."""
    return [Atom("whole", a, b, text[a:b], level) for a, b, level in _wholes(text)]


def whole_objects(text: str, wholes: list[Atom] | None = None) -> list[tuple[int, int]]:
    """Spans of whole references (``wholes``, else found in ``text``) after a preposition ("units in our
    province", "across the city"): they say where things happen, not who acts."""
    before, starting = _placing()
    spans = [(a.start, a.end) for a in (whole_atoms(text) if wholes is None else wholes)]
    return [(a, b) for a, b in spans if before.search(text, max(0, a - 20), a) or starting.match(text, a)]
