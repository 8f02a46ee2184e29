"""The names a Chinese sentence has found so far, asked about by position.

A run of titles after a verb of appointment belongs to a name written before the verb, to the names listed
with it (王五、赵六当选为副省长) or to a name a clause after it describes (…的龚建华). A sentence may be
long and name thousands of persons, so the names are kept in order and found by bisection: asking of them
all for every run would make a long sentence cost the square of its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Collection, Iterable

#: What ends a clause.
CLAUSE_END = frozenset("，,。；;！!？?")
CLAUSE_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_END))) + "]")
#: The particle after which a name is described by the clause before it (…刚刚“满月”的龚建华).
DESCRIBED = "的"
#: What joins listed names.
LISTED = "、"

Name = tuple[int, int]


class Named:
    """Names as (start, end) offsets in one sentence, each kept once, in order."""

    def __init__(self, text: str, names: Iterable[Name] = ()):
        self.text = text
        self.names: list[Name] = []
        self.seen: set[Name] = set()
        self.by_end: dict[int, list[int]] = {}  # end -> the starts of the names that end there
        self.described: list[Name] = []  # the names right after 的, in order
        self._breaks: list[int] | None = None
        for name in sorted(set(names)):
            self.add(name)

    def add(self, name: Name) -> None:
        if name in self.seen:
            return
        self.seen.add(name)
        insort(self.names, name)
        self.by_end.setdefault(name[1], []).append(name[0])
        if name[0] > 0 and self.text[name[0] - 1] == DESCRIBED:
            insort(self.described, name)

    def last_ending_by(self, end: int) -> Name | None:
        """The last name (in order) that ends by ``end``: read back from the names that start before it."""
        for i in range(bisect_left(self.names, (end,)) - 1, -1, -1):
            if self.names[i][1] <= end:
                return self.names[i]
        return None

    def described_after(self, pos: int) -> Name | None:
        """The first name after ``pos`` and after 的 in the clause that goes on from ``pos``: one the clause
        describes (履新江西省委常委、南昌市委书记刚刚“满月”的龚建华)."""
        i = bisect_right(self.described, (pos, len(self.text) + 1))
        if i == len(self.described):
            return None
        if self._breaks is None:
            self._breaks = [m.start() for m in CLAUSE_BREAK.finditer(self.text)]
        k = bisect_left(self._breaks, pos)
        clause_end = self._breaks[k] if k < len(self._breaks) else len(self.text)
        name = self.described[i]
        return name if name[0] <= clause_end else None

    def listed(self, end: int, person: Collection[str]) -> list[Name]:
        """The names that end by ``end`` right before it (or before 同志 there), with those joined to them by 、
        (李四、王五为…): the last such name, then the names before it, each ending right before the 、 before
        the next."""
        ends = {end} | {end - len(w) for w in person if len(w) <= end and self.text[end - len(w) : end] == w}
        found = [(s, e) for e in ends if e <= end for s in self.by_end.get(e, ())]
        if not found:
            return []
        out = [max(found)]
        while out[0][0] > 0 and self.text[out[0][0] - 1] == LISTED:
            starts = self.by_end.get(out[0][0] - 1)
            if not starts:
                break
            out.insert(0, (max(starts), out[0][0] - 1))
        return out


def listed_in(text: str, names: list[Name], end: int, person: Collection[str]) -> list[Name]:
    """:meth:`Named.listed` of a few names found otherwise (names that open clauses)."""
    return Named(text, names).listed(end, person)
