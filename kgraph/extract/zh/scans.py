"""One Chinese sentence's matches of the word lists and its clause breaks, each read once.

The runs of titles of a sentence ask, one by one, for the verb whose object a person is (the last before the
run), whether a word that ends a career follows, and the clause around an offset. Reading the sentence again
for each question costs a long sentence the square of its length; these answers come from one reading of it,
found by bisection, and are the same as the reading from the offset would give. A sentence's scans live as long
as the sentence is read: nothing is kept between sentences or builds.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kgraph.extract.zh.dates import BREAK


class Scans:
    """Matches of patterns of words (literal alternatives: no lookaround) in one sentence."""

    def __init__(self, text: str):
        self.text = text
        self.found: dict[re.Pattern[str], tuple[list[re.Match[str]], list[int]]] = {}
        self.breaks: list[int] | None = None

    def matches(self, pattern: re.Pattern[str]) -> tuple[list[re.Match[str]], list[int]]:
        """Every match of ``pattern`` in the sentence, and where each starts."""
        if pattern not in self.found:
            found = list(pattern.finditer(self.text))
            self.found[pattern] = (found, [m.start() for m in found])
        return self.found[pattern]

    def last_before(self, pattern: re.Pattern[str], end: int) -> re.Match[str] | None:
        """The last match of ``pattern.finditer(text, 0, end)``: the matches of the whole sentence up to the one
        that crosses ``end``, then those the text from there to ``end`` holds."""
        found, starts = self.matches(pattern)
        k = bisect_left(starts, end)  # the first match that starts at or after ``end``
        while k > 0 and found[k - 1].end() > end:  # a match that crosses ``end`` is read again short of it
            k -= 1
        last = found[k - 1] if k > 0 else None
        rest = found[k].start() if k < len(found) else end
        for m in pattern.finditer(self.text, rest, end):
            last = m
        return last

    def search_from(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        """``pattern.search(text, pos)``: the first match at or after ``pos``, unless one starts inside the match
        that covers ``pos``, whose rest the reading of the whole sentence skipped."""
        found, starts = self.matches(pattern)
        k = bisect_left(starts, pos)
        if k > 0 and found[k - 1].end() > pos:
            for p in range(pos, found[k - 1].end()):
                m = pattern.match(self.text, p)
                if m is not None:
                    return m
        return found[k] if k < len(found) else None

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos`` (:func:`kgraph.extract.zh.dates.clause`)."""
        if self.breaks is None:
            self.breaks = [m.start() for m in BREAK.finditer(self.text)]
        i = bisect_left(self.breaks, pos)
        return (self.breaks[i - 1] + 1 if i else 0), (self.breaks[i] if i < len(self.breaks) else len(self.text))
