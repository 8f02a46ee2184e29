"""When English news says a post began or ended: the change the words report, dated by the clause.

A verb, an adverb, a noun or an appositive word says what happened to the post (``en_post_verbs.tsv``: "was
appointed" starts it, "no longer serves as" ends it, "former" ended it at a time the text need not give, "serves
as" only holds it). The date is the first one in the clause of the predicate ("was elected mayor ... on
Wednesday", "was appointed acting mayor in early September"), else one written before the person ("In 2005, he
joined ..."); a date range gives a post held in a career both ends ("served as ... from 2015 to 2018"), "since"
its start and "until" its end. A start or end the article reports as its news with no date of its own takes the
article's date; one told as a step of a career before the news ("had been appointed", "later became"), or a
former post, takes none.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace

from kgraph.dates import PartialDate
from kgraph.extract.en.dates import AT, RANGE, SINCE, UNTIL, DateMention, Dates
from kgraph.extract.posts import Change, PostPhrase

START, TRANSFER, END, FORMER, HOLD = "start", "transfer", "end", "former", "hold"


@dataclass
class Clauses:
    """One sentence as the changes of its posts are dated: the article's date and where the sentence names its
    persons (a clause of one person ends where another is named). Dates are looked for only where a post's
    change needs one."""

    text: str
    anchor: dt.date | None = None
    bounds: list[int] = field(default_factory=list)  # sorted starts of names and references to persons
    _dates: Dates | None = field(default=None, repr=False)

    @property
    def dates(self) -> Dates:
        """The sentence's dates, read on first use."""
        if self._dates is None:
            self._dates = Dates(self.text, self.anchor)
        return self._dates

    @property
    def today(self) -> PartialDate | None:
        a = self.anchor
        return PartialDate(a.year, a.month, a.day) if a is not None else None

    def limit(self, pos: int) -> int:
        """Where the clause of a predicate that ends at ``pos`` ends: where the next person is named, or at a
        semicolon."""
        i = bisect.bisect_right(self.bounds, pos)
        end = self.bounds[i] if i < len(self.bounds) else len(self.text)
        semicolon = self.text.find(";", pos, end)
        return semicolon if semicolon >= 0 else end

    def date_at(self, pos: int) -> DateMention | None:
        """The date written at ``pos`` ("mayor of X from 2015 to 2018": the range after the post)."""
        found = self.dates.find(pos, pos + 1, here=True)
        return found[0] if found else None

    def date_in(self, lo: int, hi: int, subject: int = -1) -> DateMention | None:
        """The first date written in ``[lo, hi)``, else (for ``subject`` >= 0) the last one written before the
        person at ``subject`` with no other person between ("In 2005, he joined ..."), else one written before
        every person of the sentence ("On February 17, the meeting decided to appoint A ... and to remove B
        ...")."""
        found = next((d for d in self.dates.find(lo, hi) if d.start < hi), None)
        if found is not None or subject <= 0:
            return found
        before = self.dates.ending_by(subject)
        if not before:
            return None
        i = bisect.bisect_left(self.bounds, before[-1].end)
        if not (i < len(self.bounds) and self.bounds[i] < subject):  # no person named between
            return before[-1]
        first_person = self.bounds[0] if self.bounds else subject
        return before[0] if before[0].end <= first_person else None

    def ends_before(self, pos: int) -> DateMention | None:
        """A date that ends right before ``pos`` ("In 2005 he joined ...")."""
        lo = max(0, pos - 40)
        return next((d for d in self.dates.find(lo, pos) if not self.text[d.end : pos].strip()), None)

    def changed(self, phrases: list[PostPhrase], kind: str, past: bool, d: DateMention | None) -> list[PostPhrase]:
        """The phrases with the start and end that ``kind`` reports, dated ``d`` (or, for news, the article's
        date)."""
        if not phrases:
            return phrases
        started, ended = when(kind, d, None if past else self.today)
        if started is None and ended is None:
            return phrases
        return [replace(p, started=started or p.started, ended=ended or p.ended) for p in phrases]


def when(kind: str, d: DateMention | None, today: PartialDate | None) -> tuple[Change | None, Change | None]:
    """The start and end of a post from what the words report (``kind``), the date of the clause and, for news
    with no date of its own, the article's date (None for a step of a career)."""
    first = d.date if d is not None else None
    last = d.to if d is not None and d.kind == RANGE else first
    if kind in (START, TRANSFER):
        if d is not None and d.kind == UNTIL:
            return Change(today, kind == TRANSFER), Change(first)
        return Change(first or today, kind == TRANSFER), Change(last) if d is not None and d.kind == RANGE else None
    if kind == END:
        if d is not None and d.kind == RANGE:
            return Change(first), Change(last)
        return None, Change(last if d is not None and d.kind != SINCE else today)
    if d is None or (d.kind == AT and kind == HOLD):
        return None, Change() if kind == FORMER else None
    if d.kind == SINCE:
        return Change(first), Change() if kind == FORMER else None
    if d.kind == UNTIL:
        return None, Change(first)
    if d.kind == RANGE:
        return Change(first), Change(last)
    return None, Change()  # a former post at a date: it ended, when the text does not say
