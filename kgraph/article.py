"""The unit of input: one news article, as read from disk."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article: its id is the file stem (or the ``id`` of a JSON Lines record).

    Frozen: extraction reads an article and returns Facts; it never changes the article.
    """

    id: str
    date: str
    title: str
    text: str
    lang: str = "en"
    source: str = ""
    url: str = ""
    path: str = ""
    encoding: str = "utf-8"
