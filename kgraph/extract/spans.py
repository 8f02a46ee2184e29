"""Character spans and the one overlap rule that every extraction stage uses.

Matches compete for text: a region inside a body name, a title inside a
campaign, a personal name that looks like a county. The stronger match claims
its span first; a later one may not take any part of it.
"""

from __future__ import annotations

from collections.abc import Iterable


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character."""
    return a_start < b_end and b_start < a_end


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in any of the spans."""
    return any(start <= pos < end for start, end in spans)


class Claims:
    """The spans already taken in one text."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.spans: list[tuple[int, int]] = list(spans)

    def free(self, start: int, end: int) -> bool:
        return not any(overlaps(start, end, s, e) for s, e in self.spans)

    def claim(self, start: int, end: int) -> bool:
        """Take the span if no part of it is taken; say whether it was."""
        if not self.free(start, end):
            return False
        self.spans.append((start, end))
        return True
