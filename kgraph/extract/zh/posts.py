"""Officials and their post phrases in Chinese.

Patterns: 市委书记袁家军; 市委副书记、市长陈吉宁 (titles joined by 、 before the
name, each with the body written before it); 党组书记、主任李建辉; 党组成员吴友才、
高向荣 (a list after the titles); 刘云梅、鲁罡等市政府党组成员 and 习近平总书记
(titles after the names); 李建辉主持会议 (a name before a verb that follows
names). Which body each title is held in is decided by
:func:`kgraph.extract.posts.resolve`.
"""

from __future__ import annotations

from collections.abc import Container

from kgraph.extract.atoms import Atom
from kgraph.extract.chains import BodyMention
from kgraph.extract.posts import Holder, PostPhrase
from kgraph.extract.zh.lexicon import word_tags
from kgraph.extract.zh.names import AFTER_NAME, DELIMITERS, NOT_IN_NAME, name_at, romanize
from kgraph.naming import BodyRef

#: Characters after which a name may start inside a clause: 由王志宏主持, 指导…
NAME_AFTER = "由导"


def holders(text: str, atoms: list[Atom], bodies: list[BodyMention], cuts: Container[int]) -> list[Holder]:
    """The officials a sentence names (offsets in it) with their post phrases, and names without titles."""
    body_at_end: dict[int, BodyRef] = {}
    for b in bodies:
        if b.ref is not None:
            body_at_end[b.end] = b.ref  # the longest chain ending here wins (recorded last)
    unit_at_end = {b.end: b.unit for b in bodies if b.ref is None and b.unit}
    out: list[Holder] = []
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
        phrases = tuple(_phrase(t, body_at_end, unit_at_end) for t in run)
        # Names after the run (书记袁家军, 党组成员吴友才、高向荣), else before it (习近平总书记, 刘云梅、鲁罡等…成员).
        found = _names_from(text, run[-1].end, cuts) or _names_before(text, run[0].start, bodies, cuts)
        for s, e in found:
            if s in taken:
                continue
            taken.add(s)
            out.append(_holder(text, s, e, phrases))
    # Names without titles: 蔡奇指出, 由王志宏主持, 市领导游钧、杨艺文参加.
    for pos in range(len(text)):
        if pos in taken or not (pos == 0 or text[pos - 1] in DELIMITERS or text[pos - 1] in NAME_AFTER):
            continue
        listed = _name_list(text, pos, cuts)
        if listed and not any(_in_body(s, bodies) for s, _ in listed):
            for s, e in listed:
                out.append(_holder(text, s, e, ()))
                taken.add(s)
    return out


def _phrase(title: Atom, bodies: dict[int, BodyRef], units: dict[int, str]) -> PostPhrase:
    """A title with the body (or the unit without its owner) written right before it."""
    body = bodies.get(title.start)
    return PostPhrase(title.value, body, "" if body is not None else units.get(title.start, ""))  # type: ignore[arg-type]


def _holder(text: str, start: int, end: int, phrases: tuple[PostPhrase, ...]) -> Holder:
    zh = text[start:end]
    return Holder(start, end, romanize(zh), zh, phrases)


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
    return gap[1:] == "" or start in bodies or start in units


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


def _names_before(text: str, pos: int, bodies: list[BodyMention], cuts: Container[int]) -> list[tuple[int, int]]:
    """Names that end right before a title (or before 等 + body + title)."""
    end = min((b.start for b in bodies if b.end == pos), default=pos)
    if text[end - 1 : end] == "等":
        end -= 1
    out: list[tuple[int, int]] = []
    while end > 0:
        found = None
        for length in (4, 3, 2):
            s = end - length
            if s >= 0 and name_at(text, s, cuts) == length and not NOT_IN_NAME & set(text[s + 1 : end]):
                found = (s, end)
                break
        if not found:
            break
        lead = text[found[0] - 1 : found[0]]
        known_name = word_tags().get(text[found[0] : found[1]], "").startswith("nr")
        if found[0] > 0 and lead not in DELIMITERS and lead not in NAME_AFTER and not known_name:
            break  # 会议应出席委员: a name starts a clause, it does not follow a word
        out.insert(0, found)
        if lead != "、":
            break
        end = found[0] - 1
    return out


def _in_body(pos: int, bodies: list[BodyMention]) -> bool:
    return any(b.start <= pos < b.end for b in bodies)
