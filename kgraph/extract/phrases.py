"""Many phrases found at once, as whole words and regardless of case: an Aho-Corasick automaton.

A regular expression of thousands of alternatives tries them at every position; an
automaton reads the text once. Texts are matched in their :func:`folded` form (ASCII
lower case, tabs as spaces, the same length), so offsets index the original text.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Generic, TypeVar

import ahocorasick

V = TypeVar("V")
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ\t\r\f\v", "abcdefghijklmnopqrstuvwxyz    ")
_TABS = str.maketrans("\t\r\f\v", "    ")


def folded(text: str) -> str:
    """``text`` in lower case with tabs as spaces; the same length, so offsets hold (line breaks stay: no phrase
    runs across one)."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer (İ): fold ASCII only
        return text.translate(_FOLD)
    return low.translate(_TABS) if "\t" in low or "\r" in low or "\f" in low or "\v" in low else low


class Phrases(Generic[V]):
    """Folded phrases (single spaces between words) with a value each; the first value given for a phrase wins.

    ``edges`` says what may not touch a match: ``word`` (a word character, as ``\\b`` in a regex) or
    ``hyphen`` (a word character or a hyphen).
    """

    def __init__(self, items: Iterable[tuple[str, V]], edges: str = "word"):
        self.automaton = ahocorasick.Automaton()
        self.longest = 0
        for phrase, value in items:
            if phrase and phrase not in self.automaton:
                self.automaton.add_word(phrase, (len(phrase), value))
                self.longest = max(self.longest, len(phrase))
        self.hyphen = edges == "hyphen"
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def whole(self, text: str, a: int, b: int) -> bool:
        """Whether ``text[a:b]`` stands as whole words."""
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        word_before = before.isalnum() or before == "_"
        word_after = after.isalnum() or after == "_"
        if self.hyphen:
            return not (word_before or before == "-" or word_after or after == "-")
        return word_before != (text[a].isalnum() or text[a] == "_") and word_after != (
            text[b - 1].isalnum() or text[b - 1] == "_"
        )

    def candidates(
        self, text: str, start: int = 0, end: int | None = None, starts: Container[int] | None = None
    ) -> list[tuple[int, int, V]]:
        """Every whole-word match in ``text[start:end]`` (folded): (start, end, value), leftmost first, longest
        first; the words around the span count for its edges. ``starts``: only matches that start there."""
        if self.empty:
            return []
        out = []
        size = len(text)
        hyphen = self.hyphen
        for last, (length, value) in self.automaton.iter(text, start, size if end is None else end):
            a, b = last + 1 - length, last + 1
            if a < start or (starts is not None and a not in starts):
                continue
            before = text[a - 1] if a else " "
            after = text[b] if b < size else " "
            word_before = before.isalnum() or before == "_"
            word_after = after.isalnum() or after == "_"
            if hyphen:
                if word_before or before == "-" or word_after or after == "-":
                    continue
            elif word_before == (text[a].isalnum() or text[a] == "_") or word_after == (
                text[b - 1].isalnum() or text[b - 1] == "_"
            ):
                continue
            out.append((a, b, value))
        out.sort(key=lambda m: (m[0], -m[1]))
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, V]]:
        """Whole-word matches read left to right, the longest at each place, none overlapping (as a regex's
        finditer over the alternatives would give them).

        The automaton's own leftmost-longest reading gives them at C speed when each match it reads stands as
        whole words; only where one does not ("chairmanship") are all the candidates weighed."""
        if self.empty:
            return []
        stop = len(text) if end is None else end
        fast = [(last + 1 - n, last + 1, v) for last, (n, v) in self.automaton.iter_long(text, start, stop)]
        if all(a >= start and self.whole(text, a, b) for a, b, _ in fast):
            return fast
        out: list[tuple[int, int, V]] = []
        last = -1
        for match in self.candidates(text, start, end):
            if match[0] >= last:
                out.append(match)
                last = match[1]
        return out

    def at(self, text: str, pos: int, end: int | None = None) -> tuple[int, int, V] | None:
        """The longest whole-word match starting at ``pos``.

        Only the text a phrase starting there may reach is read, with a character either side for its edges:
        the automaton reads the whole of any text it is given, and a sentence may be long."""
        end = min(len(text) if end is None else end, pos + self.longest)
        lo = max(0, pos - 1)
        window = text[lo : end + 1]
        found = next((m for m in self.candidates(window, pos - lo, end - lo) if m[0] == pos - lo), None)
        return (found[0] + lo, found[1] + lo, found[2]) if found is not None else None
