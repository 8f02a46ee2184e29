"""English atoms of body names: level adjectives, body heads, central bodies, ordinals.

Places come first (:mod:`kgraph.extract.en.regions`); then numbered central
bodies written with an ordinal ("Fifth Central Steering Group", "20th National
Congress of the CPC"), then one trie over every fixed phrase of the naming
grammar, longest phrase first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from kgraph.extract.atoms import Atom, Head
from kgraph.extract.levels import level_forms
from kgraph.extract.phrases import Phrases, folded
from kgraph.extract.spans import Claims
from kgraph.lexicon import split
from kgraph.naming import ORDINALS, body_types, departments, national_bodies, purpose_forms, purposes

ORDINAL_RE = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINALS[1:]) + r")"
NATIONAL_CONGRESS = re.compile(
    rf"\b(?:the\s+Party's\s+)?({ORDINAL_RE})\s+(?:CPC\s+)?National\s+Congress"
    r"(?:\s+of\s+the\s+(?:Communist\s+Party\s+of\s+China|CPC|Party))?",
    re.I,
)
PARTY_CONGRESS = re.compile(
    rf"\b({ORDINAL_RE})\s+((?:[A-Z][a-z]+\s+)?)(?:Provincial|Municipal|City)?\s*Party\s+Congress", re.I
)
STEERING = re.compile(
    rf"\b(?:Central\s+)?({ORDINAL_RE})\s+(?:Central\s+)?((?:Circuit|Roving)\s+)?(?:Steering|Guidance|Supervision)\s+Group"
    r"(?:\s+of\s+the\s+(?:CPC\s+|Party\s+)?Central\s+Committee)?",
    re.I,
)
#: "CPC Quanzhou Municipal Committee", "the CPC municipal committee of Hangzhou": before a capitalised word or a
#: level word "CPC" is a prefix, not the party.
CPC_PREFIX = re.compile(rf"\s+(?:[A-Z][a-z]|(?:{'|'.join(sorted(level_forms('en'), key=len, reverse=True))})\b)")
#: "Committee" after "CPC" and a place or level is the party committee: "CPC Zhejiang Provincial Committee".
COMMITTEE = re.compile(r"\b[Cc]ommittee\b")
CPC_BEFORE = re.compile(r"\bCPC\s+$")
#: Between a level word and the head it names: "the city government", "the city's party committee".
WHOLE_GAP = re.compile(r"\s*(?:'s\s+)?(?:the\s+)?$")


ORDINAL_WORDS = {o.lower(): n for n, o in reversed(list(enumerate(ORDINALS)))}
DIGITS = re.compile(r"\d+")
DIGIT_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")
DIGIT = re.compile(r"\d")


def ordinal_value(word: str) -> int:
    m = DIGITS.match(word)
    if m:
        return int(m.group(0))
    return ORDINAL_WORDS.get(word.lower(), 0)


@lru_cache(maxsize=1)
def head_table() -> dict[str, Head]:
    """Lower-cased English head phrase -> what it names (``department:education`` for departments)."""
    paths: dict[str, list[tuple[str, ...]]] = {}
    for key, bt in body_types().items():
        for head in bt.en_heads:
            paths.setdefault(head.lower(), []).append((key,))
    out = {word: Head(tuple(dict.fromkeys(p))) for word, p in paths.items()}
    for key, dept in departments().items():
        for form in (dept.en_prov, dept.en_local, *dept.en_alt):
            out.setdefault(form.lower(), Head(((f"department:{key}",),)))
        if dept.en_national:
            out.setdefault(dept.en_national.lower(), Head(((f"department:{key}",),), level="central"))
    out.pop("-", None)
    return out


def purpose_table() -> dict[str, str]:
    """Lower-cased English purpose of a group ("theme education") -> its key."""
    return purpose_forms("en")


@lru_cache(maxsize=1)
def national_table() -> dict[str, tuple[str, ...]]:
    """Lower-cased English name of a central body -> its path."""
    out: dict[str, tuple[str, ...]] = {}
    for path, row in national_bodies().items():
        for form in (row["en"], *split(row["en_alt"])):
            out.setdefault(form.lower(), tuple(path.split("/")))
    return out


def anaphoric_purpose(key: str, text: str) -> str:
    """ "the Education" in an article about theme education is that education: a purpose written with
    the definite article is the more specific purpose of the same kind the article names elsewhere."""
    word = purposes()[key].en.lower().split()[0]
    lowered = folded(text)
    for form, other in purpose_table().items():
        if other != key and form.endswith(" " + word) and form in lowered:
            return other
    return key


@lru_cache(maxsize=1)
def atom_table() -> dict[str, tuple[str, object]]:
    """Every atom phrase, lower-cased, with its kind and value; central names win over heads."""
    table: dict[str, tuple[str, object]] = {}
    for n, word in enumerate(ORDINALS[1:], 1):
        table[word.lower()] = ("ordinal", n)
    table.update({word: ("level", level) for word, level in level_forms("en").items()})
    table.update({word: ("purpose", key) for word, key in purpose_table().items()})
    table.update({head: ("head", value) for head, value in head_table().items()})
    table.update({name: ("national", path) for name, path in national_table().items()})
    return table


@lru_cache(maxsize=1)
def atom_phrases() -> Phrases[tuple[str, object]]:
    """One automaton over every atom phrase: each sentence is read once, the longest phrase wins."""
    return Phrases(atom_table().items())


@lru_cache(maxsize=1)
def national_phrases() -> Phrases[tuple[str, ...]]:
    return Phrases((name, path) for name, path in national_table().items() if name != "cpc")


def national_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Spans of central bodies' names, inside which a place name ("China") is not a place; ``low`` is the
    text :func:`folded`, where the caller has it."""
    return [(a, b) for a, b, _ in national_phrases().find(folded(text) if low is None else low)]


def _merge(found: list, more: list) -> list:
    """Two lists of matches as one, read left to right, the longest first, none overlapping."""
    out, end = [], -1
    for m in sorted(found + more, key=lambda m: (m[0], -m[1])):
        if m[0] >= end:
            out.append(m)
            end = m[1]
    return out


def find_atoms(text: str, regions: list[Atom], low: str | None = None) -> list[Atom]:
    """Atoms of one sentence; ``regions`` are its places, found beforehand; ``low`` is the text folded."""
    atoms: list[Atom] = list(regions)
    claims = Claims((a.start, a.end) for a in regions)
    lowered = text.lower()
    if "group" in lowered:
        for m in STEERING.finditer(text):
            if ("central" in m.group(0).lower() or m.group(0)[0].isupper()) and claims.claim(m.start(), m.end()):
                kind = "circuit_guidance_group" if m.group(2) else "steering_group"
                steering = ("cpc", "central_committee", f"{kind}:{ordinal_value(m.group(1))}")
                atoms.append(Atom("national", m.start(), m.end(), m.group(0), steering))
    if "national congress" in lowered:
        for m in NATIONAL_CONGRESS.finditer(text):
            if claims.claim(m.start(), m.end()):
                path = ("cpc", f"national_congress:{ordinal_value(m.group(1))}")
                atoms.append(Atom("national", m.start(), m.end(), m.group(0), path))
    if "party congress" in lowered:
        for m in PARTY_CONGRESS.finditer(text):
            start = m.end() - len("Party Congress")
            if claims.claim(start, m.end()):
                kind = f"party_congress:{ordinal_value(m.group(1))}"
                atoms.append(Atom("head", start, m.end(), m.group(0), Head(((kind,),))))
    low = folded(text) if low is None else low
    phrases = atom_phrases()
    found = phrases.find(low)
    if DIGIT.search(text):
        numbered = [(m.start(), m.end(), ("ordinal", ordinal_value(m.group(0)))) for m in DIGIT_ORDINAL.finditer(text)]
        found = _merge(found, numbered)
    for start, end, (kind, value) in found:
        if low.startswith("cpc", start):
            if end - start == 3 and CPC_PREFIX.match(text, end):
                continue
            # "CPC Central Commission for Discipline Inspection": the name after the prefix, if longer, wins.
            after = start + 3 + len(text[start + 3 :]) - len(text[start + 3 :].lstrip())
            inner = phrases.at(low, after)
            if inner is not None and inner[1] > end:
                start, end, (kind, value) = inner
        if claims.claim(start, end):
            atoms.append(Atom(kind, start, end, text[start:end], value))
    atoms.sort(key=lambda a: a.start)
    if "CPC" in text:
        atoms = _cpc_committees(text, atoms, claims)
    return atoms


def _cpc_committees(text: str, atoms: list[Atom], claims: Claims) -> list[Atom]:
    """ "CPC Zhejiang Provincial Committee", "CPC municipal committee of Hangzhou": a committee after "CPC" and
    places, levels or ordinals written side by side is the party committee (Xinhua's name for it)."""
    added = []
    ends = [a.end for a in atoms]
    in_order = all(a <= b for a, b in zip(ends, ends[1:]))
    for m in COMMITTEE.finditer(text):
        if not claims.free(m.start(), m.end()):
            continue
        start = m.start()
        if in_order:  # the atoms that end before the committee, read back from it
            before = range(bisect_right(ends, m.start()) - 1, -1, -1)
        else:
            before = range(len(atoms) - 1, -1, -1)
        for i in before:
            a = atoms[i]
            if a.end > m.start():
                continue
            if a.kind not in ("region", "level", "ordinal") or text[a.end : start].strip():
                break
            start = a.start
        if start < m.start() and _cpc_before(text, start) and claims.claim(m.start(), m.end()):
            added.append(Atom("head", m.start(), m.end(), m.group(0), Head((("party_committee",),))))
    return sorted(atoms + added, key=lambda a: a.start) if added else atoms


def _cpc_before(text: str, end: int) -> bool:
    """Whether "CPC" and a space stand right before ``end`` (``CPC_BEFORE`` searched up to ``end``, read back
    from it: a search from the start of a long sentence would cost its whole length)."""
    pos = end
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos < end and bool(CPC_BEFORE.search(text, max(0, pos - 4), end))


def with_wholes(atoms: list[Atom], wholes: list[Atom], text: str) -> list[Atom]:
    """Add the article's own regions named by a level noun ("our province", "the city"): a whole wins over
    the level word it contains ("city") unless that names a body with the head after it ("the city government",
    "the city's party committee")."""
    if not wholes:
        return atoms
    starts = [a.start for a in atoms]
    ends = [a.end for a in atoms]
    if not (_disjoint(atoms) and _disjoint(wholes)):
        return _with_wholes_scanned(atoms, wholes, text)
    removed: set[int] = set()  # ids of the atoms a whole took the place of
    added: list[Atom] = []
    for w in wholes:
        # The atoms are in order and do not overlap: those a whole overlaps are a run of them.
        inside = [a for a in atoms[bisect_right(ends, w.start) : bisect_left(starts, w.end)] if id(a) not in removed]
        if any(a.kind != "level" for a in inside):
            continue
        i = bisect_left(starts, w.end)
        while i < len(atoms) and id(atoms[i]) in removed:
            i += 1
        after = atoms[i] if i < len(atoms) else None
        if inside and after is not None and after.kind == "head" and WHOLE_GAP.match(text, w.end, after.start):
            continue
        removed |= {id(a) for a in inside}
        added.append(w)
    out = [a for a in atoms if id(a) not in removed] + added
    out.sort(key=lambda a: a.start)
    return out


def _disjoint(atoms: list[Atom]) -> bool:
    """Whether the atoms are in order and none overlaps the next."""
    return all(a.start < a.end <= b.start for a, b in zip(atoms, atoms[1:])) and all(a.start < a.end for a in atoms)


def _with_wholes_scanned(atoms: list[Atom], wholes: list[Atom], text: str) -> list[Atom]:
    """:func:`with_wholes` over atoms that overlap, by scanning them all for each whole."""
    out = list(atoms)
    for w in wholes:
        inside = [a for a in out if a.start < w.end and w.start < a.end]
        if any(a.kind != "level" for a in inside):
            continue
        after = next((a for a in out if a.start >= w.end), None)
        if inside and after is not None and after.kind == "head" and WHOLE_GAP.match(text, w.end, after.start):
            continue
        out = [a for a in out if a not in inside] + [w]
    out.sort(key=lambda a: a.start)
    return out
