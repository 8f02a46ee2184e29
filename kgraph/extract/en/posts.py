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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kgraph.extract.atoms import Atom
from kgraph.extract.chains import BodyMention
from kgraph.extract.en.names import NameMatch, surnames
from kgraph.extract.en.regions import DESCRIPTOR
from kgraph.extract.posts import PERSON, SURNAME, Holder, PostPhrase
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


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(forms('en')))})s?(?![\w-])", re.I)


@lru_cache(maxsize=1)
def verb_words() -> dict[str, list[tuple[str, str]]]:
    """Role -> (word, change) pairs of ``en_post_verbs.tsv``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table("en_post_verbs.tsv"):
        out.setdefault(row["role"], []).extend((w, row["change"]) for w in split(row["words"]))
    return out


def _alternation(role: str, change: str | None = None) -> str:
    return trie_pattern(sorted(w for w, c in verb_words()[role] if change is None or c == change))


@lru_cache(maxsize=1)
def appositive_pattern() -> re.Pattern[str]:
    """After a name, a comma and the post, with an age and words such as "a", "former", "then" before it
    ("Gong Dehan, former Vice Mayor", "Liao Guoxun, 57, vice mayor")."""
    words = f"{_alternation('article')}|{_alternation('appositive')}"
    return re.compile(rf"\s*,\s*(?:(?:aged\s+)?\d{{1,3}}\s*,\s*)?(?:(?:{words})\s+)*", re.I)


@lru_cache(maxsize=1)
def clause_before() -> re.Pattern[str]:
    """Where a clause may start: the sentence's start, or after a comma, semicolon, colon or conjunction."""
    return re.compile(rf"(?:^|[,;:(]\s*|\b(?:{_alternation('conjunction')})\s+)$")


@lru_cache(maxsize=1)
def predicate_pattern() -> re.Pattern[str]:
    """What a verb puts between a person and the post: [, who] [auxiliary] [adverbs] [verb [adverbs]] [link]
    [article] ("was elected", "has been appointed to serve as", "no longer concurrently serves as", "from the
    post of", "was formerly a")."""
    adverbs = rf"(?:(?:{_alternation('adverb')})\s+)*"
    return re.compile(
        rf"{AGE}(?:\s*,\s*who)?,?\s+(?:(?P<aux>{_alternation('auxiliary')})\s+)?(?P<adv>{adverbs})"
        rf"(?:(?P<verb>{_alternation('verb')})\s+{adverbs})?(?:(?P<link>{_alternation('link')})\s+)?"
        rf"(?:(?:{_alternation('article')})\s+)?",
        re.I,
    )


def predicate(text: str, pos: int) -> int | None:
    """Where the post starts after a verb of appointment, election, removal or tenure at ``pos``, if one is there."""
    m = predicate_pattern().match(text, pos)
    if m is None:
        return None
    if m.group("verb") or m.group("link") or (m.group("aux") and _copula(m.group("aux"))):
        return m.end()
    return None


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
    for m in title_pattern().finditer(text):
        if any(s <= m.start() < e for s, e in covered) and not any(s == m.start() for s, e in covered):
            continue
        if m.group(0).lower() == "member" and text[max(0, m.start() - 6) : m.start()].lower() == "party ":
            continue
        found, start = _title(m.group(0)), m.start()
        level = (
            next((a for a in levels if a.end <= start and not text[a.end : start].strip()), None) if levels else None
        )
        if level is not None and not any(s <= level.start < e for s, e in covered):
            start, found = level.start, _with_level(found, str(level.value))
        within = [(s, e) for s, e in covered if s < m.end() < e and s > start]
        if within:  # "member of the Standing Committee of the Provincial Party Committee": the title names the unit
            items.append(_Item("title", start, m.end(), found))
            owner, unit = _owner(bodies, within[0], found)
            if owner is not None:
                items.append(_Item("body", m.end(), within[0][1], owner, unit if unit != owner else None))
            continue
        items.append(_Item("title", start, m.end(), found))
    for k, (s, e, code) in enumerate(regions):
        if k + 1 < len(regions) and text[e : regions[k + 1][0]] == "'s ":
            continue  # "China's Shaanxi Province": the place before is a descriptor of the place after
        if not any(i.start <= s < i.end for i in items):
            items.append(_Item("region", s, e, code))
    items.sort(key=lambda i: (i.start, -i.end))
    out: list[_Item] = []
    for it in items:  # a title or body inside an earlier, longer one is part of it
        if out and it.start < out[-1].end:
            continue
        out.append(it)
    return out


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


def _phrase(text: str, items: list[_Item], i: int) -> tuple[list[PostPhrase], int]:
    """Parse a post phrase starting at items[i]: [BODY|REGION['s]] TITLE [of BODY|REGION] ((,|and) ...)*.

    Returns the phrases and the index after them.
    """
    posts: list[PostPhrase] = []
    j = i
    n = len(items)
    while j < n:
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


def _predicated(text: str, items: list[_Item], starts: dict[int, int], pos: int) -> list[PostPhrase]:
    """The posts one or more coordinated predicates put after ``pos``: "was elected mayor of Tianjin",
    "has been appointed as secretary of X, and no longer serves as secretary of Y"."""
    out: list[PostPhrase] = []
    while True:
        at = predicate(text, pos)
        k = starts.get(at) if at is not None else None
        if k is None:
            return out
        parsed, stop = _phrase(text, items, k)
        if not parsed:
            return out
        out += parsed
        more = AND_THEN.match(text, items[stop - 1].end)
        if more is None:
            return out
        pos = more.end()


def holders(
    text: str,
    names: list[NameMatch],
    bodies: list[BodyMention],
    regions: list[tuple[int, int, str]],
    levels: list[Atom] = (),  # type: ignore[assignment]
    known_surnames: frozenset[str] = frozenset(),
) -> list[Holder]:
    """The officials of one sentence (offsets in it) with their post phrases; ``known_surnames`` are the
    surnames of people the article named before this sentence, whom a surname alone may refer to."""
    references = second_references(
        text, known_surnames | {n.name.split(" ", 1)[0] for n in names} if names else known_surnames
    )
    if not names and not references:
        return []
    items = _items(text, bodies, regions, levels)
    starts = {it.start: k for k, it in enumerate(items)}
    ends = {it.end: k for k, it in enumerate(items)}
    out: list[Holder] = []
    prev_phrase: list[PostPhrase] = []
    prev_end = -1
    listed: list[int] = []  # indexes in ``out`` of the names listed so far ("A, B and C were elected ...")
    for name in names:
        ns, ne = name.start, name.end
        phrases: list[PostPhrase] = []
        # Title before the name: find the phrase whose last item ends right before the name.
        left_end = next((k for e, k in ends.items() if e <= ns and JUXT.match(text[e:ns]) and e > prev_end), None)
        if left_end is not None:
            k = left_end
            while (
                k > 0 and items[k - 1].end > prev_end and _joins(text[items[k - 1].end : items[k].start], items[k - 1])
            ):
                k -= 1
            for start_k in range(k, left_end + 1):
                parsed, stop = _phrase(text, items, start_k)
                if parsed and stop == left_end + 1:
                    phrases += parsed
                    break
        elif prev_phrase and LIST.match(text[prev_end:ns]):
            phrases += prev_phrase  # a list of names shares the title before the first
        # Appositive after the name.
        after = appositive_pattern().match(text, ne)
        at = starts.get(after.end()) if after else None
        if at is not None:
            parsed, stop = _phrase(text, items, at)
            # A title phrase that runs into the next name is that name's title, not this one's.
            next_name = min((n.start for n in names if n.start > ne), default=None)
            if not (parsed and next_name is not None and JUXT.match(text[items[stop - 1].end : next_name])):
                phrases += parsed
        group = OTHER_MEMBERS.match(text, ne)
        member_of = starts.get(group.end()) if group else None
        if member_of is not None and items[member_of].kind == "body":
            phrases.append(PostPhrase(title("Member"), items[member_of].value))  # type: ignore[arg-type]
        # A predicate after the name, shared by the names listed before it.
        said = _predicated(text, items, starts, ne)
        listed = listed + [len(out)] if listed and LIST.match(text[prev_end:ns]) else [len(out)]
        if said and len(listed) > 1:
            for idx in listed[:-1]:
                h = out[idx]
                out[idx] = replace(h, phrases=h.phrases + tuple(said))
        out.append(Holder(ns, ne, name.name, "", tuple(phrases + said)))
        prev_phrase = phrases if left_end is not None or (prev_phrase and phrases == prev_phrase) else []
        prev_end = ne
    more = _references(text, names, items, starts, known_surnames, references) if references else []
    return sorted(out + more, key=lambda h: h.start) if more else out


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
) -> list[Holder]:
    """Second references with a post after them: a surname alone of a person named before ("Zhou was formerly
    a member of ...") or a pronoun ("He was appointed ..."), at the start of a clause."""
    out: list[Holder] = []
    full = {n.start for n in names}
    named = {n.name.split(" ", 1)[0]: n.end for n in reversed(names)}  # surname -> end of its first full name
    for start, end, word in sorted(candidates):
        if PRONOUN.fullmatch(word):
            refers = PERSON
        elif word in known or (word in named and start >= named[word]):
            refers = SURNAME
        else:
            continue
        if start in full or (start and text[start - 1].isalnum()):
            continue
        if not clause_before().search(text, max(0, start - 12), start):
            continue
        said = _predicated(text, items, starts, end)
        after = appositive_pattern().match(text, end) if refers == SURNAME else None
        at = starts.get(after.end()) if after else None
        if at is not None:  # "Xi, also general secretary of the CPC Central Committee, ..."
            said = _phrase(text, items, at)[0] + said
        if said:
            out.append(Holder(start, end, word, "", tuple(said), refers=refers))
    return out


def known_surnames(names: list[NameMatch]) -> frozenset[str]:
    """The surnames of the names given."""
    table_ = surnames()
    return frozenset(n.name.split(" ", 1)[0] for n in names if n.name.split(" ", 1)[0] in table_)


def _joins(gap: str, before: _Item) -> bool:
    if before.kind == "region":
        return bool(POSSESSIVE.match(gap) or OF.match(gap))
    return bool(AND.match(gap) or OF.match(gap) or JUXT.match(gap))
