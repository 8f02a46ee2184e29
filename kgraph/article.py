"""The unit of input: one news article, as read from disk."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Byline:
    """A person credited in the article (reporter, photographer, translator)."""

    name: str
    role: str
    start: int
    end: int


@dataclass
class Article:
    """One article: its id is the file stem (or the ``id`` of a JSON Lines record)."""

    id: str
    date: str
    title: str
    text: str
    lang: str = "en"
    source: str = ""
    url: str = ""
    path: str = ""
    encoding: str = "utf-8"
    bylines: list[Byline] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
