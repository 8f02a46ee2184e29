"""Character spans and the one overlap rule that every extraction stage uses.

Matches compete for text: a region inside a body name, a title inside a
campaign, a personal name that looks like a county. The stronger match claims
its span first; a later one may not take any part of it.

A text may hold thousands of spans (an article of one line, a sentence that never
ends), so spans are asked about by bisection, never by a scan of them all: the
cost of extraction stays linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character."""
    return a_start < b_end and b_start < a_end


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in any of the spans."""
    return any(start <= pos < end for start, end in spans)


class SpanIndex:
    """A fixed set of spans (an article's objects, a sentence's quoted titles), asked about by bisection.

    Spans may overlap or be empty; the answers are those of :func:`overlaps` and :func:`inside` over them all.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = list(accumulate((e for _, e in self.spans), max))  # the furthest end among the first i spans

    def __len__(self) -> int:
        return len(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``[start, end)`` (as :func:`overlaps` says)."""
        i = bisect_left(self.starts, end)  # the spans that start before ``end``
        return i > 0 and self.reach[i - 1] > start

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` lies in a span (as :func:`inside` says)."""
        i = bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


class Claims:
    """The spans already taken in one text."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.spans: list[tuple[int, int]] = []
        # The spans as disjoint sorted runs, for bisection; None once a span is empty or overlaps another
        # (given at the start), when every question scans them all.
        self._starts: list[int] | None = []
        self._ends: list[int] = []
        for start, end in spans:
            if self._starts is not None and (start >= end or not self.free(start, end)):
                self._starts = None
            self._add(start, end)

    def _add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if self._starts is not None:
            i = bisect_left(self._starts, start)
            self._starts.insert(i, start)
            self._ends.insert(i, end)

    def free(self, start: int, end: int) -> bool:
        if self._starts is None or start >= end:
            return not any(overlaps(start, end, s, e) for s, e in self.spans)
        i = bisect_left(self._starts, end)  # the last span that starts before ``end`` reaches furthest
        return i == 0 or self._ends[i - 1] <= start

    def claim(self, start: int, end: int) -> bool:
        """Take the span if no part of it is taken; say whether it was."""
        if not self.free(start, end):
            return False
        if start >= end:
            self._starts = None
        self._add(start, end)
        return True


class Positions(Generic[T]):
    """Items sorted by where they start (names, outlets of an article), taken by range with bisection."""

    def __init__(self, items: list[T], starts: list[int]):
        self.items = items
        self.starts = starts
        self.ordered = all(a <= b for a, b in zip(starts, starts[1:]))

    def within(self, lo: int, hi: int) -> list[T]:
        """The items that start in ``[lo, hi)``, in their order."""
        if not self.ordered:
            return [x for x, s in zip(self.items, self.starts) if lo <= s < hi]
        return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
