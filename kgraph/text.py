"""Sentences with character offsets, so that every fact points back to its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A sentence ends at . ! ? ; (or their Chinese forms) followed by space or a closing quote, and always at a
#: line break. Language packs pass their own pattern.
LATIN_END = re.compile(r"(?<=[.!?;。！？；])[\"'”’)）]*\s+|\n+")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


def sentences(text: str, end: re.Pattern[str] = LATIN_END) -> list[Sentence]:
    """Split text into sentences at ``end``; offsets index into ``text``."""
    out: list[Sentence] = []
    pos = 0
    paragraph = 0
    for m in end.finditer(text):
        _add(out, text, pos, m.start(), paragraph)
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    _add(out, text, pos, len(text), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(stripped, s, s + len(stripped), paragraph))
