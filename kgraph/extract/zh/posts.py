"""Officials and their post phrases in Chinese.

Patterns: 市委书记袁家军; 市委副书记、市长陈吉宁 (titles joined by 、 before the
name, each with the body or place written before it: 益阳市市长, 江西省人大常委会原副主任);
党组书记、主任李建辉; 党组成员吴友才、高向荣 (a list after the titles); 刘云梅、鲁罡等市政府党组成员
and 习近平总书记 (titles after the names); 李建辉主持会议 (a name before a verb); and careers,
titles after a verb of appointment that belong to the clause's subject (2005年,胡衡华调任湖南省经济委员会主任;
2008年任益阳市委副书记; 他现任安徽省政协党组书记、主席; 任命胡衡华为重庆市人民政府副市长), titles after the
person a verb acts on (免去张华的…职务), titles a person left (龚正由山东省长调任…) and career lines
(2015.03—2018.06 XX市委书记). Each phrase carries the start and end the words around it report
(:mod:`kgraph.extract.zh.changes`). Which body each title is held in is decided by
:func:`kgraph.extract.posts.resolve`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Container
from dataclasses import dataclass, replace
from functools import lru_cache

from kgraph.extract.atoms import Atom
from kgraph.extract.chains import BodyMention
from kgraph.extract.posts import PERSON, Change, Holder, PostPhrase
from kgraph.extract.spans import SpanIndex
from kgraph.extract.zh import changes
from kgraph.extract.zh.dates import Clock, Dating
from kgraph.extract.zh.lexicon import title_table, word_tags
from kgraph.extract.zh.named import Named, listed_in
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
from kgraph.extract.zh.scans import Scans
from kgraph.lexicon import table
from kgraph.naming import BodyRef

#: What may join two titles of one person: nothing (副书记主任), a pause mark, or "and" before the last.
JOINS = ("", "、", "和", "及", "以及")
#: What joins a list of posts that goes on after a comma, in a career (曾任宜春市委副书记、市长,抚州市委书记).
CLAUSE_JOINS = (",", "，", "、")
#: A date right before a verb (2008年任: jieba's 年任 is no word of the text).
DATED = re.compile(r"\d[年月日]\Z")
#: A digit: a career's span is written in digits.
DIGIT = re.compile(r"\d")
#: The first characters of the markers (原, 前, 时任), a cheap test before they are looked for.
FIRST = frozenset(row["word"][0] for row in table("zh_post_words.tsv") if row["role"] == "marker")
#: Delimiters after which a list of names without titles may end (游钧、杨艺文参加。 ends at a verb).
LIST_END = "，,。；;！!"


def post_words() -> dict[str, dict[str, str]]:
    """``data/zh_post_words.tsv`` by role: word -> time (任 start, 曾任 former, 辞去 end)."""
    return changes.words()


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


def holders(
    text: str,
    atoms: list[Atom],
    bodies: list[BodyMention],
    cuts: Container[int],
    clock: Callable[[], Clock] | None = None,
) -> list[Holder]:
    """The officials a sentence names (offsets in it) with their post phrases, and names without titles; each
    phrase with the start and end the sentence reports (:mod:`kgraph.extract.zh.changes`), dated by ``clock``
    (the sentence's dates, made only where a change needs them)."""
    body_at_end: dict[int, BodyRef] = {}
    starts: dict[int, int] = {}  # where the body or place written right before a title begins, by its end
    for b in bodies:
        if b.ref is not None:
            body_at_end[b.end] = b.ref  # the longest chain ending here wins (recorded last)
        starts[b.end] = min(starts.get(b.end, b.start), b.start)
    unit_at_end = {b.end: b.unit for b in bodies if b.ref is None and b.unit}
    region_at_end: dict[int, str] = {}
    address: dict[int, int] = {}  # where the address a place ends begins, by its end (广东省韶关市)
    for a in atoms:
        if a.kind == "region":
            address[a.end] = address.get(a.start, a.start)
        if a.kind == "region" and a.place.codes:
            region_at_end[a.end] = a.place.codes[0]
            starts.setdefault(a.end, address[a.end])
    where = _Where(body_at_end, unit_at_end, region_at_end, starts)
    slot_names = _slot_names(text, cuts, bodies, atoms)
    name_ends = {e for _, e in slot_names}
    slot_at_end: dict[int, tuple[int, int]] = {}  # the first slot name that ends at each offset
    for name in slot_names:
        slot_at_end.setdefault(name[1], name)
    body_start_at_end: dict[int, int] = {}  # the earliest start of a body that ends at each offset
    for b in bodies:
        body_start_at_end[b.end] = min(body_start_at_end.get(b.end, b.start), b.start)
    subjects = _Subjects(text, cuts, slot_names)
    taken_by_atoms = bytearray(len(text) + 1)
    for a in atoms:
        if a.kind != "level":  # 旗 in 薛昇旗: a level word alone may end a name
            taken_by_atoms[a.start : a.end] = b"\x01" * (a.end - a.start)
    times = _Times(text, clock, atoms)
    out: list[Holder] = []
    taken: set[int] = set()
    career_end = -1  # where the last run of a career (titles after a verb of appointment) ended
    career_time: str | None = None  # and what its verb said of the posts
    for run in _runs(text, [a for a in atoms if a.kind == "title"], where):
        # Names after the run (书记袁家军, 党组成员吴友才、高向荣), else before it (习近平总书记, 刘云梅、鲁罡等…成员).
        found = _names_from(text, run.end, cuts, taken_by_atoms) or _names_before(
            text, run.titles[0].start, body_start_at_end, cuts
        )
        if found:
            if found[0][0] >= run.end:  # 原任重庆市市长唐良智, 新任市委书记张三 (not the news: no date)
                lead = _verb_before(text, run.start, cuts, name_ends)
                time = changes.verb_time(text, lead, run.start - len(lead)) if lead else _marked(text, run.start)
                phrases = times.phrases(run, time, run.start, describes=True)
            else:  # 免去石奇珠汕尾市委书记职务
                time = changes.object_time(times.scans, found[0][0], right_before=True)
                phrases = times.phrases(run, time, found[0][0])
        for s, e in found:
            if s not in taken:
                taken.add(s)
                out.append(_holder(text, s, e, phrases))
        if found:
            continue
        verb = _verb_before(text, run.start, cuts, name_ends)
        continued = career_end >= 0 and run.start - career_end == 1 and text[career_end] in CLAUSE_JOINS
        if verb is None and not continued:
            holder = _object(text, run, slot_at_end, times) or _left_from(text, run, slot_at_end, times)
            if holder is None:
                holder = times.career_line(run)
                if holder is not None:  # 2016.03—2020.11 吉林省委副书记,省长
                    career_end, career_time = run.end, changes.START
            if holder is not None:
                out.append(holder)
            continue
        held, describes = subjects.of(run, verb, out)
        if not held:
            continue
        holder = held[-1]
        if verb is None:
            time = career_time
            if time == changes.SUCCESSIVE and out and out[-1].phrases:  # 先后担任A、B,C: B gave way to C
                last = out[-1].phrases[-1]
                out[-1] = replace(out[-1], phrases=(*out[-1].phrases[:-1], replace(last, ended=Change())))
        elif verb in post_words().get("linker", {}):
            by_object = changes.object_time(times.scans, held[0].start)
            time = by_object or changes.verb_time(text, verb, run.start - len(verb))
        else:
            time = changes.verb_time(text, verb, run.start - len(verb))
        pos = run.start - len(verb) if verb else run.start
        if verb in post_words().get("acting", {}):
            run = _acting(run, verb)
        news = not (verb and changes.past(text, pos))  # 刘国中已任陕西省委书记: before the news
        phrases = times.phrases(run, time, pos, describes, news)
        ended = changes.left(times.scans, run.end, times.clock()) if changes.leaves(times.scans, run.end) else None
        if ended is not None:
            phrases = tuple(p if p.ended is not None else replace(p, ended=ended) for p in phrases)
        career_end, career_time = run.end, time
        out += [Holder(h.start, h.end, h.name, h.zh, phrases, h.refers) for h in held]
    # Names without titles: 蔡奇指出, 由王志宏主持, 市领导游钧、杨艺文参加.
    for s, e in slot_names:
        if s not in taken:
            taken.add(s)
            out.append(_holder(text, s, e, ()))
    return times.expelled(out) if changes.expels(text) else out


class _Times:
    """What a sentence says of the posts it names: the time of each run and its date, from the sentence's
    clock, made on first use."""

    def __init__(self, text: str, clock: Callable[[], Clock] | None, atoms: list[Atom]):
        self.text = text
        self.scans = Scans(text)
        self.make = clock
        self.made: Clock | None = None
        self.atoms = atoms
        self.found_marks: dict[int, str] | None = None
        self.mark_at: list[int] = []  # where the markers stand
        self.marks_ordered = True
        self.digits: bool | None = None  # whether the sentence writes a digit (a career's span)

    def marks(self) -> dict[int, str]:
        """Markers between the atoms of a body, by offset (河南省原省委常委): their times."""
        if self.found_marks is None:
            self.found_marks = _marks(self.text, self.atoms)
            self.mark_at = list(self.found_marks)
            self.marks_ordered = self.mark_at == sorted(self.mark_at)
        return self.found_marks

    def marked(self, start: int, end: int) -> str | None:
        """The time of the last marker in ``[start, end)`` (in their order), None where there is none."""
        marks = self.marks()
        if not self.marks_ordered:
            found = [t for at, t in marks.items() if start <= at < end]
            return found[-1] if found else None
        i = bisect_left(self.mark_at, end) - 1
        return marks[self.mark_at[i]] if i >= 0 and self.mark_at[i] >= start else None

    def clock(self) -> Clock | None:
        if self.made is None and self.make is not None:
            self.made = self.make()
        return self.made

    def phrases(
        self, run: Run, time: str | None, pos: int, describes: bool = False, news: bool = True, after: bool = True
    ) -> tuple[PostPhrase, ...]:
        """The run's phrases with the start and end ``time`` says (changed from a marker on: 江西省人大常委会原
        副主任), dated as a change written at ``pos``."""
        if time is not None and after:
            time = changes.after(self.text, run.end) or time  # 提名张华为市长候选人, 担任市长期间
        markers = post_words().get("marker", {})
        marks = self.marks() if len(run.titles) > 1 or run.start < run.titles[0].start else {}
        each: list[str] = []
        since = run.start  # where the text before the title begins
        for title in run.titles:
            marker = next((m for m in markers if title.text.startswith(m)), None) if title.text[0] in FIRST else None
            marked = self.marked(since, title.start) if marks else None
            time = markers[marker] if marker else marked if marked is not None else time
            each.append(time or changes.NONE)
            since = title.end
        if all(t in (changes.NONE, changes.HELD) for t in each):
            return run.phrases
        # A former post takes a date only from a career's span, never in a clause that describes a name.
        if self.digits is None:
            self.digits = DIGIT.search(self.text) is not None
        spans = not describes and self.digits
        dated = any(t in changes.DATED and (t != changes.FORMER or spans) for t in each)
        when = changes.dating(self.clock() if dated else None, time or changes.NONE, pos, describes, news)
        return changes.changed(run.phrases, each, when)

    def career_line(self, run: Run) -> Holder | None:
        """A line of a career whose dates open it, held by the person the text last named (2015.03—2018.06
        XX市委书记: both; 2018.06— XX市委书记: a start)."""
        if not self.text[:1].isdigit():
            return None
        clock = self.clock()
        if clock is None or not clock.found:
            return None
        w = clock.found[0]
        if self.text[: w.start].strip() or self.text[w.end : run.start].strip() or w.date is None:
            return None
        when = Dating(w.date, w.until, w.span, stated=True)
        phrases = changes.changed(run.phrases, [changes.START] * len(run.phrases), when)
        return Holder(run.start, run.end, "", phrases=phrases, refers=PERSON)

    def expelled(self, found: list[Holder]) -> list[Holder]:
        """End the posts of the persons a discipline decision expels (给予张华开除党籍处分)."""
        at = changes.expelled(self.scans, [(h.start, h.end) for h in found if not h.refers])
        out = []
        for h in found:
            if h.start in at and h.phrases and not h.refers:
                when = changes.dating(self.clock(), changes.END, at[h.start])
                ended = Change(when.date)
                h = replace(h, phrases=tuple(p if p.ended else replace(p, ended=ended) for p in h.phrases))
            out.append(h)
        return out


def _marks(text: str, atoms: list[Atom]) -> dict[int, str]:
    """Markers written between the atoms of a body (河南省原省委常委, 东莞前市委书记), by offset: their times."""
    markers = post_words().get("marker", {})
    out: dict[int, str] = {}
    if not any(c in text for c in FIRST):
        return out
    for a, b in zip(atoms, atoms[1:]):
        gap = text[a.end : b.start]
        if gap in markers:
            out[a.end] = markers[gap]
    return out


def _acting(run: Run, verb: str) -> Run:
    """The run with the acting form of each title after a verb that makes them acting (代理郑州市市长职务)."""
    table = title_table()
    phrases = tuple(replace(p, title=table.get(verb + t.text, p.title)) for p, t in zip(run.phrases, run.titles))
    return replace(run, phrases=phrases)


def _left_from(text: str, run: Run, slot_at_end: dict[int, tuple[int, int]], times: _Times) -> Holder | None:
    """Posts a person left for the one a verb of appointment gives next (龚正由山东省长调任上海代市长,
    2017年从山东省委常委、烟台市委书记任上,调赴河北): they ended when it began."""
    lead = changes.left_from(text, run.start)
    verb = changes.next_start(text, run.end) if lead is not None else None
    if lead is None or verb is None:
        return None
    name = slot_at_end.get(lead)
    if name is not None:
        holder = _holder(text, name[0], name[1], run.phrases)
    else:
        holder = Holder(run.start, run.end, "", phrases=run.phrases, refers=PERSON)
    return replace(holder, phrases=times.phrases(run, changes.END, verb, after=False))


def _marked(text: str, pos: int) -> str | None:
    """What a marker right before a list of titles says of them all (原保定市市长王凯: former)."""
    for marker, time in post_words().get("marker", {}).items():
        start = pos - len(marker)
        if start >= 0 and text.startswith(marker, start) and not (start and in_word(text, start, pos)):
            return time
    return None


def _object(text: str, run: Run, slot_at_end: dict[int, tuple[int, int]], times: _Times) -> Holder | None:
    """Titles after the person a verb acts on (免去张华的…职务, 免去其…职务): the person's posts, and what the verb
    says of them."""
    end = run.start
    if text[end - 1 : end] == "的":
        end -= 1
    person = next((w for w in context_words()["person"] if text.endswith(w, 0, end)), "")
    end -= len(person)
    name = slot_at_end.get(end)
    if name is not None:
        time = changes.object_time(times.scans, name[0])
        holder = _holder(text, name[0], name[1], run.phrases)
    elif text[end - 1 : end] == "其":
        time = changes.object_time(times.scans, end - 1)
        holder = Holder(run.start, run.end, "", phrases=run.phrases, refers=PERSON)
    else:
        return None
    if time is None:
        return None
    return replace(holder, phrases=times.phrases(run, time, holder.start if name else end - 1))


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
    date, a name (胡衡华任) or a delimiter, or where it makes no longer word with what stands before it; a verb
    that makes titles acting only right after a name or a delimiter (王文超代理郑州市市长, not 市委代理书记)."""
    m = _verb_pattern().search(text, max(0, pos - 6), pos)
    if m is None:
        return None
    start = m.start()
    if m.group(0) in post_words().get("linker", {}):
        return m.group(0)  # its subject must stand right before it (see _subject)
    if m.group(0) in post_words().get("acting", {}):  # 王文超代理郑州市市长, …,代理山西省省长; not 市委代理书记
        return m.group(0) if start in name_ends or not HAN.match(text[start - 1 : start] or "，") else None
    if start in name_ends or not HAN.match(text[start - 1]) or DATED.search(text, max(0, start - 2), start):
        return m.group(0)
    return None if in_word(text, start, m.end()) else m.group(0)


class _Subjects:
    """Who a career's runs of titles belong to, in one sentence: the names it found so far (:mod:`named`), and
    the names that open its clauses, each read once."""

    def __init__(self, text: str, cuts: Container[int], slot_names: list[tuple[int, int]]):
        self.text, self.cuts = text, cuts
        self.named = Named(text, slot_names)
        self.synced = 0  # how many of the sentence's holders the names hold
        self.topic_lengths: list[tuple[int, int]] = []  # names that open a clause: start, length
        self.topics_read = 0  # up to where they were looked for

    def of(self, run: Run, verb: str | None, found: list[Holder]) -> tuple[list[Holder], bool]:
        """The holders of a career run: the name it describes (…的龚建华), else the name written before its verb
        in the sentence, with those joined to it by 、 (王五、赵六当选为副省长; right before a linking 为:
        任命胡衡华为…, 任命胡衡华同志为…, 李四、王五为副主任), else a name that opens a clause before it as its
        topic (景俊海职务已经三次调整,先后担任了…), else the person the text last named (他, 她, an omitted
        subject); and whether the run describes the name. ``found``: the sentence's holders so far."""
        for h in found[self.synced :]:
            if not h.refers:
                self.named.add((h.start, h.end))
        self.synced = len(found)
        text, named = self.text, self.named
        verb_start = run.start - len(verb) if verb else run.start
        person = context_words()["person"]
        last = named.last_ending_by(verb_start)
        if verb in post_words().get("linker", {}):
            return [_holder(text, s, e, run.phrases) for s, e in named.listed(verb_start, person)], False
        modified = named.described_after(run.end)
        if modified is not None:  # 履新江西省委常委、南昌市委书记刚刚“满月”的龚建华: a clause that describes the name
            return [_holder(text, modified[0], modified[1], run.phrases)], True
        if last is not None:
            listed = named.listed(verb_start, person)  # 王五、赵六当选为副省长
            return [_holder(text, s, e, run.phrases) for s, e in listed or [last]], False
        topics = self.topics(verb_start)
        if topics:
            listed = listed_in(text, topics, verb_start, person)
            return [_holder(text, s, e, run.phrases) for s, e in listed or topics[-1:]], False
        return [Holder(run.start, run.end, "", phrases=run.phrases, refers=PERSON)], False

    def topics(self, end: int) -> list[tuple[int, int]]:
        """Names that open a clause before ``end`` and end at a word boundary, whatever follows (景俊海职务…);
        each offset is read once however often the sentence asks."""
        text = self.text
        for pos in range(self.topics_read, end):
            if (pos == 0 or text[pos - 1] in DELIMITERS) and surname_length(text, pos):
                length = name_at(text, pos, self.cuts, bounded=True)
                if length:
                    self.topic_lengths.append((pos, length))
        self.topics_read = max(self.topics_read, end)
        return [(pos, pos + length) for pos, length in self.topic_lengths if pos < end and pos + length <= end]


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
    in_body = SpanIndex((b.start, b.end) for b in bodies)
    ahead = _honorifics_ahead(text) if honorific else set()
    if honorific:  # a name without a known surname before 同志 (巴音朝鲁同志)
        starts = sorted(set(starts) | ahead)
    done = 0
    for pos in starts:
        if pos < done or pos >= len(text) or inside[pos] or places[pos]:
            continue
        sl = surname_length(text, pos)
        if sl and not any(plain_name(text[pos : pos + n], sl) for n in (sl + 1, sl + 2) if pos + n <= len(text)):
            continue
        if not sl and pos not in ahead:
            continue
        listed = _name_list(text, pos, cuts) if opens(text, pos, cuts) else []
        if listed and not any(in_body.covers(s) or any(places[s:e]) for s, e in listed):
            out += listed
            done = listed[-1][1]
    return out


def _honorifics_ahead(text: str) -> set[int]:
    """The offsets two to four characters before a word that follows only persons (同志): where a name
    without a known surname may start (巴音朝鲁同志)."""
    out: set[int] = set()
    for w in context_words()["person"]:
        at = text.find(w)
        while at >= 0:
            out |= {at - k for k in (2, 3, 4) if at - k >= 0}
            at = text.find(w, at + 1)
    return out


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


def _names_before(
    text: str, pos: int, body_start_at_end: dict[int, int], cuts: Container[int]
) -> list[tuple[int, int]]:
    """Names that end right before a title (or before 等 + body + title: ``body_start_at_end``, the earliest
    start of a body that ends at each offset)."""
    end = body_start_at_end.get(pos, pos)
    if text[end - 1 : end] == "等":
        end -= 1
    if text[end - 1 : end] in post_words().get("verb", {}):
        return []  # 王凯任保定市委书记: a verb of appointment of one character ends the name before it
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
