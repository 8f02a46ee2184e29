"""Dates in English news and careers, to the precision the text gives, resolved against the article's date.

Reads "on Thursday", "Wednesday", "today (January 16th)", "Jan. 26", "September 16, 2020", "16 September 2020",
"in early September", "March 2015", "in 2005", "mid-2019", "last month", "earlier this year", "2015.03" and the
ranges of careers: "from 2015 to 2018", "between 2010 and 2013", "2015-2018", "since March 2018", "until 2018".
A date written without its year is the latest one not after the article ("Jan. 26" in a January 2022 article is
26 January 2022); a weekday is the latest such day on or before it. The words are in ``en_date_words.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from kgraph.dates import PartialDate, month_of, shift_month, weekday_before
from kgraph.extract.trie import trie_pattern
from kgraph.lexicon import split, table

#: What a date says of a post: it was so at that time (``at``), began then (``since``), ended then (``until``),
#: or held from ``date`` to ``to`` (``range``).
AT, SINCE, UNTIL, RANGE = "at", "since", "until", "range"

DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?!\d|:\d)"
ORDINAL = r"[0-3]?\d(?:st|nd|rd|th)(?!\w)"
YEAR = r"(?:19|20)\d{2}(?!\d|:\d|'?s\b)"
#: Between the dates of a range: "from 2015 to 2018", "between 2010 and 2013", "2015-2018", "2015.03—2018.06".
DASH = re.compile(r"\s*[-–—~]+\s*")
#: What may stand between a date and the next date of a range.
GAP = re.compile(r"\s*[-–—~]*\s*")


@dataclass(frozen=True)
class DateMention:
    """A date in a sentence (offsets in it, ``start`` at the preposition before it) and what it says."""

    start: int
    end: int
    kind: str  # AT, SINCE, UNTIL or RANGE
    date: PartialDate
    to: PartialDate | None = None  # the end of a RANGE


@lru_cache(maxsize=1)
def date_words() -> dict[str, dict[str, str]]:
    """Role -> word -> value of ``en_date_words.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for row in table("en_date_words.tsv"):
        for w in split(row["words"]):
            out.setdefault(row["role"], {})[w] = row["value"]
    return out


def _alt(*roles: str) -> str:
    return trie_pattern(sorted(w for r in roles for w in date_words()[r]))


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    """One date with the preposition before it; each form has its own groups (a month name, a weekday: only
    capitalised)."""
    cap = "(?=(?-i:[A-Z]))"
    month = rf"{cap}(?:{_alt('month')})(?![a-z])\.?"
    part = rf"(?:{_alt('part')})(?:\s+|-)(?:of\s+)?"
    weekday = rf"{cap}(?:{_alt('weekday')})(?![a-z])"
    forms = [
        rf"(?P<f_y>{YEAR})[./-](?P<f_m>[01]?\d)(?:[./-](?P<f_d>[0-3]?\d))?(?!\d|:\d)",  # 2015.03, 2023-01-16
        rf"(?P<a_m>{month})\s*(?P<a_d>{DAY})(?:(?:,\s*|\s+)(?P<a_y>{YEAR}))?",  # Jan. 26, September 16, 2020
        rf"(?P<c_p>{part})?(?P<c_m>{month})(?:\s+of)?,?\s+(?P<c_y>{YEAR})",  # early September 2020
        rf"(?P<b_d>{DAY})\s+(?:of\s+)?(?P<b_m>{month})(?:,?\s+(?P<b_y>{YEAR}))?",  # 16 September 2020
        rf"(?P<h_p>{part})?(?P<h_r>{_alt('relative')})\s+(?P<h_u>{_alt('unit')})(?![a-z])",  # late last year
        rf"(?P<g_r>{_alt('relative')}\s+)?(?P<g_w>{weekday})",  # (on) Thursday
        rf"(?P<d_p>{part})?(?P<d_m>{month})",  # in early September
        rf"(?P<e_p>{part})?(?P<e_y>{YEAR})",  # in 2005, mid-2019
        rf"(?P<i_w>{_alt('day')})(?![a-z])",  # today, yesterday
        rf"the\s+(?P<j_d>{ORDINAL})(?!\s+of\b)",  # on the 6th
    ]
    prep = _alt("since", "until", "between", "at", "on", "birth")
    return re.compile(rf"(?<![\w.])(?:(?P<prep>{prep}|and)\s+(?:the\s+)?)?(?P<date>{'|'.join(forms)})", re.I)


def find_dates(
    text: str, anchor: dt.date | None, lo: int = 0, hi: int | None = None, here: bool = False
) -> list[DateMention]:
    """The dates of a sentence that start in ``[lo, hi)`` (or, with ``here``, the one starting at ``lo``), ranges
    joined; relative ones only where the article's date ``anchor`` is known."""
    return _mentions(text, anchor, _matches(text, lo, len(text) if hi is None else hi, here))


def _mentions(text: str, anchor: dt.date | None, matches: list[re.Match[str]]) -> list[DateMention]:
    """The dates the matches of :func:`date_pattern` write, ranges joined."""
    found: list[tuple[int, int, int, str, PartialDate]] = []  # start, date start, end, preposition, date
    bare: set[int] = set()  # years with nothing to say they are dates, unless in a range ("2015-2018")
    for m in matches:
        prep = (m.group("prep") or "").lower()
        date = _date(m, anchor, _key(prep))
        if date is None and m.group("e_y") and not m.group("e_p"):
            date = PartialDate.make(int(m.group("e_y")))
            bare.add(m.start())
        if date is not None:
            found.append((m.start(), m.start("date"), m.end(), _key(prep), date))
    words = date_words()
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        start, _, end, prep, date = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _joined(text, found[i], nxt):
            out.append(DateMention(start, nxt[2], RANGE, date, nxt[4]))
            i += 2
            continue
        i += 1
        if prep in words["birth"] or start in bare:
            continue
        now = present_pattern().match(text, end)
        if now is not None:  # "2018-present", "since 2018 to date"
            out.append(DateMention(start, now.end(), SINCE, date))
            continue
        kind = SINCE if prep in words["since"] else UNTIL if prep in words["until"] else AT
        out.append(DateMention(start, end, kind, date))
    return out


def _matches(text: str, lo: int, hi: int, here: bool) -> list[re.Match[str]]:
    """Dates starting in ``[lo, hi)``, and one more right after the last (the end of a range); with ``here``,
    the date at ``lo`` and the one right after it."""
    pattern = date_pattern()
    if here:
        first = pattern.match(text, lo)
        out = [first] if first is not None else []
    else:
        out = []
        for m in pattern.finditer(text, lo):
            out.append(m)
            if m.start() >= hi:
                break
    return _range_end(text, out)


def _range_end(text: str, out: list[re.Match[str]]) -> list[re.Match[str]]:
    """The matches with the date right after the last one, where one follows (the end of a range)."""
    if out:
        gap = GAP.match(text, out[-1].end())
        after = date_pattern().match(text, gap.end()) if gap is not None else None
        if after is not None and after.start() > out[-1].start():
            out.append(after)
    return out


class Dates:
    """The dates of one sentence, read once and then asked about by bisection: a sentence may be long and
    name many persons, each of whose posts asks for the dates around it.

    :meth:`find` answers as :func:`find_dates` does. A scan from ``lo`` meets the matches of the scan from the
    start of the sentence, except where ``lo`` falls inside one of them: there it is read from ``lo`` until it
    meets them again.
    """

    def __init__(self, text: str, anchor: dt.date | None):
        self.text, self.anchor = text, anchor
        self.all = list(date_pattern().finditer(text))
        self.starts = [m.start() for m in self.all]
        self._every: list[DateMention] | None = None
        self._ends: list[int] = []
        self._ends_ordered = True

    def every(self) -> list[DateMention]:
        """Every date of the sentence (:func:`find_dates` over all of it)."""
        if self._every is None:
            self._every = _mentions(self.text, self.anchor, _range_end(self.text, list(self.all)))
            self._ends = [d.end for d in self._every]
            self._ends_ordered = all(a <= b for a, b in zip(self._ends, self._ends[1:]))
        return self._every

    def find(self, lo: int = 0, hi: int | None = None, here: bool = False) -> list[DateMention]:
        """:func:`find_dates` of the sentence."""
        if here:
            return find_dates(self.text, self.anchor, lo, hi, here)
        return _mentions(self.text, self.anchor, self._matches(lo, len(self.text) if hi is None else hi))

    def ending_by(self, end: int) -> list[DateMention]:
        """The dates from the start of the sentence that end by ``end``: those of ``find(0, end)`` that do (the
        dates after ``end`` change none before it)."""
        every = self.every()
        if self._ends_ordered:
            return every[: bisect_right(self._ends, end)]
        return [d for d in every if d.end <= end]

    def _matches(self, lo: int, hi: int) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        i = self._synced(lo)
        if i is None:  # ``lo`` falls inside a match: read on from it until the scans meet
            for m in date_pattern().finditer(self.text, lo):
                out.append(m)
                if m.start() >= hi:
                    return _range_end(self.text, out)
                i = self._synced(m.end())
                if i is not None:
                    break
            else:
                return _range_end(self.text, out)
        stop = bisect_left(self.starts, hi, lo=i)  # the first match that starts at or after ``hi`` ends the list
        out += self.all[i : stop + 1]
        return _range_end(self.text, out)

    def _synced(self, pos: int) -> int | None:
        """The index of the first match a scan from ``pos`` meets, or None where ``pos`` falls inside one."""
        j = bisect_right(self.starts, pos) - 1
        if j < 0 or self.starts[j] == pos:
            return max(j, 0)
        return j + 1 if pos >= self.all[j].end() else None


@lru_cache(maxsize=1)
def present_pattern() -> re.Pattern[str]:
    """An open end after a date: "2018-present", "from 2018 to date", "since 2018 till now"."""
    return re.compile(rf"(?:{DASH.pattern}|\s+(?:{_alt('until')})\s+)(?:{_alt('present')})(?![\w-])", re.I)


def _joined(
    text: str, first: tuple[int, int, int, str, PartialDate], second: tuple[int, int, int, str, PartialDate]
) -> bool:
    """Whether two dates are the ends of one range ("from 2015 to 2018", "between 2010 and 2013", "2015-2018")."""
    words = date_words()
    prep, then = first[3], second[3]
    if first[4] > second[4]:
        return False
    if then and not text[first[2] : second[0]].strip():
        if prep in words["between"]:
            return then == "and"
        return then in words["until"] and (prep in words["since"] or not prep or prep in words["at"])
    return not then and bool(DASH.fullmatch(text[first[2] : second[1]])) and prep not in words["birth"]


def _date(m: re.Match[str], anchor: dt.date | None, prep: str) -> PartialDate | None:
    g = m.group
    words = date_words()
    if g("f_y"):
        return PartialDate.make(int(g("f_y")), int(g("f_m")), int(g("f_d") or 0))
    if g("a_m") or g("b_m"):
        month, day, year = (g("a_m"), g("a_d"), g("a_y")) if g("a_m") else (g("b_m"), g("b_d"), g("b_y"))
        return _month_day(anchor, _month(month), _number(day), year)
    if g("c_m"):
        return PartialDate.make(int(g("c_y")), _month(g("c_m")))
    if g("d_m"):
        return _month_day(anchor, _month(g("d_m")), 0, None) if prep or g("d_p") else None
    if g("e_y"):
        return PartialDate.make(int(g("e_y"))) if prep or g("e_p") or m.start() == 0 else None
    if anchor is None:
        return None
    if g("h_u"):
        shift = int(words["relative"][_key(g("h_r"))])
        if _key(g("h_u")) == "month":
            return shift_month(anchor, shift)
        return PartialDate.make(anchor.year + shift)
    if g("g_w"):
        relative = int(words["relative"][_key(g("g_r"))]) if g("g_r") else 0
        if relative > 0:
            return None
        day = int(words["weekday"][_key(g("g_w"))])
        return weekday_before(anchor - dt.timedelta(days=1) if relative < 0 else anchor, day)
    if g("i_w"):
        day_ = anchor + dt.timedelta(days=int(words["day"][_key(g("i_w"))]))
        return PartialDate(day_.year, day_.month, day_.day)
    if g("j_d") and prep in words["on"]:  # a day of the article's month, else of the month before
        day = _number(g("j_d"))
        month = PartialDate(anchor.year, anchor.month) if day <= anchor.day else shift_month(anchor, -1)
        return PartialDate.make(month.year, month.month, day)
    return None


def _month_day(anchor: dt.date | None, month: int, day: int, year: str | None) -> PartialDate | None:
    if year:
        return PartialDate.make(int(year), month, day)
    return month_of(anchor, month, day) if anchor is not None else None


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().rstrip(".")).strip()


def _month(word: str) -> int:
    return int(date_words()["month"][_key(word)])


def _number(day: str) -> int:
    return int(re.match(r"\d+", day).group(0))  # type: ignore[union-attr]
