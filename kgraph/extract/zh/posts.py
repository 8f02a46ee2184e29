"""Officials and their post phrases in Chinese.

Patterns: 市委书记袁家军; 市委副书记、市长陈吉宁 (titles joined by 、 before the
name, each with the body or place written before it: 益阳市市长, 江西省人大常委会原副主任);
党组书记、主任李建辉; 党组成员吴友才、高向荣 (a list after the titles); 刘云梅、鲁罡等市政府党组成员
and 习近平总书记 (titles after the names); 李建辉主持会议 (a name before a verb); and careers,
titles after a verb of appointment that belong to the clause's subject (2005年,胡衡华调任湖南省经济委员会主任;
2008年任益阳市委副书记; 他现任安徽省政协党组书记、主席; 任命胡衡华为重庆市人民政府副市长). Which body each
title is held in is decided by :func:`kgraph.extract.posts.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from kgraph.extract.atoms import Atom
from kgraph.extract.chains import BodyMention
from kgraph.extract.posts import PERSON, Holder, PostPhrase
from kgraph.extract.zh.lexicon import word_tags
from kgraph.extract.zh.names import (
    DELIMITERS,
    HAN,
    NOT_IN_NAME,
    context_words,
    in_word,
    is_name,
    name_at,
    opens,
    plain_name,
    romanize,
    slot_starts,
    surname_length,
    unknown_name_at,
)
from kgraph.lexicon import table
from kgraph.naming import BodyRef

#: What may join two titles of one person: nothing (副书记主任), a pause mark, or "and" before the last.
JOINS = ("", "、", "和", "及", "以及")
#: What joins a list of posts that goes on after a comma, in a career (曾任宜春市委副书记、市长,抚州市委书记).
CLAUSE_JOINS = (",", "，", "、")
#: A date right before a verb (2008年任: jieba's 年任 is no word of the text).
DATED = re.compile(r"\d[年月日]\Z")
#: What ends a clause.
CLAUSE_END = set("，,。；;！!？?")
#: Delimiters after which a list of names without titles may end (游钧、杨艺文参加。 ends at a verb).
LIST_END = "，,。；;！!"


@lru_cache(maxsize=1)
def post_words() -> dict[str, dict[str, str]]:
    """``data/zh_post_words.tsv`` by role: verb -> time (任 start, 曾任 former, 辞去 end)."""
    out: dict[str, dict[str, str]] = {}
    for row in table("zh_post_words.tsv"):
        out.setdefault(row["role"], {})[row["word"]] = row["time"]
    return out


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern[str]:
    """Verbs of appointment, as the end of the text before a post phrase (longest first)."""
    verbs = sorted((*post_words().get("verb", {}), *post_words().get("linker", {})), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + r")\Z")


@dataclass
class Run:
    """Titles of one person joined by 、 (each with its body, unit or place), from ``start`` (where the first
    body or place begins) to ``end`` (the last title's end)."""

    titles: list[Atom]
    phrases: tuple[PostPhrase, ...]
    start: int
    end: int


def holders(text: str, atoms: list[Atom], bodies: list[BodyMention], cuts: Container[int]) -> list[Holder]:
    """The officials a sentence names (offsets in it) with their post phrases, and names without titles."""
    body_at_end: dict[int, BodyRef] = {}
    starts: dict[int, int] = {}  # where the body or place written right before a title begins, by its end
    for b in bodies:
        if b.ref is not None:
            body_at_end[b.end] = b.ref  # the longest chain ending here wins (recorded last)
        starts[b.end] = min(starts.get(b.end, b.start), b.start)
    unit_at_end = {b.end: b.unit for b in bodies if b.ref is None and b.unit}
    region_at_end: dict[int, str] = {}
    for a in atoms:
        if a.kind == "region" and a.place.codes:
            region_at_end[a.end] = a.place.codes[0]
            starts.setdefault(a.end, a.start)
    where = _Where(body_at_end, unit_at_end, region_at_end, starts)
    slot_names = _slot_names(text, cuts, bodies, atoms)
    taken_by_atoms = bytearray(len(text) + 1)
    for a in atoms:
        if a.kind != "level":  # 旗 in 薛昇旗: a level word alone may end a name
            taken_by_atoms[a.start : a.end] = b"\x01" * (a.end - a.start)
    out: list[Holder] = []
    taken: set[int] = set()
    career_end = -1  # where the last run of a career (titles after a verb of appointment) ended
    for run in _runs(text, [a for a in atoms if a.kind == "title"], where):
        # Names after the run (书记袁家军, 党组成员吴友才、高向荣), else before it (习近平总书记, 刘云梅、鲁罡等…成员).
        found = _names_from(text, run.end, cuts, taken_by_atoms) or _names_before(
            text, run.titles[0].start, bodies, cuts
        )
        for s, e in found:
            if s not in taken:
                taken.add(s)
                out.append(_holder(text, s, e, run.phrases))
        if found:
            continue
        verb = _verb_before(text, run.start, cuts, {e for _, e in slot_names})
        if verb is None and not (career_end >= 0 and text[career_end : run.start] in CLAUSE_JOINS):
            continue
        holder = _subject(text, run, verb, out, slot_names, cuts)
        if holder is not None:
            career_end = run.end
            out.append(holder)
    # Names without titles: 蔡奇指出, 由王志宏主持, 市领导游钧、杨艺文参加.
    for s, e in slot_names:
        if s not in taken:
            taken.add(s)
            out.append(_holder(text, s, e, ()))
    return out


@dataclass
class _Where:
    """What is written right before a title, by the offset where it ends: a body, a unit, a place."""

    bodies: dict[int, BodyRef]
    units: dict[int, str]
    regions: dict[int, str]
    starts: dict[int, int]

    def phrase(self, title: Atom) -> PostPhrase:
        """A title with the body (or the unit without its owner, or the place) written right before it."""
        body = self.bodies.get(title.start)
        unit = "" if body is not None else self.units.get(title.start, "")
        region = None if body is not None or unit else self.regions.get(title.start)
        return PostPhrase(title.value, body, unit, region)  # type: ignore[arg-type]

    def before(self, title: Atom) -> bool:
        return title.start in self.bodies or title.start in self.units or title.start in self.regions


def _runs(text: str, titles: list[Atom], where: _Where) -> list[Run]:
    """Titles joined by 、 into runs, each title with what is written before it."""
    out: list[Run] = []
    k = 0
    while k < len(titles):
        run = [titles[k]]
        while k + 1 < len(titles) and _joined(text, run[-1].end, titles[k + 1], where):
            k += 1
            run.append(titles[k])
        k += 1
        phrases = tuple(where.phrase(t) for t in run)
        out.append(Run(run, phrases, where.starts.get(run[0].start, run[0].start), run[-1].end))
    return out


def _joined(text: str, end: int, title: Atom, where: _Where) -> bool:
    """Whether two titles belong to one run: 副书记、市长, 常委、组织部部长, 襄樊市委书记、武汉市市长."""
    if where.before(title):
        gap = text[end : where.starts.get(title.start, title.start)]
        return gap in JOINS
    return text[end : title.start] in JOINS


def _verb_before(text: str, pos: int, cuts: Container[int], name_ends: Container[int]) -> str | None:
    """The verb of appointment that ends at ``pos`` and starts a word (任, not the end of 主任 or 责任): after a
    date, a name (胡衡华任) or a delimiter, or where it makes no longer word with what stands before it."""
    m = _verb_pattern().search(text, max(0, pos - 6), pos)
    if m is None:
        return None
    start = m.start()
    if m.group(0) in post_words().get("linker", {}):
        return m.group(0)  # its subject must stand right before it (see _subject)
    if start in name_ends or not HAN.match(text[start - 1]) or DATED.search(text, 0, start):
        return m.group(0)
    return None if in_word(text, start, m.end()) else m.group(0)


def _subject(
    text: str,
    run: Run,
    verb: str | None,
    found: list[Holder],
    slot_names: list[tuple[int, int]],
    cuts: Container[int],
) -> Holder | None:
    """The holder of a career run: the name it describes (…的龚建华), else the name written before its verb in
    the sentence (the one right before a linking 为: 任命胡衡华为…), else a name that opens a clause before it as
    its topic (景俊海职务已经三次调整,先后担任了…), else the person the text last named (他, 她, an omitted
    subject)."""
    verb_start = run.start - len(verb) if verb else run.start
    names = sorted({(h.start, h.end) for h in found if not h.refers} | set(slot_names))
    before = [(s, e) for s, e in names if e <= verb_start]
    linker = verb in post_words().get("linker", {})
    modified = [
        (s, e) for s, e in names if s > run.end and text[s - 1] == "的" and not CLAUSE_END & set(text[run.end : s])
    ]
    if modified and not linker:
        before = modified[:1]  # 履新江西省委常委、南昌市委书记刚刚“满月”的龚建华: a clause that describes the name
    elif linker:
        before = [(s, e) for s, e in before if e == verb_start]
    elif not before:
        before = _topics(text, verb_start, cuts)
    if before:
        s, e = before[-1]
        return _holder(text, s, e, run.phrases)
    return None if linker else Holder(run.start, run.end, "", phrases=run.phrases, refers=PERSON)


def _topics(text: str, end: int, cuts: Container[int]) -> list[tuple[int, int]]:
    """Names that open a clause before ``end`` and end at a word boundary, whatever follows (景俊海职务…)."""
    out: list[tuple[int, int]] = []
    for pos in range(end):
        if (pos == 0 or text[pos - 1] in DELIMITERS) and surname_length(text, pos):
            length = name_at(text, pos, cuts, bounded=True)
            if length and pos + length <= end:
                out.append((pos, pos + length))
    return out


def _holder(text: str, start: int, end: int, phrases: tuple[PostPhrase, ...]) -> Holder:
    zh = text[start:end]
    return Holder(start, end, romanize(zh), zh, phrases)


def _slot_names(text: str, cuts: Container[int], bodies: list[BodyMention], atoms: list[Atom]) -> list[tuple[int, int]]:
    """Names that stand where a name may start and end (游钧、杨艺文参加, 胡衡华调任, 接受唐良智辞去), not inside
    an atom and not a place (乐安也不例外)."""
    out: list[tuple[int, int]] = []
    honorific = any(w in text for w in context_words()["person"])
    inside = bytearray(len(text) + 1)
    places = bytearray(len(text) + 1)
    for a in atoms:
        inside[a.start + 1 : a.end] = b"\x01" * (a.end - a.start - 1)
        if a.kind == "region":
            places[a.start : a.end] = b"\x01" * (a.end - a.start)
    starts = slot_starts(text)
    if honorific:  # a name without a known surname before 同志 (巴音朝鲁同志)
        starts = sorted(set(starts) | {p for p in range(len(text)) if _honorific_ahead(text, p)})
    done = 0
    for pos in starts:
        if pos < done or pos >= len(text) or inside[pos] or places[pos]:
            continue
        sl = surname_length(text, pos)
        if sl and not any(plain_name(text[pos : pos + n], sl) for n in (sl + 1, sl + 2) if pos + n <= len(text)):
            continue
        if not sl and not (honorific and _honorific_ahead(text, pos)):
            continue
        listed = _name_list(text, pos, cuts) if opens(text, pos, cuts) else []
        if listed and not any(_in_body(s, bodies) or any(places[s:e]) for s, e in listed):
            out += listed
            done = listed[-1][1]
    return out


def _honorific_ahead(text: str, pos: int) -> bool:
    """Whether a word that follows only persons (同志) stands two to four characters ahead."""
    return any(text.startswith(w, pos + k) for w in context_words()["person"] for k in (2, 3, 4))


def _name_list(text: str, pos: int, cuts: Container[int]) -> list[tuple[int, int]]:
    """Names joined by 、 that end before a word that ends a name (游钧、杨艺文参加)."""
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
        # name_at ends a name where a name ends; a list ends before a word or at a few delimiters only.
        return out if end >= len(text) or text[end] in LIST_END or text[end] not in DELIMITERS else []


def _names_from(text: str, pos: int, cuts: Container[int], atoms: bytearray) -> list[tuple[int, int]]:
    """Names right after a title, joined by 、 (党组成员吴友才、高向荣), none of them on an atom (a place, a
    body); after a title a name needs no known surname (市委书记远义彬听取)."""
    out: list[tuple[int, int]] = []
    while True:
        length = name_at(text, pos, cuts, bounded=True) or unknown_name_at(text, pos, cuts)
        if not length or NOT_IN_NAME & set(text[pos + 1 : pos + length]) or any(atoms[pos : pos + length]):
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
            sl = surname_length(text, s) if s >= 0 else 0
            if sl and sl + 1 <= length <= sl + 2 and is_name(text, s, end, sl, cuts):
                found = (s, end)
                break
        if not found:
            break
        lead = text[found[0] - 1 : found[0]]
        known_name = word_tags().get(text[found[0] : found[1]], "").startswith("nr")
        if found[0] > 0 and lead not in DELIMITERS and not opens(text, found[0], cuts) and not known_name:
            break  # 会议应出席委员: a name starts a clause, it does not follow a word
        out.insert(0, found)
        if lead != "、":
            break
        end = found[0] - 1
    return out


def _in_body(pos: int, bodies: list[BodyMention]) -> bool:
    return any(b.start <= pos < b.end for b in bodies)
