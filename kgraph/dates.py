"""Dates to the precision the text gives: a year, a month or a day, and dates relative to the article's.

News says "on Thursday", 日前, 今年3月, "last month", "in early September"; careers say
"2015.03—2018.06", "from 2015 to 2018", "2008年1月". Each becomes a :class:`PartialDate` that keeps
its precision, so "2008年1月" is January 2008 and not 1 January 2008, and the RDF writes it as
``xsd:gYearMonth``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

YEAR, MONTH, DAY = "year", "month", "day"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (month and day 0 where unknown)."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return DAY if self.day else MONTH if self.month else YEAR

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """``2023``, ``2023-05`` or ``2023-05-07`` (an article's date); None when it is no real date."""
        parts = text.strip().split("-")
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            return None
        if not 1 <= len(numbers) <= 3:
            return None
        return cls.make(*numbers)

    @classmethod
    def make(cls, year: int, month: int = 0, day: int = 0) -> PartialDate | None:
        """A date from its parts, or None where they make no date (month 13, 30 February)."""
        if not 1900 <= year <= 2100 or not 0 <= month <= 12 or (day and not month):
            return None
        if day:
            try:
                dt.date(year, month, day)
            except ValueError:
                return None
        return cls(year, month, day)


def article_date(text: str) -> dt.date | None:
    """The article's date, the anchor of relative dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def weekday_before(anchor: dt.date, weekday: int) -> PartialDate:
    """ "on Thursday" in an article of ``anchor``: the latest such day on or before it (Monday is 0)."""
    day = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    return PartialDate(day.year, day.month, day.day)


def month_of(anchor: dt.date, month: int, day: int = 0) -> PartialDate | None:
    """A month (and day) written without a year: the latest one not after the article (12月25日 in a
    January article is last December's)."""
    year = anchor.year if (month, day) <= (anchor.month, anchor.day or 31) else anchor.year - 1
    return PartialDate.make(year, month, day)


def shift_month(anchor: dt.date, months: int) -> PartialDate:
    """The month ``months`` after the article's (-1: "last month", 上月)."""
    index = anchor.year * 12 + anchor.month - 1 + months
    return PartialDate(index // 12, index % 12 + 1)
