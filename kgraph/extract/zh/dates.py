"""Chinese dates, and the date a change of post in a sentence takes.

Points are written 2008年1月, 12月25日 (the year left out: the latest not after the article), 2015.03 (careers),
2020-11-20, 二〇一五年三月, or relative to the article's date: 去年12月30日, 今年3月, 上月, 29日, 日前; spans
join two points (2015.03—2018.06, 2015年至2018年, 2018.06—至今). Each keeps the precision the text gives. The
words are in ``data/zh_date_words.tsv``.

A change of post takes the date written before it in its sentence, at the head of the sentence (去年12月30日,
…决定,接受…辞去…,任命…) or of its clause (2008年任…, 2009年任…), unless its clause opens with a word that puts
it later without a date (后同时兼任, 随后兼任) or the date is another event's (1963年6月出生, 1976年9月加入中国
共产党). A sentence without a date takes the last one its paragraph gave before it (12月25日消息,…任…。…不再担任…).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kgraph.dates import PartialDate, month_of, shift_month
from kgraph.lexicon import table

HAN = re.compile(r"[\u4e00-\u9fff]")
#: What ends a clause.
CLAUSE_BREAK = "，,。；;：:！!？?"
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
#: Spaces between the two dates of a career line's span whose dash got lost (1988.03 1989.05).
GAP = re.compile(r"[ \u3000\t]+")
WIDE = re.compile("[０-９]")
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class When:
    """A date the text writes, offsets in the sentence: ``date`` None for a time it gives no date for (近期);
    a span (2015.03—2018.06) ends at ``until`` (None where it is open: 2018.06—至今); a period (2017年以来) is
    no change's date."""

    start: int
    end: int
    date: PartialDate | None
    until: PartialDate | None = None
    span: bool = False
    period: bool = False
    owned: bool = False  # the date of another event in its clause (1963年6月出生)


@lru_cache(maxsize=1)
def date_words() -> dict[str, dict[str, str]]:
    """``data/zh_date_words.tsv`` by role: word -> value."""
    out: dict[str, dict[str, str]] = {}
    for row in table("zh_date_words.tsv"):
        out.setdefault(row["role"], {})[row["word"]] = row["value"] or ""
    return out


def _alt(role: str) -> str:
    return "|".join(map(re.escape, sorted(date_words().get(role, {}), key=len, reverse=True))) or "(?!)"


def _unit(value: str) -> str:
    return _alt_of(w for w, v in date_words()["unit"].items() if v == value)


def _alt_of(words: object) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def point_pattern() -> re.Pattern[str]:
    """One point in time, in any of its forms (named groups say which)."""
    y, m, d = _unit("year"), _unit("month"), _unit("day")
    sep = _alt("sep")
    cn = "".join(CN_DIGITS)
    num2 = r"\d{1,2}(?!\d)"
    return re.compile(
        # 2008年1月5日, 2008年, 2015.03, 2015.03.05, 2020-11-20, 1998 (before a span: 1998—2005年)
        rf"(?<!\d)(?P<y>(?:19|20)\d\d)(?:(?:{y})(?:(?P<m>{num2})(?:{m})(?:(?P<d>{num2})(?:{d}))?)?"
        rf"|(?:{sep})(?P<cm>{num2})(?:(?:{sep})(?P<cd>{num2}))?(?![\d万亿%元])"
        rf"|-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"
        rf"|(?=\s*(?:{_alt('range')})\s*(?:19|20)\d\d))"
        # 二〇一五年三月
        rf"|(?P<cy>[{cn}]{{4}})(?:{y})(?:(?P<cmo>十[一二]?|[一二三四五六七八九])(?:{m}))?"
        # 同年7月, 同月25日, 当天
        rf"|(?P<same>{_alt('same')})(?:(?P<sm>{num2})(?:{m}))?(?:(?P<sd>{num2})(?:{d}))?"
        # 一年后, 3年后
        rf"|(?P<later>[一二两三四五六七八九十]|\d{{1,2}})(?:{y})(?:{_alt('later')})"
        # 今年3月, 去年12月30日, 去年
        rf"|(?P<ry>{_alt('year')})(?:(?P<rm>{num2})(?:{m})(?:(?P<rd>{num2})(?:{d}))?)?"
        # 上月, 上月25日
        rf"|(?P<rmo>{_alt('month')})(?:(?P<rmd>{num2})(?:{d}))?"
        # 12月25日, 3月 (no year)
        rf"|(?<![\d年])(?P<m2>{num2})(?:{m})(?:(?P<d2>{num2})(?:{d}))?"
        # 29日 (no month)
        rf"|(?<![\d月])(?P<d3>{num2})日"
        # 日前, 近日, 昨天
        rf"|(?P<rday>{_alt('day')})"
        # 近期
        rf"|(?P<vague>{_alt('vague')})"
    )


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """Where a point may begin (a cheap search before the point's pattern is tried): a digit, a year in Chinese
    numerals, a relative date."""
    relative = "|".join(_alt(role) for role in ("year", "month", "day", "vague", "same"))
    cn = "".join(CN_DIGITS)
    later = rf"[一二两三四五六七八九十](?=(?:{_unit('year')})(?:{_alt('later')}))"
    return re.compile(rf"\d|[{cn}]{{4}}(?={_unit('year')})|{later}|{relative}")


@lru_cache(maxsize=1)
def _after_point() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What may follow a point: a part of the day or month (上午, 初), a span's separator, its open end (至今),
    a period (以来)."""
    return (
        re.compile(rf"(?:{_alt('part')})+"),
        re.compile(rf"\s*(?P<sep>{_alt('range')})\s*"),
        re.compile(rf"(?:{_alt('now')})"),
        re.compile(rf"(?:{_alt('period')})"),
    )


def whens(text: str, anchor: dt.date | None) -> list[When]:
    """Every date the sentence writes, in order, resolved against the article's date ``anchor``."""
    if WIDE.search(text):
        text = text.translate(FULL_WIDTH)
    out: list[When] = []
    part, sep, now, period = _after_point()
    pos = 0
    last: PartialDate | None = None  # the last date the sentence wrote: 2015年1月…,6月 is 2015's June
    while True:
        t = _trigger().search(text, pos)
        if t is None:
            break
        m = point_pattern().match(text, t.start())
        if m is None:
            pos = t.start() + 1
            continue
        date, last = _resolve(m, anchor, last)
        end = m.end()
        p = part.match(text, end)
        end = p.end() if p else end
        when = When(m.start(), end, date)
        s = sep.match(text, end)
        if s is not None:
            dash = not HAN.match(s.group("sep"))  # 至, 到 join a span only to a date or 今
            n = now.match(text, s.end())
            second = point_pattern().match(text, s.end())
            if n is not None:
                when = When(m.start(), n.end(), date, None, span=True)
            elif second is not None and second.end() > second.start() and not second.group("vague"):
                until, last = _resolve(second, anchor, last)
                stop = second.end()
                p = part.match(text, stop)
                when = When(m.start(), p.end() if p else stop, date, until, span=True)
            elif dash:
                when = When(m.start(), s.end(), date, None, span=True)
        elif m.group("cm") and (gap := GAP.match(text, end)) is not None:
            second = point_pattern().match(text, gap.end())
            if second is not None and second.group("cm"):  # 1988.03 1989.05: a span whose dash got lost
                until, last = _resolve(second, anchor, last)
                when = When(m.start(), second.end(), date, until, span=True)
        if period.match(text, when.end):
            when = When(when.start, when.end, date, period=True)
        if when.end <= pos:  # an empty match (a bare year not before a span)
            pos = m.end() + 1
            continue
        out.append(when)
        pos = when.end
    return _own(text, out)


def _resolve(
    m: re.Match[str], anchor: dt.date | None, last: PartialDate | None
) -> tuple[PartialDate | None, PartialDate | None]:
    """The point a match names, and the date later points of the sentence are relative to (2015年1月…,6月 is
    2015's June; 同年7月; 一年后)."""
    g = m.groupdict()
    year = last.year if last is not None else None
    found: PartialDate | None
    if g["y"]:
        month = g["m"] or g["cm"] or g["im"]
        day = g["d"] or g["cd"] or g["id"]
        found = PartialDate.make(int(g["y"]), int(month or 0), int(day or 0))
    elif g["cy"]:
        found = PartialDate.make(int("".join(str(CN_DIGITS[c]) for c in g["cy"])), _cn_month(g["cmo"]))
    elif g["same"]:
        found = _same(last, date_words()["same"][g["same"]], int(g["sm"] or 0), int(g["sd"] or 0))
    elif g["later"]:
        found = PartialDate.make(year + _number(g["later"])) if year is not None else None
    elif g["vague"] or anchor is None:
        return None, last
    elif g["ry"]:
        y = anchor.year + int(date_words()["year"][g["ry"]])
        found = PartialDate.make(y, int(g["rm"] or 0), int(g["rd"] or 0))
    elif g["rmo"]:
        month = shift_month(anchor, int(date_words()["month"][g["rmo"]]))
        found = PartialDate.make(month.year, month.month, int(g["rmd"] or 0))
    elif g["m2"]:
        found = _after(last, anchor, int(g["m2"]), int(g["d2"] or 0))
    elif g["d3"]:
        day = int(g["d3"])
        base = PartialDate(anchor.year, anchor.month) if day <= anchor.day else shift_month(anchor, -1)
        found = PartialDate.make(base.year, base.month, day)
    else:
        shifted = anchor + dt.timedelta(days=int(date_words()["day"][g["rday"]]))
        found = PartialDate(shifted.year, shifted.month, shifted.day)
    return found, found or last


def _after(last: PartialDate | None, anchor: dt.date, month: int, day: int) -> PartialDate | None:
    """A month (and day) without a year: after the last date of the sentence, time moves on (2014年12月…,1月任: 2015;
    去年7月…,1月30日: this year), never past the article; else the latest not after the article."""
    if last is not None:
        found = PartialDate.make(last.year + (month < last.month), month, day)
        if found is not None and found <= PartialDate(anchor.year, anchor.month, anchor.day):
            return found
    return month_of(anchor, month, day)


def _same(last: PartialDate | None, unit: str, month: int, day: int) -> PartialDate | None:
    """同年7月, 同月25日, 当天: the last date the sentence gave, to the unit the word names, with what follows."""
    if last is None:
        return None
    if unit == "year":
        return PartialDate.make(last.year, month, day if month else 0)
    if unit == "month":
        return PartialDate.make(last.year, last.month, day) if last.month else None
    return last if last.day else None


def _number(text: str) -> int:
    """一 -> 1, 两 -> 2, 十 -> 10, 3 -> 3."""
    if text.isdigit():
        return int(text)
    return _cn_month(text.replace("两", "二"))


def _cn_month(text: str | None) -> int:
    if not text:
        return 0
    if text.startswith("十"):
        return 10 + (CN_DIGITS[text[1]] if len(text) > 1 else 0)
    return CN_DIGITS[text]


@lru_cache(maxsize=1)
def _own_pattern() -> re.Pattern[str]:
    """Words of another event, anywhere in the date's clause (1976年9月加入中国共产党)."""
    return re.compile(_alt_of(w for w in date_words().get("own", {}) if len(w) > 1))


@lru_cache(maxsize=1)
def _own_right_after() -> re.Pattern[str]:
    """Words of one character (生) that are another event only right after its date (1963年6月生)."""
    return re.compile(_alt_of(w for w in date_words().get("own", {}) if len(w) == 1) or "(?!)")


@lru_cache(maxsize=1)
def _after_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('after')})")


def _own(text: str, found: list[When]) -> list[When]:
    """Mark the dates of clauses that date another event (1963年6月出生)."""
    if not found:
        return found
    breaks = _breaks(text)
    out = []
    for w in found:
        start, end = _clause(breaks, w.start, len(text))
        if _own_pattern().search(text, start, end) or _own_right_after().match(text, w.end):
            w = When(w.start, w.end, w.date, w.until, w.span, w.period, owned=True)
        out.append(w)
    return out


BREAK = re.compile(f"[{CLAUSE_BREAK}]")


def clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: from after the break before it to the next break."""
    return _clause(_breaks(text), pos, len(text))


def _breaks(text: str) -> list[int]:
    return [m.start() for m in BREAK.finditer(text)]


def _clause(breaks: list[int], pos: int, length: int) -> tuple[int, int]:
    i = bisect_left(breaks, pos)
    return (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else length)


@dataclass(frozen=True)
class Dating:
    """The date of a change at one offset of a sentence: ``date`` (None: the text gives none), and the end of
    the span it opens (``span``: a career line, 2015.03—2018.06, gives both); ``stated`` where the sentence
    itself gives it, ``later`` where its clause puts it after the dates before without one (后同时兼任)."""

    date: PartialDate | None = None
    until: PartialDate | None = None
    span: bool = False
    stated: bool = False
    later: bool = False


class Clock:
    """The dates of one sentence, with the date its paragraph carries into it and the article's date."""

    def __init__(
        self,
        text: str,
        anchor: dt.date | None,
        carried: PartialDate | None | Callable[[], PartialDate | None] = None,
    ):
        self.text = text
        self.anchor = anchor
        self.carry = carried  # or how to find it, asked only where the sentence gives no date
        self.found = whens(text, anchor)
        self.breaks = _breaks(text)
        # The dates are in order and do not overlap: each is found by bisection, not by reading them all.
        self.ends = [w.end for w in self.found]
        self.free: list[int] = []  # by date: the last date up to it that dates no other event, or -1
        for i, w in enumerate(self.found):
            self.free.append(i if not w.owned else self.free[-1] if self.free else -1)

    def at(self, pos: int, local: bool = False) -> Dating:
        """The date a change written at ``pos`` takes from its sentence (not yet the paragraph's or the
        article's: see :meth:`news`); ``local``: only from its own clause (a clause that describes a name:
        2006年至2011年11月担任东莞市委书记的刘志庚, not 在2015年4月24日…会议上,履新…的龚建华)."""
        start, _ = _clause(self.breaks, pos, len(self.text))
        if _after_pattern().match(self.text, start):
            return Dating(later=True)
        i = bisect_right(self.ends, pos) - 1  # the last date that ends by ``pos``
        i = self.free[i] if i >= 0 else -1
        if i < 0 or (local and self.found[i].start < start):
            return Dating()
        w = self.found[i]
        if w.period:
            return Dating(stated=True)
        return Dating(w.date, w.until, w.span, stated=True)

    def news(self, pos: int) -> Dating:
        """The date of a change the article reports as news: its sentence's, else the last its paragraph gave,
        else the article's."""
        found = self.at(pos)
        if found.stated or found.later:
            return found
        carried = self.carry() if callable(self.carry) else self.carry
        if carried is not None:
            return Dating(carried)
        if self.anchor is not None:
            return Dating(PartialDate(self.anchor.year, self.anchor.month, self.anchor.day))
        return found

    def until(self, start: int, end: int) -> When | None:
        """The last date written in ``text[start:end]``."""
        i = bisect_right(self.ends, end) - 1
        return self.found[i] if i >= 0 and self.found[i].start >= start else None


def last_date(text: str, anchor: dt.date | None) -> PartialDate | None:
    """The last date a sentence gives that later sentences of its paragraph may take (not another event's,
    not a period's start)."""
    dated = [w for w in whens(text, anchor) if w.date is not None and not w.owned and not w.period]
    return dated[-1].date if dated else None
