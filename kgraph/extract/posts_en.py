"""Officials' posts in English: appositives, titles before names, double posts, lists.

Handles "Zhang Yigong, secretary of the Quanzhou Municipal Party Committee",
"Municipal Party Committee Deputy Secretary and Mayor Wu Kaihua",
"Zou Lianke, secretary of the party group and director of the Guizhou
Provincial Department of Education", "Hu Henghua, Tang Fangyu and other
members of the Theoretical Learning Center Group of ..." and posts whose body
the sentence leaves out ("Deputy Party Secretary and Deputy Director Shang
Xin" after the director of a standing committee was named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.context import BodyMention, Context
from kgraph.extract.trie import trie_pattern
from kgraph.lexicon import split, table
from kgraph.naming import BodyRef

NATIONAL_CC = BodyRef("100000", ("cpc", "central_committee"))
IMPLIED_LEVEL = {
    "Governor": "province",
    "Vice Governor": "province",
    "Executive Vice Governor": "province",
    "Mayor": "city",
    "Vice Mayor": "city",
    "Executive Vice Mayor": "city",
    "District Mayor": "district",
    "Deputy District Mayor": "district",
    "County Magistrate": "county",
    "Deputy County Magistrate": "county",
}


@dataclass(frozen=True)
class Title:
    title: str
    implies: str
    unit: str
    party: bool  # the English form says "party" ("Party Secretary"): the post is in a party body


@dataclass(frozen=True)
class Post:
    name_start: int
    body: BodyRef
    title: str


@lru_cache(maxsize=1)
def title_table() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in table("titles.tsv"):
        for form in split(row["en_forms"]):
            out[form] = row
    return out


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    alternation = trie_pattern(sorted(title_table()))
    return re.compile(rf"(?<![\w-])(?:{alternation})s?(?![\w-])", re.I)


def _title(text: str) -> Title:
    key = re.sub(r"\s+", " ", text.lower()).rstrip("s") if text.lower() not in title_table() else text.lower()
    key = key.replace("secretary general", "secretary-general")
    row = title_table().get(key) or title_table().get(text.lower().replace("-", " ")) or title_table()["member"]
    return Title(row["title"], row["implies"], row["unit"], "party" in text.lower())


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
        if span not in by_span or (
            b.ref and (by_span[span].ref is None or len(b.ref.path) > len(by_span[span].ref.path))
        ):
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
    # Titles inside a body span (e.g. "Secretary" in nothing) are dropped above; drop nested bodies too.
    out: list[_Item] = []
    for it in items:
        if out and it.start < out[-1].end:
            continue
        out.append(it)
    return out


OF = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
AND = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$", re.I)
JUXT = re.compile(r"^\s*(?:the\s+)?$", re.I)


def _phrase(text: str, items: list[_Item], i: int) -> tuple[list[tuple[Title, BodyRef | None, str, str | None]], int]:
    """Parse a post phrase starting at items[i]: [BODY] TITLE [of BODY|REGION] ((,|and) ...)*.

    Returns (title, body, unowned unit, region) tuples and the index after the phrase.
    """
    posts: list[tuple[Title, BodyRef | None, str, str | None]] = []
    j = i
    n = len(items)
    while j < n:
        pre_body: BodyRef | None = None
        pre_unit = ""
        if (
            items[j].kind in ("body", "unit")
            and j + 1 < n
            and items[j + 1].kind == "title"
            and JUXT.match(text[items[j].end : items[j + 1].start])
        ):
            if items[j].kind == "body":
                pre_body = items[j].value  # type: ignore[assignment]
            else:
                pre_unit = str(items[j].value)
            j += 1
        if items[j].kind != "title":
            break
        title: Title = items[j].value  # type: ignore[assignment]
        body, unit, region = pre_body, pre_unit, None
        end = j + 1
        if (
            end < n
            and OF.match(text[items[j].end : items[end].start])
            and items[end].kind in ("body", "unit", "region")
        ):
            if items[end].kind == "body":
                body = items[end].value  # type: ignore[assignment]
            elif items[end].kind == "unit":
                unit = str(items[end].value)
            else:
                region = str(items[end].value)
            end += 1
        posts.append((title, body, unit, region))
        if (
            end < n
            and AND.match(text[items[end - 1].end : items[end].start])
            and items[end].kind in ("title", "body", "unit")
        ):
            j = end
            continue
        return posts, end
    return posts, j


def find_posts(
    text: str,
    names: list[tuple[int, int]],
    bodies: list[BodyMention],
    regions: list[tuple[int, int, str]],
    ctx: Context,
    carried: BodyRef | None,
) -> tuple[list[Post], BodyRef | None]:
    """Posts of the named officials in one sentence; ``carried`` is the body the text last spoke of."""
    items = _items(text, bodies, regions)
    posts: list[Post] = []
    starts = {it.start: k for k, it in enumerate(items)}
    ends = {it.end: k for k, it in enumerate(items)}
    prev_phrase: list[tuple[Title, BodyRef | None, str, str | None]] = []
    prev_end = -1
    for ns, ne in names:
        phrases: list[tuple[Title, BodyRef | None, str, str | None]] = []
        # Title before the name: find the phrase whose last item ends right before the name.
        left_end = next((k for e, k in ends.items() if e <= ns and JUXT.match(text[e:ns]) and e > prev_end), None)
        if left_end is not None:
            k = left_end
            while (
                k > 0
                and (
                    AND.match(text[items[k - 1].end : items[k].start])
                    or OF.match(text[items[k - 1].end : items[k].start])
                    or JUXT.match(text[items[k - 1].end : items[k].start])
                )
                and items[k - 1].end > prev_end
            ):
                k -= 1
            for start_k in range(k, left_end + 1):
                parsed, stop = _phrase(text, items, start_k)
                if parsed and stop == left_end + 1:
                    phrases += parsed
                    break
        elif prev_phrase and re.match(r"^\s*(?:,|and|、)\s*(?:and\s+)?$", text[prev_end:ns]):
            phrases += prev_phrase  # a list of names shares the title before the first
        # Appositive after the name.
        after = re.match(r"\s*,\s*", text[ne:])
        if after:
            k = starts.get(ne + after.end())
            if k is not None:
                parsed, stop = _phrase(text, items, k)
                # A title phrase that runs into the next name is that name's title, not this one's.
                next_name = min((s for s, _ in names if s > ne), default=None)
                if not (parsed and next_name is not None and JUXT.match(text[items[stop - 1].end : next_name])):
                    phrases += parsed
        # "X, Y and other members of B"
        group = re.match(
            r"(?:\s*,\s*[A-Z][a-z]+ [A-Z][a-z'’]+)*\s*(?:,\s*)?(?:and\s+)?other\s+(members|leaders)\s+of\s+(?:the\s+)?",
            text[ne:],
        )
        if group:
            k = starts.get(ne + group.end())
            if k is not None and items[k].kind == "body":
                phrases.append((Title("Member", "", "", False), items[k].value, "", None))  # type: ignore[arg-type]
        resolved = _resolve(phrases, ctx, carried)
        for body, title in resolved:
            posts.append(Post(ns, body, title))
            carried = body if body.kind != "party_group" else (body.parent or body)
        prev_phrase = phrases if left_end is not None or (prev_phrase and phrases == prev_phrase) else []
        prev_end = ne
    return posts, carried


def _party_body(body: BodyRef) -> bool:
    """Party committees and their units: a "Party Secretary" there is the body's own secretary."""
    return (
        body.path[0] == "party_committee"
        or body.kind in ("party_group", "party_branch", "discipline_commission")
        or body.national
    )


def _resolve(
    phrases: list[tuple[Title, BodyRef | None, str, str | None]], ctx: Context, carried: BodyRef | None
) -> list[tuple[BodyRef, str]]:
    out: list[tuple[BodyRef, str]] = []
    named = [b for _, b, _, _ in phrases if b is not None]
    for idx, (title, body, unit, region) in enumerate(phrases):
        if body is None and unit:
            later = [b for _, b, _, _ in phrases[idx + 1 :] if b is not None]
            owner = later[0] if later else (named[-1] if named else carried)
            body = BodyRef(owner.region, owner.path + (unit,)) if owner else None
        if body is None and region is not None and title.implies and "/" not in title.implies:
            body = BodyRef(region, (title.implies,))
        if body is None and title.implies == "cpc/central_committee":
            body = NATIONAL_CC
        if body is None and title.implies == "government" and title.title in IMPLIED_LEVEL:
            anchor = named[0].region if named else ctx.region_for(IMPLIED_LEVEL[title.title])
            body = BodyRef(anchor, ("government",)) if anchor else None
        if body is None and not unit:
            later = [b for _, b, _, _ in phrases[idx + 1 :] if b is not None]
            earlier = [b for _, b, _, _ in phrases[:idx] if b is not None]
            body = later[0] if later else (earlier[-1] if earlier else None)
        if body is None and carried is not None and title.title not in ("Member", "Head"):
            body = carried
        if body is None:
            continue
        if title.unit == "party_group" and body.kind != "party_group":
            body = BodyRef(body.region, body.path + ("party_group",))
        elif title.party and title.title in ("Secretary", "Deputy Secretary") and not _party_body(body):
            body = BodyRef(body.region, body.path + ("party_group",))
            title = Title(f"{title.title} of the Party Group", "", "party_group", True)
        out.append((body, title.title))
    return out
