"""Campaigns named in English: the bilingual lexicon, region formulas, and quoted programmes.

The lexicon covers the party's standing campaigns and formulas in their many
machine-translated forms. Local programmes are found from how the text
treats them: a quoted name that is a numbered formula ("Four Ones"), that a
programme noun follows, with up to two modifiers ("Jinjiang experience", "one
map, one library, one book" achievement system, "12458" strategic focus) or
precedes with "of" (activities of "big visits, ..."), or that is a capitalised
title ("Hongyan Pioneer"); a name ending in "+" takes the noun after it
("Party Building +" neighborhood center construction). Left out: titles of
documents, books and maps (by their document word or head noun: "Work Plan on
...", "Selected Readings of ...", "Map of ..."), names a title word introduces
("bibliographies such as", "research topics such as") and names listed after
such a title, problems a verb of ending takes (put an end to "two skins"),
and a programme word alone ("the plan"). The words are data
(``en_campaign_words.tsv``, ``document_words.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kgraph.extract.campaigns import CampaignMatch, discovered_key, forms
from kgraph.extract.phrases import Phrases, folded
from kgraph.extract.spans import Claims
from kgraph.ids import slug
from kgraph.lexicon import split, table

QUOTE = re.compile(r"[“\"]([^“”\"]{2,120})[”\"]")
REGION_FORMULA = re.compile(r"\b(safe|peaceful|rule\s+of\s+law\s+in|rule-of-law)\s+([A-Z][a-z]+)\b", re.I)
#: Where a document title has its head: before "of", "on", "for" or a parenthesis ("Selected Readings of ...").
TITLE_HEAD = re.compile(r"^(.*?)(?:\s+(?:of|on|for|about|concerning)\s|\s*\(|$)")
#: Quoted names written as a list share what they are: "books such as “A” and “B”".
LISTED_AFTER = re.compile(r"^\s*(?:,|and|、|or)\s*(?:and\s+)?$")
#: A name ending in an operator ("Party Building +") is completed by the noun after the quote.
OPEN_ENDED = re.compile(r"[+＋]$")
TITLE = "title"
MAX_WORDS = 14


@lru_cache(maxsize=1)
def campaign_words() -> dict[str, list[str]]:
    """Role -> words of ``en_campaign_words.tsv``, longest first; documents also from ``document_words.tsv``."""
    out: dict[str, list[str]] = {}
    for row in table("en_campaign_words.tsv"):
        out.setdefault(row["role"], []).extend(split(row["words"]))
    out["document_word"] = [w for r in table("document_words.tsv") if r["lang"] == "en" for w in split(r["words"])]
    return {role: sorted(words, key=len, reverse=True) for role, words in out.items()}


def _alternation(role: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in campaign_words()[role])


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """The patterns built from the word lists."""
    noun = _alternation("programme")
    return {
        # a programme noun after the quote, with up to two modifiers: "achievement system", "strategic focus"
        "after": re.compile(rf"\s*(?:(?!(?:{_alternation('function')})\b)[a-z][\w-]*\s+){{0,2}}(?:{noun})\b", re.I),
        "inside": re.compile(rf"\b(?:{noun})$", re.I),
        # a programme noun before it: "activities of “big visits, ...”", "the action of “gratitude and ...”"
        "of": re.compile(rf"\b(?:{noun})\s+of\s+(?:the\s+)?$", re.I),
        "generic": re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?:{noun}|{_alternation('document_word')})$", re.I),
        "before": re.compile(
            rf"\b(?:{_alternation('before')})(?:\s+(?:such\s+as|like|including))?\s*$|"
            rf"\b(?:{_alternation('problem')})(?:\s+(?:the|all|any))?\s*$",
            re.I,
        ),
        "document_head": re.compile(rf"\b(?:{_alternation('document')})$", re.I),
        "document_word": re.compile(rf"\b(?:{_alternation('document_word')})\b|\(Draft\)|\d{{4}}\s*-\s*\d{{4}}"),
        "numbered": re.compile(rf"^(?:the\s+)?(?:{_alternation('numeral')}|\d+)\b", re.I),
    }


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("“", "").replace("”", "").replace('"', "")).strip().lower()


@lru_cache(maxsize=1)
def lexicon_phrases() -> Phrases[str]:
    """Every English form of the lexicon's campaigns, in one automaton."""
    return Phrases(((_norm(form.replace("’", "'")), key) for form, key in forms("en").items()), edges="hyphen")


def find_campaigns(
    text: str, is_region: Callable[[str], bool] | None = None, low: str | None = None
) -> list[CampaignMatch]:
    """Campaigns in one sentence; ``is_region`` tells which names are regions, for "Safe X"; ``low`` is the
    text folded."""
    out: list[CampaignMatch] = []
    claims = Claims()
    for start, end, key in lexicon_phrases().find(folded(text) if low is None else low):
        out.append(CampaignMatch(key, text[start:end], start, end))
        claims.claim(start, end)
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
    last: tuple[int, bool] | None = None  # the end of the quote before and whether it was a title
    titles: list[tuple[int, int]] = []
    for m in quotes:
        listed = last is not None and last[1] and bool(LISTED_AFTER.match(text[last[0] : m.start()]))
        quoted = _quoted(text, m, listed)
        if isinstance(quoted, tuple) and claims.free(m.start(), m.end()):
            label, end = quoted
            out.append(CampaignMatch(discovered_key(singular(label)), label, m.start(), end, discovered=True))
            claims.claim(m.start(), end)
        last = (m.end(), quoted == TITLE)
        if quoted == TITLE:
            titles.append((m.start(1), m.end(1)))
    # A campaign named as a part of a quoted title or topic ("… Poverty Alleviation Project Assets") is only a
    # word of the title; a quote that is just the campaign's name is the campaign ("studied the “Eight-Eight …”").
    return sorted((c for c in out if c.discovered or not _part_of(c, titles)), key=lambda c: c.start)


def _part_of(c: CampaignMatch, titles: list[tuple[int, int]]) -> bool:
    return any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end) for a, b in titles)


def singular(label: str) -> str:
    """ "Initial Lectures" and "Initial Lecture" are one programme: key them on the singular."""
    words = label.split()
    last = words[-1] if words else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss") and not patterns()["numbered"].match(label):
        words[-1] = last[:-1]
    return " ".join(words)


def _quoted(text: str, m: re.Match[str], after_title: bool = False) -> tuple[str, int] | str | None:
    """A quoted phrase's campaign label and end offset, when the text treats it as a programme; TITLE when it is
    the title of a document, book or topic (and so is a name listed right after it: ``after_title``)."""
    inner = m.group(1).strip(" ,.;:")
    words = inner.split()
    if not words or len(words) > MAX_WORDS or re.search(r"[.;:!?]\s", inner) or len(inner) < 3:
        return None
    p = patterns()
    before = text[max(0, m.start() - 40) : m.start()]
    if (
        after_title
        or is_document(inner)
        or p["before"].search(before)
        or re.search(r"topics?\s+such\s+as", text[max(0, m.start() - 250) : m.start()], re.I)
    ):
        return TITLE
    if p["generic"].match(inner):
        return None
    after = p["after"].match(text, m.end())
    end = after.end() if after else m.end()
    if after and OPEN_ENDED.search(inner):
        return f"{inner} {text[m.end() : end].strip()}", end  # "Party Building +" neighborhood center construction
    numbered = bool(patterns()["numbered"].match(inner))
    titled = len(words) >= 2 and all(
        w[0].isupper() or w.lower() in ("and", "of", "the", "to", "for", "+") for w in words if w[0].isalpha()
    )
    if numbered or after or titled or p["inside"].search(inner) or p["of"].search(before):
        return inner, end
    return None


def is_document(name: str) -> bool:
    """Whether a quoted title names a document, book or map: a document word in a capitalised title ("Work Plan
    on ...", "Hebi City Land and Space Master Plan (2021-2035)"), or a title whose head is a book's or map's noun
    ("Selected Readings of Xi Jinping's Works", "Map of Recommended Spots ...")."""
    if not name[:1].isupper():
        return False
    head = TITLE_HEAD.match(name)
    return bool(
        patterns()["document_word"].search(name) or (head and patterns()["document_head"].search(head.group(1)))
    )
