"""Officials and their posts in Chinese.

Patterns: 市委书记袁家军; 市委副书记、市长陈吉宁 (titles joined by 、 before the
name, each with the body written before it or implied: 市长 → the city's
government); 党组书记、主任李建辉; 党组成员吴友才、高向荣 (a list after the
titles); 刘云梅、鲁罡等市政府党组成员 and 习近平总书记 (titles after the
names); 李建辉主持会议 (a name before a verb that follows names).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from kgraph.extract.bodies_zh import Atom
from kgraph.extract.context import BodyMention, Context
from kgraph.extract.names_zh import AFTER_NAME, DELIMITERS, NOT_IN_NAME, name_at
from kgraph.extract.posts_en import IMPLIED_LEVEL, NATIONAL_CC, _party_body
from kgraph.extract.zh_lexicon import word_tags
from kgraph.naming import BodyRef, body_types


@dataclass(frozen=True)
class ZhPost:
    start: int  # of the name
    end: int
    body: BodyRef | None
    title: str


@dataclass(frozen=True)
class ZhName:
    start: int
    end: int
    official: bool


def _title_body(
    title_row: dict[str, str], body: BodyRef | None, ctx: Context, named: list[BodyRef], carried: BodyRef | None
) -> tuple[BodyRef | None, str]:
    title = title_row["title"]
    implies = title_row["implies"]
    if implies == "cpc/central_committee":
        return NATIONAL_CC, title
    if body is None and title in IMPLIED_LEVEL:
        anchor = named[0].region if named else ctx.region_for(IMPLIED_LEVEL[title])
        body = BodyRef(anchor, ("government",)) if anchor else None
    if body is None and implies and implies != "party_committee":
        anchor = named[0].region if named else ctx.home
        body = BodyRef(anchor, (implies,)) if anchor else None
    if body is None:
        body = named[-1] if named else carried
    if body is None:
        return None, title
    if title == "Member of the Standing Committee":
        return body, title
    if title_row["unit"] == "party_group" and body.kind != "party_group":
        return BodyRef(body.region, body.path + ("party_group",)), title
    if body.kind == "party_group" and title in ("Secretary", "Deputy Secretary", "Member"):
        return body, f"{title} of the Party Group"
    if title in ("Secretary", "Deputy Secretary") and not _party_body(body) and body.kind != "discipline_commission":
        return BodyRef(body.region, body.path + ("party_group",)), f"{title} of the Party Group"
    return body, title


def find_posts(
    text: str, atoms: list[Atom], bodies: list[BodyMention], cuts: Container[int], ctx: Context, carried: BodyRef | None
) -> tuple[list[ZhPost], list[ZhName], BodyRef | None]:
    """Posts and officials' names in one sentence; ``carried`` is the body last spoken of."""
    body_at_end: dict[int, BodyRef] = {}
    for b in bodies:
        if b.ref is not None:
            body_at_end[b.end] = b.ref  # the longest chain ending here wins (recorded last)
    unit_at_end = {b.end: b.unit for b in bodies if b.ref is None and b.unit}
    posts: list[ZhPost] = []
    names: list[ZhName] = []
    taken: set[int] = set()

    titles = [a for a in atoms if a.kind == "title"]
    k = 0
    while k < len(titles):
        # A run of titles joined by 、 (each may have its body right before it).
        run = [titles[k]]
        while k + 1 < len(titles) and _joined(text, run[-1].end, titles[k + 1].start, body_at_end, unit_at_end):
            k += 1
            run.append(titles[k])
        k += 1
        pairs: list[tuple[dict[str, str], BodyRef | None]] = []
        named: list[BodyRef] = []
        owner: BodyRef | None = None
        for t in run:
            body = body_at_end.get(t.start)
            unit = unit_at_end.get(t.start)
            if body is None and unit:
                base = owner or carried
                if base is not None and unit.split(":")[0] in body_types():
                    body = BodyRef(base.region, base.path + (unit,)) if base.kind != unit else base
            if body is not None:
                named.append(body)
                owner = (
                    body if body.kind == "party_committee" else (body.parent if body.kind == "party_group" else owner)
                )
                owner = owner or body
            pairs.append((t.value, body))  # type: ignore[arg-type]
        # Names after the run: 书记袁家军, 党组成员吴友才、高向荣.
        after = _names_from(text, run[-1].end, cuts)
        # Names before it: 习近平总书记, 刘云梅、鲁罡等市政府党组成员.
        before = [] if after else _names_before(text, run[0].start, bodies, cuts, names)
        for s, e in after + before:
            if s in taken:
                continue
            taken.add(s)
            names.append(ZhName(s, e, True))
            for row, body in pairs:
                b, title = _title_body(row, body, ctx, named, carried)
                if b is not None:
                    posts.append(ZhPost(s, e, b, title))
                    carried = b if b.kind != "party_group" else (b.parent or b)
    # Names without titles: 蔡奇指出, 由王志宏主持, 市领导游钧、杨艺文参加.
    for pos in range(len(text)):
        if pos in taken or not (pos == 0 or text[pos - 1] in DELIMITERS or text[pos - 1] in "由导"):
            continue
        found = _name_list(text, pos, cuts)
        if found and not any(_in_body(s, bodies) for s, _ in found):
            for s, e in found:
                names.append(ZhName(s, e, True))
                taken.add(s)
    return posts, names, carried


def _name_list(text: str, pos: int, cuts: Container[int]) -> list[tuple[int, int]]:
    """Names joined by 、 that end before a verb that follows names (游钧、杨艺文参加)."""
    out: list[tuple[int, int]] = []
    while True:
        length = name_at(text, pos, cuts)
        if not length:
            return []
        end = pos + length
        out.append((pos, end))
        if text[end : end + 1] == "、":
            pos = end + 1
            continue
        return (
            out
            if (end >= len(text) or text[end] in "，,。；;！!" or text[end : end + 2].startswith(AFTER_NAME))
            else []
        )


def _joined(text: str, end: int, start: int, bodies: dict[int, BodyRef], units: dict[int, str]) -> bool:
    """Whether two titles belong to one run: 副书记、市长 or 常委、组织部部长."""
    gap = text[end:start]
    if gap == "":
        return True
    if not gap.startswith("、"):
        return False
    rest = gap[1:]
    return rest == "" or start in bodies or start in units


def _names_from(text: str, pos: int, cuts: Container[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while True:
        length = name_at(text, pos, cuts)
        if not length or NOT_IN_NAME & set(text[pos + 1 : pos + length]):
            return out
        out.append((pos, pos + length))
        pos += length
        if text[pos : pos + 1] != "、":
            return out
        pos += 1


def _names_before(
    text: str, pos: int, bodies: list[BodyMention], cuts: Container[int], known: list[ZhName]
) -> list[tuple[int, int]]:
    """Names that end right before a title (or before 等 + body + title)."""
    body_start = min((b.start for b in bodies if b.end == pos), default=pos)
    end = body_start
    if text[end - 1 : end] == "等":
        end -= 1
    out: list[tuple[int, int]] = []
    while end > 0:
        found = None
        for length in (4, 3, 2):
            s = end - length
            if s < 0:
                continue
            if name_at(text, s, cuts) == length and not NOT_IN_NAME & set(text[s + 1 : end]):
                found = (s, end)
                break
        if not found:
            break
        lead = text[found[0] - 1 : found[0]]
        known_name = word_tags().get(text[found[0] : found[1]], "").startswith("nr")
        if found[0] > 0 and lead not in DELIMITERS and lead not in "由导" and not known_name:
            break  # 会议应出席委员: a name starts a clause, it does not follow a word
        out.insert(0, found)
        if text[found[0] - 1 : found[0]] != "、":
            break
        end = found[0] - 1
    return out


def _strong(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in DELIMITERS or text[end : end + 2].startswith(AFTER_NAME)


def _in_body(pos: int, bodies: list[BodyMention]) -> bool:
    return any(b.start <= pos < b.end for b in bodies)
