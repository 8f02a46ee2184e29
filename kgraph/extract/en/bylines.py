"""Bylines and outlets: who wrote or photographed an article, for which outlet.

Reporters are persons and authors, never officials: "Our reporter Li
Linwei", "(Quanzhou Evening News reporter Chen Linsen)", "Photo by reporter
Su Si/Visual Chongqing", "(Our reporter Lu Shen Chen Guanhe)",
"Translator: Guo Weifeng".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.en.names import NameMatch, find_names

ROLE = re.compile(
    r"\b(?:(?:all-media|staff|special|our)\s+)?(?:reporters?|correspondents?|photographers?|journalists?|"
    r"photo\s+by(?:\s+(?:our\s+)?(?:all-media\s+)?reporter)?|text\s+by|translator|translated\s+by|"
    r"written\s+by)\s*:?\s*",
    re.I,
)
SEPARATOR = re.compile(r"[ \t]*(?:,|、|and|/)?[ \t]*")  # a byline ends at the line
OUTLET_BEFORE = re.compile(r"((?:[A-Z][A-Za-z]+\s){0,3}(?:[A-Z][A-Za-z]+))\s*(?:,[^()]{0,30})?\s*\(?\s*$")
OUTLET_AFTER = re.compile(r"\s*/\s*((?:[A-Z][A-Za-z]+\s?){1,4})")
PHOTO_CREDIT = re.compile(r"\[Photo/((?:[A-Z][A-Za-z]+\s?){1,4})\]")
LEAD_OUTLET = re.compile(r"^((?:[A-Z][a-z]+\s){1,3}?(?:Daily|Online|Times|News))\b")
NOT_OUTLET = {"Photo", "By", "Our", "The", "On", "In", "At", "All", "Media", "Text", "Source", "Time"}


@dataclass(frozen=True)
class BylineMatch:
    name: NameMatch
    role: str


def find_bylines(text: str) -> tuple[list[BylineMatch], list[str]]:
    """Credited persons and the outlets named beside them."""
    people: list[BylineMatch] = []
    outlets: list[str] = []
    for m in ROLE.finditer(text):
        role = (
            "photographer"
            if "photo" in m.group(0).lower()
            else ("translator" if "translat" in m.group(0).lower() else "reporter")
        )
        pos = m.end()
        found_any = False
        while True:
            names = find_names(text[pos : pos + 40], pos)
            if not names or names[0].start != pos:
                break
            people.append(BylineMatch(names[0], role))
            found_any = True
            sep = SEPARATOR.match(text, names[0].end)
            pos = sep.end() if sep else names[0].end
        if not found_any:
            continue
        before = OUTLET_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
        if before:
            outlet = _clean_outlet(before.group(1))
            if outlet:
                outlets.append(outlet)
        after = OUTLET_AFTER.match(text, pos - 1 if text[pos - 1 : pos] == "/" else pos)
        if after:
            outlet = _clean_outlet(after.group(1))
            if outlet:
                outlets.append(outlet)
    outlets += [o for o in (_clean_outlet(m.group(1)) for m in PHOTO_CREDIT.finditer(text)) if o]
    for line in text.split("\n")[:4]:
        lead = LEAD_OUTLET.match(line.strip())
        if lead:
            outlets.append(lead.group(1))
    return people, list(dict.fromkeys(outlets))


def _clean_outlet(raw: str) -> str | None:
    words = [w for w in raw.split() if w not in NOT_OUTLET]
    while words and words[-1].lower() in ("all-media", "reporter", "media"):
        words.pop()
    if not words or len(" ".join(words)) < 4:
        return None
    return " ".join(words)
