"""Officials' post phrases in English: appositives, titles before names, predicates, double posts, lists.

Reads "Zhang Yigong, secretary of the Quanzhou Municipal Party Committee",
"Municipal Party Committee Deputy Secretary and Mayor Wu Kaihua", "Zou
Lianke, secretary of the party group and director of the Guizhou Provincial
Department of Education", "Hu Henghua, Tang Fangyu and other members of the
Theoretical Learning Center Group of ...", and the posts a verb puts after a
name: "Liao Guoxun was elected mayor of North China's Tianjin Municipality",
"Yi Lianhong has been appointed as secretary of ..., and no longer serves as
...", "the resignation of Zhao Yide from the post of provincial governor",
"Huang Ningsheng, Ye Zhenqin and Tan Ling were elected as the deputy
directors". Xinhua names a person in full once and then by the surname alone
("Zhou was formerly a member of ...") or "he"; such a second reference is a
:class:`Holder` that refers to the person. Which body each title is held in is
decided by :func:`kgraph.extract.posts.resolve`.

Each phrase carries the start or end the words around it report (``en_post_verbs.tsv``):
a verb after the person ("was appointed", "no longer serves as", "had served as"),
a verb or noun before the person ("appointed Wang Hao vice governor", "the
resignation of Zhao Yide from the post of"), a word before the post ("former Vice
Mayor", "ex-mayor", "the newly elected mayor"), a discipline announcement
("expelled from the Party and dismissed from public office"), a succession
("succeeds Li Qiang as", "replacing Li Qiang"), joining a body ("joined the
Standing Committee"), and the lines of a résumé ("2015-2018: Mayor of ..."); they are
dated by :mod:`kgraph.extract.en.changes`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kgraph.extract.atoms import Atom
from kgraph.extract.chains import BodyMention
from kgraph.extract.en.changes import END, FORMER, HOLD, START, Clauses
from kgraph.extract.en.dates import UNTIL, date_words, find_dates
from kgraph.extract.en.names import NameMatch, surnames
from kgraph.extract.en.regions import DESCRIPTOR
from kgraph.extract.posts import PERSON, SURNAME, Holder, PostPhrase
from kgraph.extract.spans import SpanIndex
from kgraph.extract.titles import Title, forms, title
from kgraph.extract.trie import trie_pattern
from kgraph.lexicon import split, table
from kgraph.naming import BodyRef

OF = re.compile(rf"^\s+of\s+(?:the\s+)?(?:CPC\s+)?(?:{DESCRIPTOR})?$", re.I)
AND = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$", re.I)
JUXT = re.compile(r"^\s*(?:the\s+)?$", re.I)
POSSESSIVE = re.compile(r"^\s*(?:'s\s+)?$")
LIST = re.compile(r"^\s*(?:,|and|、)\s*(?:and\s+)?$")
#: An age between a name and what is said of the person: "Liao Guoxun, 57, was elected ...".
AGE = r"(?:\s*,\s*(?:aged\s+)?\d{1,3}\s*(?=,))?"
OTHER_MEMBERS = re.compile(
    r"(?:\s*,\s*[A-Z][a-z]+ [A-Z][a-z']+)*\s*(?:,\s*)?(?:and\s+)?other\s+(members|leaders)\s+of\s+(?:the\s+)?"
)
#: A second predicate of the same subject: "..., and no longer serves as ...".
AND_THEN = re.compile(r"\s*,?\s*and\b")
PRONOUN = re.compile(r"\b(?:He|She|he|she)\b")
#: Between the object of a verb of appointment and the title after it: "elected Huang Chuping director of".
DIRECT = re.compile(r"\s+")
#: Between a post and a date written right after it ("mayor of Hangzhou from 2015 to 2018", "(2015-2018)").
RIGHT_AFTER = re.compile(r"[\s(]*")
#: Between the date of a line of a résumé and its post.
CAREER_GAP = re.compile(r"[\s:,;.\-–—]*")
#: Between the post of one object of a verb of appointment and the next object: "appointed Wang Hao vice governor
#: and Liu Yang as secretary-general".
OBJECTS = re.compile(r"\s*,?\s*(?:and\s+)?")
#: Words before a name that are no part of what is said of the person ("appointed Comrade Zhang San as").
COMRADE = ("comrade", "comrades")
#: Bodies whose members hold no post: joining the Party is no post.
NO_MEMBER_POSTS = ("cpc",)


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(forms('en')))})s?(?![\w-])", re.I)


@lru_cache(maxsize=1)
def hyphened_pattern() -> re.Pattern[str]:
    """A word of a former post joined to the title by a hyphen ("ex-mayor", "then-governor")."""
    words = [w for w, c in verb_words()["appositive"] if c == FORMER and " " not in w]
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(words))})-(?=\w)", re.I)


@lru_cache(maxsize=1)
def _hyphened() -> tuple[str, ...]:
    words = [w for w, c in verb_words()["appositive"] if c == FORMER and " " not in w]
    return tuple(f"{v}-" for w in words for v in (w, w.capitalize()))


def _titles_in(text: str) -> list[re.Match[str]]:
    """The titles of a sentence, also those after a hyphened word of a former post ("ex-mayor")."""
    if "-" in text and any(h in text for h in _hyphened()):
        text = hyphened_pattern().sub(lambda m: m.group(0)[:-1] + " ", text)  # same length: offsets hold
    return list(title_pattern().finditer(text))


@lru_cache(maxsize=1)
def verb_words() -> dict[str, list[tuple[str, str]]]:
    """Role -> (word, change) pairs of ``en_post_verbs.tsv``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table("en_post_verbs.tsv"):
        out.setdefault(row["role"], []).extend((w, row["change"]) for w in split(row["words"]))
    return out


@lru_cache(maxsize=1)
def changes() -> dict[str, dict[str, str]]:
    """Role -> word -> change of ``en_post_verbs.tsv`` (what the word reports of the post)."""
    return {role: {w: c for w, c in pairs} for role, pairs in verb_words().items()}


def _alternation(*roles: str, change: str | None = None) -> str:
    return trie_pattern(sorted(w for r in roles for w, c in verb_words()[r] if change is None or c == change))


def _word(text: str | None) -> str:
    return re.sub(r"\s+", " ", text.lower()) if text else ""


@lru_cache(maxsize=1)
def appositive_pattern() -> re.Pattern[str]:
    """After a name, a comma and the post, with an age and words such as "a", "former", "then" before it
    ("Gong Dehan, former Vice Mayor", "Liao Guoxun, 57, vice mayor")."""
    words = f"{_alternation('article')}|{_alternation('appositive')}"
    return re.compile(rf"\s*,\s*(?:(?:aged\s+)?\d{{1,3}}\s*,\s*)?(?:(?:{words})(?:\s+|-))*", re.I)


@lru_cache(maxsize=1)
def clause_before() -> re.Pattern[str]:
    """Where a clause may start: the sentence's start, or after a comma, semicolon, colon or conjunction."""
    return re.compile(rf"(?:^|[,;:(]\s*|\b(?:{_alternation('conjunction')})\s+)$")


@lru_cache(maxsize=1)
def predicate_pattern() -> re.Pattern[str]:
    """What a verb puts between a person and the post: [, who] [auxiliary] [adverbs] [verb [adverbs]] [link]
    [article] ("was elected", "has been appointed to serve as", "no longer concurrently serves as", "from the
    post of", "was formerly a"), or a noun after the person's "'s" ("Zhao's resignation from the post of")."""
    adverbs = rf"(?:(?:{_alternation('adverb')})\s+)*"
    return re.compile(
        rf"{AGE}(?:\s*,\s*who)?(?:'s\s+(?P<noun>{_alternation('noun')})\s+|,?\s+"
        rf"(?:(?P<aux>{_alternation('auxiliary')})\s+)?(?P<adv>{adverbs})"
        rf"(?:(?P<verb>{_alternation('verb', 'join')})\s+(?P<adv2>{adverbs}))?)(?:(?P<link>{_alternation('link')})\s+)?"
        rf"(?:(?:{_alternation('article')})\s+)?",
        re.I,
    )


@lru_cache(maxsize=1)
def adverb_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation('adverb')})\b", re.I)


@dataclass(frozen=True)
class _Predicate:
    at: int  # where the post starts
    kind: str  # what the words report of the post: START, TRANSFER, END, FORMER or HOLD
    past: bool  # told as a step of a career before the news
    own: bool  # a verb, noun or copula of its own says what happened, not only a link ("as", "from the post of")
    join: bool  # a verb of joining a body ("joined the standing committee")


def predicate(text: str, pos: int) -> _Predicate | None:
    """The verb of appointment, election, removal or tenure at ``pos`` and where the post after it starts, if
    one is there."""
    m = predicate_pattern().match(text, pos)
    if m is None:
        return None
    verb, noun, link, aux = m.group("verb"), m.group("noun"), m.group("link"), m.group("aux")
    copula = bool(aux) and _copula(aux)
    if not (verb or noun or link or copula):
        return None
    c = changes()
    verb_kind = c["verb"].get(_word(verb)) or c["join"].get(_word(verb)) if verb else None
    kind = verb_kind or (c["noun"].get(_word(noun)) if noun else None) or c["link"].get(_word(link)) or HOLD
    adverbs = [c["adverb"].get(_word(a.group(0)), HOLD) for a in adverb_pattern().finditer(m.group(0))]
    perfect = _word(aux) in c["past"]
    past = perfect or "past" in adverbs
    if END in adverbs:
        kind = END
    elif FORMER in adverbs or (perfect and kind == HOLD):  # "formerly served as", "had been mayor of"
        kind, past = (FORMER if kind == HOLD else kind), True
    return _Predicate(m.end(), kind or HOLD, past, bool(verb or noun or copula), _word(verb) in c["join"])


@lru_cache(maxsize=64)
def _copula(aux: str) -> bool:
    """Whether an auxiliary links a person to a post without a verb ("was", not "has")."""
    return re.sub(r"\s+", " ", aux.lower()) in {w for w, c in verb_words()["auxiliary"] if c == "be"}


def _title(text: str) -> Title:
    table_ = forms("en")
    lowered = text.lower()
    key = re.sub(r"\s+", " ", lowered).rstrip("s") if lowered not in table_ else lowered
    key = key.replace("secretary general", "secretary-general")
    found = table_.get(key) or table_.get(lowered.replace("-", " ")) or title("Member")
    return found.as_party() if "party" in lowered else found


@dataclass
class _Item:
    kind: str  # title | body | unit | region
    start: int
    end: int
    value: object
    unit: BodyRef | None = None  # for a body named after a title that names its unit: that unit


def _items(
    text: str,
    bodies: list[BodyMention],
    regions: list[tuple[int, int, str]],
    levels: list[Atom] = (),  # type: ignore[assignment]
) -> list[_Item]:
    items: list[_Item] = []
    # The longest body per span (the full chain), and unowned units.
    by_span: dict[tuple[int, int], BodyMention] = {}
    for b in bodies:
        span = (b.start, b.end)
        known = by_span.get(span)
        if known is None or (b.ref and (known.ref is None or len(b.ref.path) > len(known.ref.path))):
            by_span[span] = b
    for (s, e), b in by_span.items():
        items.append(_Item("body" if b.ref else "unit", s, e, b.ref if b.ref else b.unit))
    covered = [(i.start, i.end) for i in items]
    taken = SpanIndex(covered)
    covered_starts = {s for s, _ in covered}
    by_start = sorted((s, k) for k, (s, _) in enumerate(covered))
    level_ends: dict[int, list[int]] = {}  # the levels by where they end
    for k, a in enumerate(levels):
        level_ends.setdefault(a.end, []).append(k)
    for m in _titles_in(text):
        if taken.covers(m.start()) and m.start() not in covered_starts:
            continue
        if m.group(0).lower() == "member" and text[max(0, m.start() - 6) : m.start()].lower() == "party ":
            continue
        found, start = _title(m.group(0)), m.start()
        level = _level_before(text, levels, level_ends, start) if levels else None
        if level is not None and not taken.covers(level.start):
            start, found = level.start, _with_level(found, str(level.value))
        # Spans that start after the title's start and run past its end, first in the order of the bodies.
        lo = bisect.bisect_right(by_start, (start, len(covered)))
        hi = bisect.bisect_left(by_start, (m.end(), -1))
        inner = sorted(k for _, k in by_start[lo:hi] if covered[k][1] > m.end())
        if inner:  # "member of the Standing Committee of the Provincial Party Committee": the title names the unit
            within = covered[inner[0]]
            items.append(_Item("title", start, m.end(), found))
            owner, unit = _owner(bodies, within, found)
            if owner is not None:
                items.append(_Item("body", m.end(), within[1], owner, unit if unit != owner else None))
            continue
        items.append(_Item("title", start, m.end(), found))
    fixed = SpanIndex((i.start, i.end) for i in items)
    in_order = all(a[0] <= b[0] for a, b in zip(regions, regions[1:]))
    reach = -1  # the furthest end of the places added so far
    for k, (s, e, code) in enumerate(regions):
        if k + 1 < len(regions) and text[e : regions[k + 1][0]] == "'s ":
            continue  # "China's Shaanxi Province": the place before is a descriptor of the place after
        added = reach > s if in_order else any(i.start <= s < i.end for i in items if i.kind == "region")
        if not fixed.covers(s) and not added:
            items.append(_Item("region", s, e, code))
            reach = max(reach, e)
    items.sort(key=lambda i: (i.start, -i.end))
    out: list[_Item] = []
    for it in items:  # a title or body inside an earlier, longer one is part of it
        if out and it.start < out[-1].end:
            continue
        out.append(it)
    return out


def _level_before(text: str, levels: list[Atom], level_ends: dict[int, list[int]], start: int) -> Atom | None:
    """The first level (in their order) that ends at ``start`` or with only spaces before it ("provincial
    governor")."""
    pos = start
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    found = [k for end in range(pos, start + 1) for k in level_ends.get(end, ())]
    return levels[min(found)] if found else None


def _with_level(found: Title, level: str) -> Title:
    """ "provincial governor", "municipal party secretary": a level adjective gives a regional title its level."""
    if not found.implies or found.national or found.level:
        return found
    return replace(found, level=level)


def _owner(bodies: list[BodyMention], span: tuple[int, int], found: Title) -> tuple[BodyRef | None, BodyRef | None]:
    """The body a title that names a unit ("member of the Standing Committee") is held in: the body of the type
    the title implies along the chain (the party committee), else the chain's whole body; and the whole body."""
    refs = [b.ref for b in bodies if (b.start, b.end) == span and b.ref is not None]
    whole = max(refs, key=lambda r: len(r.path), default=None)
    return next((r for r in refs if r.kind == found.implies), whole), whole


def _phrase(
    text: str, items: list[_Item], i: int, members: list[tuple[int, int]] | None = None
) -> tuple[list[PostPhrase], int]:
    """Parse a post phrase starting at items[i]: [BODY|REGION['s]] TITLE [of BODY|REGION] ((,|and) ...)*.

    Returns the phrases and the index after them; ``members`` collects where each coordinated title starts
    (index in the phrases, index in the items).
    """
    posts: list[PostPhrase] = []
    j = i
    n = len(items)
    while j < n:
        first = j
        body, unit, region = None, "", None
        if j + 1 < n and items[j + 1].kind == "title" and _before_title(text, items[j], items[j + 1]):
            if items[j].kind == "body":
                body = items[j].value
            elif items[j].kind == "unit":
                unit = str(items[j].value)
            else:
                region = str(items[j].value)  # "Guangdong Governor", "Yunnan's Party chief"
            j += 1
        if items[j].kind != "title":
            break
        found: Title = items[j].value  # type: ignore[assignment]
        if members is not None:
            members.append((len(posts), first))
        end = j + 1
        also: BodyRef | None = None
        if end < n and items[end].kind in ("body", "unit", "region") and _of(text, items[j].end, items[end].start):
            if items[end].kind == "body":
                body, also = items[end].value, items[end].unit
            elif items[end].kind == "unit":
                unit = str(items[end].value)
            else:
                region = str(items[end].value)
            end += 1
        posts.append(PostPhrase(found, body, unit, region))  # type: ignore[arg-type]
        if also is not None:  # a member of the Standing Committee of the party committee is one of that unit too
            posts.append(PostPhrase(title("Member"), also))
        if end < n and AND.match(text[items[end - 1].end : items[end].start]) and items[end].kind != "region":
            j = end
            continue
        return posts, end
    return posts, j


def _before_title(text: str, item: _Item, title_: _Item) -> bool:
    """Whether a body or place names the body of the title right after it."""
    gap = text[item.end : title_.start]
    if item.kind == "region":
        return bool(POSSESSIVE.match(gap))
    return item.kind in ("body", "unit") and bool(JUXT.match(gap))


def _of(text: str, end: int, start: int) -> bool:
    """Whether a title and the body or place after it are joined by "of" (the title right before the body when
    the title names its unit)."""
    return end == start or bool(OF.match(text[end:start]))


def _predicated(
    text: str,
    items: list[_Item],
    starts: dict[int, int],
    pos: int,
    clauses: Clauses,
    before: tuple[str, bool] | None = None,
    subject: int = -1,
) -> tuple[list[PostPhrase], int]:
    """The posts one or more coordinated predicates put after ``pos``, with the start or end each reports ("was
    elected mayor of Tianjin on Wednesday", "has been appointed as secretary of X, and no longer serves as
    secretary of Y", "was vice mayor of X from 2010 to 2013, and mayor of X from 2013 to 2016"), and where they
    end. ``before``: what a verb or noun written before the person (at ``subject``) reports, for a predicate
    that only links the post ("elected Huang Chuping director of ...", "the resignation of Zhao Yide from the
    post of ...")."""
    found: list[tuple[list[PostPhrase], str, bool, int, int]] = []  # phrases, kind, past, clause start, end
    while True:
        p = predicate(text, pos)
        if p is None and before is not None and not found:
            p = _direct(text, items, starts, pos, before)
        elif p is None and found:  # "... from 2010 to 2013, and mayor of X from 2013 to 2016"
            p = _direct(text, items, starts, pos, found[-1][1:3])
        k = starts.get(p.at) if p is not None else None
        if p is None or k is None:
            break
        kind, past = (p.kind, p.past) if p.own or before is None or p.kind != HOLD or found else before
        if p.join and items[k].kind == "body":
            parsed, stop = _member_of(items[k].value), k + 1  # type: ignore[arg-type]
        else:
            parsed, stop = _phrase_before_name(text, items, k, clauses)
        if not parsed:
            break
        end = items[stop - 1].end
        found.append((parsed, kind, past, pos, end))
        more = AND_THEN.match(text, end)
        if more is None:  # a date between the post and the next predicate: "became mayor in 2013 and ..."
            d = clauses.date_at(RIGHT_AFTER.match(text, end).end())  # type: ignore[union-attr]
            more = AND_THEN.match(text, d.end) if d is not None else None
        if more is None:
            break
        pos = more.end()
    out: list[PostPhrase] = []
    for i, (parsed, kind, past, lo, end) in enumerate(found):
        fronted = subject if i == 0 else -1
        if kind in (HOLD, FORMER):  # a tenure's dates stand by the post: "served as ... from 2015 to 2018"
            d = clauses.date_at(RIGHT_AFTER.match(text, end).end()) or clauses.date_in(lo, end, fronted)  # type: ignore[union-attr]
        else:  # a change's date may stand anywhere in its clause: "was elected mayor ... on Wednesday"
            d = clauses.date_in(lo, found[i + 1][3] if i + 1 < len(found) else clauses.limit(end), fronted)
        out += clauses.changed(parsed, kind, past, d)
    return out, found[-1][4] if found else pos


def _direct(
    text: str, items: list[_Item], starts: dict[int, int], pos: int, before: tuple[str, bool]
) -> _Predicate | None:
    """A title right after the object of a verb of appointment ("elected Huang Chuping director of ...")."""
    gap = DIRECT.match(text, pos)
    k = starts.get(gap.end()) if gap is not None else None
    if k is None or items[k].kind != "title":
        return None
    return _Predicate(gap.end(), before[0], before[1], False, False)  # type: ignore[union-attr]


def _phrase_before_name(text: str, items: list[_Item], k: int, clauses: Clauses) -> tuple[list[PostPhrase], int]:
    """A post phrase after a verb, without the titles that run into the next name: they are the next name's
    ("Wang Hao was elected mayor of Hangzhou, and Vice Mayor Li Si ..."); where no comma parts them off, the
    last."""
    members: list[tuple[int, int]] = []
    parsed, stop = _phrase(text, items, k, members)
    if parsed and _runs_into(text, items[stop - 1].end, clauses):
        after_comma = [m for m in members[1:] if "," in text[items[m[1] - 1].end : items[m[1]].start]]
        cut = after_comma[-1] if after_comma else members[-1]
        return parsed[: cut[0]], cut[1]
    return parsed, stop


def _runs_into(text: str, end: int, clauses: Clauses) -> bool:
    """Whether a phrase runs into the name after it, so that it is that name's title ("named Mayor Li ...")."""
    nxt = clauses.limit(end)
    return nxt < len(text) and bool(JUXT.match(text[end:nxt]))


def _member_of(body: BodyRef) -> list[PostPhrase]:
    """What joining a body makes a person: a member of it ("joined the standing committee"), and of a party
    committee's standing committee, a Member of the Standing Committee of the party committee too. Joining
    the Party itself is no post."""
    if body.kind in NO_MEMBER_POSTS:
        return []
    out = [PostPhrase(title("Member"), body)]
    parent = body.parent
    if body.kind == "standing_committee" and parent is not None and parent.kind == "party_committee":
        out.insert(0, PostPhrase(title("Member of the Standing Committee"), parent))
    return out


def _lead(text: str, start: int) -> tuple[tuple[str, bool] | None, bool | None]:
    """What a verb or noun right before a person reports of the post after the person ("appointed Zhang Hu as
    ...", "the resignation of Zhao Yide from the post of ..."); or, after a word of succession, that the person
    leaves a post, and whether a comma stands before the word ("succeeds Li Qiang as ...", "..., replacing Li
    Qiang")."""
    j = text.rfind(" ", 0, start - 1)
    if text[j + 1 : start].strip().lower() not in _lead_ends():
        return None, None  # most persons follow no such word: spare the split
    words = text[max(0, start - 40) : start].lower().split()
    if words and words[-1] in COMRADE:
        words.pop()
    c = changes()
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[-n:])
        if phrase in c["succession"]:
            return None, len(words) > n and words[-n - 1].endswith(",")
        if phrase in c["object"]:
            return (c["object"][phrase], False), None
        if n > 1 and words[-1] == "of" and " ".join(words[-n:-1]) in c["noun"]:
            return (c["noun"][" ".join(words[-n:-1])], False), None
    return None, None


@lru_cache(maxsize=1)
def _lead_ends() -> frozenset[str]:
    """The last words of what :func:`_lead` looks for."""
    c = changes()
    return frozenset([w.split()[-1] for r in ("succession", "object") for w in c[r]] + ["of", *COMRADE])


@lru_cache(maxsize=1)
def prefix_pattern() -> re.Pattern[str]:
    """Words before a title before a name that say the post began or ended ("former Vice Mayor Gong Dehan")."""
    words = _alternation("appositive", change=FORMER) + "|" + _alternation("appositive", change=START)
    return re.compile(rf"(?<![\w-])(?P<word>{words})(?:\s+|-)(?:(?:{_alternation('article')})\s+)?$", re.I)


@lru_cache(maxsize=1)
def discipline_pattern() -> re.Pattern[str]:
    """A discipline announcement's predicate after a person and the posts written with the name ("Zhang Hu,
    vice governor of ..., has been expelled from the Party and dismissed from public office")."""
    adverbs = rf"(?:(?:{_alternation('adverb')})\s+)*"
    return re.compile(
        rf"{AGE}\s*,?\s*(?:who\s+)?(?:(?:{_alternation('auxiliary')})\s+)?{adverbs}(?:{_alternation('discipline')})\b",
        re.I,
    )


def _kind_of(words: str) -> str:
    """What appositive words report of the post after them ("former", "newly appointed", "also")."""
    found = {changes()["appositive"].get(_word(m.group(0))) for m in appositive_word_pattern().finditer(words)}
    return FORMER if FORMER in found else START if START in found else HOLD


@lru_cache(maxsize=1)
def appositive_word_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation('appositive')})(?!\w)", re.I)


def _prefixed(text: str, start: int, parsed: list[PostPhrase], clauses: Clauses) -> list[PostPhrase]:
    """A title before a name, with what a word before it reports ("former Vice Mayor Gong Dehan")."""
    m = prefix_pattern().search(text, max(0, start - 30), start)
    if m is None:
        return parsed
    kind = _kind_of(m.group("word"))
    return clauses.changed(parsed, kind, kind == FORMER, None)


def _appositive(
    text: str, items: list[_Item], starts: dict[int, int], end: int, clauses: Clauses
) -> tuple[list[PostPhrase], int]:
    """The posts of an appositive after a person at ``end`` ("Gong Dehan, former Vice Mayor of ...", "Zhang San,
    mayor of X from 2015 to 2018"), and where it ends; none where the phrase runs into the next name."""
    after = appositive_pattern().match(text, end)
    at = starts.get(after.end()) if after else None
    if at is None:
        return [], end
    parsed, stop = _phrase(text, items, at)
    if not parsed:
        return [], end
    tail = items[stop - 1].end
    if _runs_into(text, tail, clauses):
        return [], end  # a title phrase that runs into the next name is that name's title, not this one's
    kind = _kind_of(after.group(0))  # type: ignore[union-attr]
    right = RIGHT_AFTER.match(text, tail).end()  # type: ignore[union-attr]
    return clauses.changed(parsed, kind, kind == FORMER, clauses.date_at(right)), tail


def _disciplined(text: str, phrases: list[PostPhrase], tail: int, clauses: Clauses) -> tuple[list[PostPhrase], bool]:
    """The posts written with a person whom a discipline announcement expels or dismisses: they end (former
    posts keep their own end); and whether it does."""
    m = discipline_pattern().match(text, tail)
    if m is None:
        return phrases, False
    held = [p for p in phrases if p.started is None and p.ended is None]
    ended = clauses.changed(held, END, False, clauses.date_in(m.end(), clauses.limit(m.end())))
    done = dict(zip(map(id, held), ended))
    return [done.get(id(p), p) for p in phrases], True


def _gone(phrases: list[PostPhrase] | tuple[PostPhrase, ...], clauses: Clauses) -> tuple[PostPhrase, ...]:
    """The posts written with a person the article has expelled or dismissed: former posts."""
    return tuple(clauses.changed([p], FORMER, True, None)[0] if p.started is p.ended is None else p for p in phrases)


def holders(
    text: str,
    names: list[NameMatch],
    bodies: list[BodyMention],
    regions: list[tuple[int, int, str]],
    levels: list[Atom] = (),  # type: ignore[assignment]
    known_surnames: frozenset[str] = frozenset(),
    anchor: dt.date | None = None,
    gone: set[str] | None = None,
) -> list[Holder]:
    """The officials of one sentence (offsets in it) with their post phrases and the starts and ends the
    sentence reports; ``known_surnames`` are the surnames of people the article named before this sentence,
    whom a surname alone may refer to; ``anchor`` is the article's date, for dates relative to it and for news
    that gives no date of its own; ``gone``, the names and surnames of the persons the article has expelled or
    dismissed from office so far, which this sentence adds to."""
    gone = set() if gone is None else gone
    references = second_references(
        text, known_surnames | {n.name.split(" ", 1)[0] for n in names} if names else known_surnames
    )
    if not names and not references:
        return _career_line(text, bodies, regions, levels, anchor) if _starts_with_date(text) else []
    items = _items(text, bodies, regions, levels)
    starts = {it.start: k for k, it in enumerate(items)}
    ends = {it.end: k for k, it in enumerate(items)}
    in_order = [it.end for it in items]
    item_ends = in_order if all(a < b for a, b in zip(in_order, in_order[1:])) else None  # the items do not overlap
    clauses = Clauses(text, anchor, sorted({n.start for n in names} | {r[0] for r in references}))
    out: list[Holder] = []
    prev_phrase: list[PostPhrase] = []
    prev_end = -1
    listed: list[int] = []  # indexes in ``out`` of the names listed so far ("A, B and C were elected ...")
    carried: tuple[tuple[str, bool], int, int] | None = None  # a verb before the last person: post's end, object
    for name in names:
        ns, ne = name.start, name.end
        phrases: list[PostPhrase] = []
        # Title before the name: find the phrase whose last item ends right before the name.
        left_end = _title_before(text, item_ends, ends, ns, prev_end)
        if left_end is not None:
            k = left_end
            while (
                k > 0 and items[k - 1].end > prev_end and _joins(text[items[k - 1].end : items[k].start], items[k - 1])
            ):
                k -= 1
            for start_k in range(k, left_end + 1):
                parsed, stop = _phrase(text, items, start_k)
                if parsed and stop == left_end + 1:
                    phrases += _prefixed(text, items[start_k].start, parsed, clauses)
                    break
        elif prev_phrase and LIST.match(text[prev_end:ns]):
            phrases += prev_phrase  # a list of names shares the title before the first
        # Appositive after the name.
        apposed, tail = _appositive(text, items, starts, ne, clauses)
        phrases, expelled = _disciplined(text, phrases + apposed, tail, clauses)
        group = OTHER_MEMBERS.match(text, ne)
        member_of = starts.get(group.end()) if group else None
        if member_of is not None and items[member_of].kind == "body":
            phrases.append(PostPhrase(title("Member"), items[member_of].value))  # type: ignore[arg-type]
        # A predicate after the name, shared by the names listed before it.
        listed = listed + [len(out)] if listed and LIST.match(text[prev_end:ns]) else [len(out)]
        first = out[listed[0]].start if len(listed) > 1 else ns
        before, succeeds = _lead(text, first)
        if succeeds is not None and (not out or first != ns):
            succeeds = None
        elif succeeds is not None:
            before = (END, False)
        if before is None and carried is not None and OBJECTS.fullmatch(text, carried[1], ns):
            before, first = carried[0], carried[2]  # "appointed Wang Hao vice governor and Liu Yang as ..."
        said, said_end = _predicated(text, items, starts, ne, clauses, before, first)
        if not said and apposed:  # "Liu Yang, mayor of Suzhou, was transferred to ..."
            said, said_end = _predicated(text, items, starts, tail, clauses, before, first)
        carried = (before, said_end, first) if said and before is not None else None
        if said and len(listed) > 1:
            for idx in listed[:-1]:
                h = out[idx]
                out[idx] = replace(h, phrases=h.phrases + tuple(said))
        if succeeds is not None:
            said, out[-1] = _succession(said, out[-1], succeeds)
        if expelled:
            gone.update((name.name, name.name.split(" ", 1)[0]))
        elif name.name in gone:  # "Zhang San has been expelled from the Party ... Zhang San was vice governor"
            phrases, said = list(_gone(phrases, clauses)), list(_gone(said, clauses))
        out.append(Holder(ns, ne, name.name, "", tuple(phrases + said)))
        prev_phrase = phrases if left_end is not None or (prev_phrase and phrases == prev_phrase) else []
        prev_end = ne
    more = _references(text, names, items, starts, known_surnames, references, clauses, gone) if references else []
    return sorted(out + more, key=lambda h: h.start) if more else out


def _title_before(text: str, item_ends: list[int] | None, ends: dict[int, int], ns: int, prev_end: int) -> int | None:
    """The first item that ends after ``prev_end`` with only spaces and "the" between it and the name at ``ns``
    (``JUXT``): the last item of a title before the name. Where the items are in order (``item_ends``), only
    those that end among such characters right before the name are tried."""
    if item_ends is None:
        return next((k for e, k in ends.items() if e <= ns and JUXT.match(text[e:ns]) and e > prev_end), None)
    pos = ns
    while pos > 0 and (text[pos - 1].isspace() or text[pos - 1] in "theTHE"):
        pos -= 1
    i = bisect.bisect_left(item_ends, max(pos, prev_end + 1))
    while i < len(item_ends) and item_ends[i] <= ns:
        if JUXT.match(text[item_ends[i] : ns]):
            return ends[item_ends[i]]
        i += 1
    return None


def _starts_with_date(text: str) -> bool:
    """Whether a line starts with a date itself, as a line of a résumé does ("2015-2018: ...", "Sept. 2016 ..."),
    not with a preposition ("In 2023, ...")."""
    if text[:1].isdigit():
        return True
    if not text[:1].isupper() or text[:3].lower() not in _month_heads():
        return False
    head = text[:10].split(None, 1)
    return bool(head) and head[0].rstrip(".").lower() in date_words()["month"]


@lru_cache(maxsize=1)
def _month_heads() -> frozenset[str]:
    return frozenset(w[:3] for w in date_words()["month"])


def _career_line(
    text: str,
    bodies: list[BodyMention],
    regions: list[tuple[int, int, str]],
    levels: list[Atom],
    anchor: dt.date | None,
) -> list[Holder]:
    """A line of a résumé: a date or a range, then the post, of the person the text is about ("2015-2018:
    Secretary of the CPC Hangzhou Municipal Committee", "Sept. 2020 -- acting mayor of Tianjin"). A date alone
    is when the post began."""
    dates = find_dates(text, anchor, 0, 1, here=True)
    if not dates or dates[0].start or dates[0].kind == UNTIL:
        return []
    d = dates[0]
    items = _items(text, bodies, regions, levels)
    at = CAREER_GAP.match(text, d.end).end()  # type: ignore[union-attr]
    k = next((i for i, it in enumerate(items) if it.start == at), None)
    if k is None:
        return []
    parsed, _ = _phrase(text, items, k)
    if not parsed:
        return []
    phrases = Clauses(text, anchor).changed(parsed, START, True, d)
    return [Holder(at, at, "", "", tuple(phrases), refers=PERSON)]


def _succession(said: list[PostPhrase], before: Holder, comma: bool) -> tuple[list[PostPhrase], Holder]:
    """A person written after a word of succession leaves the post the person before takes: "Chen Jining
    succeeds Li Qiang as secretary of ..." (Li's post, which ends, is Chen's, which starts), "Chen Jining was
    appointed secretary of ..., replacing Li Qiang" (Chen's post, which starts, was Li's, which ends)."""
    left: list[PostPhrase] = []
    if comma or not said:
        left = [replace(p, started=None, ended=p.started) for p in before.phrases if p.started is not None]
    taken = [replace(p, started=p.ended, ended=None) for p in said if p.ended is not None]
    known = {(p.title, p.body, p.unit, p.region) for p in before.phrases}
    new = [p for p in taken if (p.title, p.body, p.unit, p.region) not in known]
    return said + left, replace(before, phrases=before.phrases + tuple(new)) if new else before


def second_references(text: str, surnames_: frozenset[str] | set[str]) -> list[tuple[int, int, str]]:
    """Where a sentence may refer to a person named before: a pronoun, or one of ``surnames_`` standing alone
    (start, end, word); whether each does is decided by :func:`holders`."""
    out: list[tuple[int, int, str]] = []
    if "He " in text or " he " in text or "She " in text or " she " in text:
        out += [(m.start(), m.end(), m.group(0)) for m in PRONOUN.finditer(text)]
    for word in surnames_:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (not at or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
                out.append((at, end, word))
            at = text.find(word, end)
    return out


def _references(
    text: str,
    names: list[NameMatch],
    items: list[_Item],
    starts: dict[int, int],
    known: frozenset[str],
    candidates: list[tuple[int, int, str]],
    clauses: Clauses,
    gone: set[str],
) -> list[Holder]:
    """Second references with a post after them: a surname alone of a person named before ("Zhou was formerly
    a member of ...") or a pronoun ("He was appointed ..."), at the start of a clause."""
    out: list[Holder] = []
    full = {n.start for n in names}
    named = {n.name.split(" ", 1)[0]: n.end for n in reversed(names)}  # surname -> end of its first full name
    for start, end, word in sorted(set(candidates)):  # a pronoun may also be a surname ("He")
        if PRONOUN.fullmatch(word):
            refers = PERSON
        elif word in known or (word in named and start >= named[word]):
            refers = SURNAME
        else:
            continue
        if start in full or (start and text[start - 1].isalnum()):
            continue
        if not clause_before().search(text, max(0, start - 12), start) and not _after_date(text, start, clauses):
            continue
        said = _predicated(text, items, starts, end, clauses, None, start)[0]
        if refers == SURNAME:  # "Xi, also general secretary of the CPC Central Committee, ..."
            apposed, tail = _appositive(text, items, starts, end, clauses)
            apposed, expelled = _disciplined(text, apposed, tail, clauses)
            said = apposed + said
            if expelled:
                gone.add(word)
            elif word in gone:  # "Zhou was vice governor of ..." after Zhou was expelled
                said = list(_gone(said, clauses))
        if said:
            out.append(Holder(start, end, word, "", tuple(said), refers=refers))
    return out


def _after_date(text: str, start: int, clauses: Clauses) -> bool:
    """Whether a clause starts with a date right before ``start`` ("In 2005 he joined ...")."""
    d = clauses.ends_before(start)
    return d is not None and bool(clause_before().search(text, max(0, d.start - 12), d.start))


def known_surnames(names: list[NameMatch]) -> frozenset[str]:
    """The surnames of the names given."""
    table_ = surnames()
    return frozenset(n.name.split(" ", 1)[0] for n in names if n.name.split(" ", 1)[0] in table_)


def _joins(gap: str, before: _Item) -> bool:
    if before.kind == "region":
        return bool(POSSESSIVE.match(gap) or OF.match(gap))
    return bool(AND.match(gap) or OF.match(gap) or JUXT.match(gap))
