"""Campaigns named in English: the bilingual lexicon, region formulas, and quoted programmes.

The lexicon covers the party's standing campaigns and formulas in their many
machine-translated forms. Local programmes are found from how the text
treats them: a quoted name that is a numbered formula ("Four Ones"), that a
programme noun follows ("Jinjiang experience", "Eight-Eight Strategy"), or
that is a capitalised title ("Hongyan Pioneer"); quoted document titles and
research topics are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kgraph.extract.campaigns import CampaignMatch, discovered_key, forms
from kgraph.extract.spans import Claims
from kgraph.extract.trie import trie_pattern
from kgraph.ids import slug

QUOTE = re.compile(r"[“\"]([^“”\"]{2,120})[”\"]")
NUMBERED = re.compile(
    r"^(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousands?|first|"
    r"double|one|\d+)\b",
    re.I,
)
PROGRAMME_NOUN = re.compile(
    r"\s*(?:(?:neighbou?rhood\s+center\s+)?construction|strategy|strategic\s+focus|"
    r"experience|mechanism|actions?|project|programme|program|campaign|initiative|"
    r"requirements|model|achievement\s+system|activities|transformational\s+organization|"
    r"neighbou?rhood\s+centers?(?:\s+construction)?)\b",
    re.I,
)
PROGRAMME_INSIDE = re.compile(
    r"\b(?:strategy|experience|mechanism|action|project|programme|program|campaign|"
    r"initiative|model)$",
    re.I,
)
DOCUMENT_BEFORE = re.compile(
    r"(?:topics?\s+such\s+as|topics?|titled|entitled|books?|articles?|the\s+film|movie|"
    r"Regulations?|Opinions|Notice|Measures|Plan|studied\s+the|reviewed\s+the|put\s+an\s+end\s+to|"
    r"avoid|prevent|eliminate|into)\s*$",
    re.I,
)
DOCUMENT_INSIDE = re.compile(
    r"^(?:Selected|Map\s+of)\b|\b(?:Regulations?|Plan|Opinions|Notice|Measures|Law)\b|"
    r"\(Draft\)|\d{4}\s*-\s*\d{4}"
)
REGION_FORMULA = re.compile(r"\b(safe|peaceful|rule\s+of\s+law\s+in|rule-of-law)\s+([A-Z][a-z]+)\b", re.I)
MAX_WORDS = 14


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("“", "").replace("”", "").replace('"', "")).strip().lower()


@lru_cache(maxsize=1)
def lexicon_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    found: dict[str, str] = {}
    for form, key in forms("en").items():
        found.setdefault(_norm(form.replace("’", "'")), key)
    alternation = trie_pattern(sorted(found))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I), found


def find_campaigns(text: str, is_region: Callable[[str], bool] | None = None) -> list[CampaignMatch]:
    """Campaigns in one sentence; ``is_region`` tells which names are regions, for "Safe X"."""
    pattern, found_forms = lexicon_pattern()
    out: list[CampaignMatch] = []
    claims = Claims()
    for m in pattern.finditer(text):
        out.append(CampaignMatch(found_forms[_norm(m.group(0))], m.group(0), m.start(), m.end()))
        claims.claim(m.start(), m.end())
    lowered = text.lower()
    formulas = (
        REGION_FORMULA.finditer(text) if ("safe" in lowered or "peaceful" in lowered or "rule" in lowered) else ()
    )
    for m in formulas:
        place = m.group(2)
        if is_region is None or not is_region(place) or not claims.free(m.start(), m.end()):
            continue
        kind = "Safe" if m.group(1).lower() in ("safe", "peaceful") else "Rule of Law in"
        key = f"{slug(kind, '_')}_{slug(place, '_')}"
        out.append(CampaignMatch(key, f"{kind} {place}", m.start(), m.end(), discovered=True, hides_places=False))
        claims.claim(m.start(), m.end())
    quotes = QUOTE.finditer(text) if ("“" in text or '"' in text) else ()
    for m in quotes:
        quoted = _quoted(text, m)
        if quoted and claims.free(m.start(), m.end()):
            label, end = quoted
            out.append(CampaignMatch(discovered_key(singular(label)), label, m.start(), end, discovered=True))
            claims.claim(m.start(), end)
    return sorted(out, key=lambda c: c.start)


def singular(label: str) -> str:
    """ "Initial Lectures" and "Initial Lecture" are one programme: key them on the singular."""
    words = label.split()
    last = words[-1] if words else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss") and not NUMBERED.match(label):
        words[-1] = last[:-1]
    return " ".join(words)


def _quoted(text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """A quoted phrase's campaign label and end offset, when the text treats it as a programme."""
    inner = m.group(1).strip(" ,.;:")
    words = inner.split()
    if not words or len(words) > MAX_WORDS or re.search(r"[.;:!?]\s", inner) or len(inner) < 3:
        return None
    before = text[max(0, m.start() - 40) : m.start()]
    if (
        DOCUMENT_BEFORE.search(before)
        or DOCUMENT_INSIDE.search(inner)
        or re.search(r"topics?\s+such\s+as", text[max(0, m.start() - 250) : m.start()], re.I)
    ):
        return None
    after = PROGRAMME_NOUN.match(text, m.end())
    end = after.end() if after else m.end()
    numbered = bool(NUMBERED.match(inner))
    titled = len(words) >= 2 and all(
        w[0].isupper() or w.lower() in ("and", "of", "the", "to", "for", "+") for w in words if w[0].isalpha()
    )
    if numbered or after or titled or PROGRAMME_INSIDE.search(inner):
        return inner, end
    return None
