"""Officials' post phrases in English: appositives, titles before names, double posts, lists.

Reads "Zhang Yigong, secretary of the Quanzhou Municipal Party Committee",
"Municipal Party Committee Deputy Secretary and Mayor Wu Kaihua", "Zou
Lianke, secretary of the party group and director of the Guizhou Provincial
Department of Education", "Hu Henghua, Tang Fangyu and other members of the
Theoretical Learning Center Group of ..."; which body each title is held in
is decided by :func:`kgraph.extract.posts.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.chains import BodyMention
from kgraph.extract.en.names import NameMatch
from kgraph.extract.posts import Holder, PostPhrase
from kgraph.extract.titles import Title, forms, title
from kgraph.extract.trie import trie_pattern

OF = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
AND = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$", re.I)
JUXT = re.compile(r"^\s*(?:the\s+)?$", re.I)
LIST = re.compile(r"^\s*(?:,|and|、)\s*(?:and\s+)?$")
APPOSITIVE = re.compile(r"\s*,\s*")
OTHER_MEMBERS = re.compile(
    r"(?:\s*,\s*[A-Z][a-z]+ [A-Z][a-z']+)*\s*(?:,\s*)?(?:and\s+)?other\s+(members|leaders)\s+of\s+(?:the\s+)?"
)


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(forms('en')))})s?(?![\w-])", re.I)


def _title(text: str) -> Title:
    table = forms("en")
    lowered = text.lower()
    key = re.sub(r"\s+", " ", lowered).rstrip("s") if lowered not in table else lowered
    key = key.replace("secretary general", "secretary-general")
    found = table.get(key) or table.get(lowered.replace("-", " ")) or title("Member")
    return found.as_party() if "party" in lowered else found


@dataclass
class _Item:
    kind: str  # title | body | unit | region
    start: int
    end: int
    value: object


def _items(text: str, bodies: list[BodyMention], regions: list[tuple[int, int, str]]) -> list[_Item]:
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
        items.append(_Item("title", m.start(), m.end(), _title(m.group(0))))
    for s, e, code in regions:
        if not any(i.start <= s < i.end for i in items):
            items.append(_Item("region", s, e, code))
    items.sort(key=lambda i: (i.start, -i.end))
    out: list[_Item] = []
    for it in items:  # a title or body inside an earlier, longer one is part of it
        if out and it.start < out[-1].end:
            continue
        out.append(it)
    return out


def _phrase(text: str, items: list[_Item], i: int) -> tuple[list[PostPhrase], int]:
    """Parse a post phrase starting at items[i]: [BODY] TITLE [of BODY|REGION] ((,|and) ...)*.

    Returns the phrases and the index after them.
    """
    posts: list[PostPhrase] = []
    j = i
    n = len(items)
    while j < n:
        body, unit, region = None, "", None
        if (
            items[j].kind in ("body", "unit")
            and j + 1 < n
            and items[j + 1].kind == "title"
            and JUXT.match(text[items[j].end : items[j + 1].start])
        ):
            if items[j].kind == "body":
                body = items[j].value
            else:
                unit = str(items[j].value)
            j += 1
        if items[j].kind != "title":
            break
        found: Title = items[j].value  # type: ignore[assignment]
        end = j + 1
        if (
            end < n
            and OF.match(text[items[j].end : items[end].start])
            and items[end].kind in ("body", "unit", "region")
        ):
            if items[end].kind == "body":
                body = items[end].value
            elif items[end].kind == "unit":
                unit = str(items[end].value)
            else:
                region = str(items[end].value)
            end += 1
        posts.append(PostPhrase(found, body, unit, region))  # type: ignore[arg-type]
        if end < n and AND.match(text[items[end - 1].end : items[end].start]) and items[end].kind != "region":
            j = end
            continue
        return posts, end
    return posts, j


def holders(
    text: str, names: list[NameMatch], bodies: list[BodyMention], regions: list[tuple[int, int, str]]
) -> list[Holder]:
    """The named officials of one sentence (offsets in it) with their post phrases."""
    items = _items(text, bodies, regions)
    starts = {it.start: k for k, it in enumerate(items)}
    ends = {it.end: k for k, it in enumerate(items)}
    out: list[Holder] = []
    prev_phrase: list[PostPhrase] = []
    prev_end = -1
    for name in names:
        ns, ne = name.start, name.end
        phrases: list[PostPhrase] = []
        # Title before the name: find the phrase whose last item ends right before the name.
        left_end = next((k for e, k in ends.items() if e <= ns and JUXT.match(text[e:ns]) and e > prev_end), None)
        if left_end is not None:
            k = left_end
            while k > 0 and items[k - 1].end > prev_end and _joins(text[items[k - 1].end : items[k].start]):
                k -= 1
            for start_k in range(k, left_end + 1):
                parsed, stop = _phrase(text, items, start_k)
                if parsed and stop == left_end + 1:
                    phrases += parsed
                    break
        elif prev_phrase and LIST.match(text[prev_end:ns]):
            phrases += prev_phrase  # a list of names shares the title before the first
        # Appositive after the name.
        after = APPOSITIVE.match(text, ne)
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
        out.append(Holder(ns, ne, name.name, "", tuple(phrases)))
        prev_phrase = phrases if left_end is not None or (prev_phrase and phrases == prev_phrase) else []
        prev_end = ne
    return out


def _joins(gap: str) -> bool:
    return bool(AND.match(gap) or OF.match(gap) or JUXT.match(gap))
