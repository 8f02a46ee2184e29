"""Evidence records off the heap: an edge's evidence as packed integers, their sentences in a file.

A graph of 100,000 articles holds millions of evidence records. As dicts, each with its sentence, they
were most of a build's memory (about 25 KB an article, more than the entities and relations together).
Here an edge's evidence is an :class:`EvidenceList`: four 32-bit integers a record (the article's number, the
offsets, the sentence's number) in an ``array``, and the sentences are written once each to an unnamed
temporary file that the operating system removes with the process. Reading a record gives the same
``{"article", "start", "end", "sentence"}`` dict a plain list held, so code that reads evidence does not
know the difference; :meth:`EvidenceList.records` gives tuples, for the writers that read millions.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping, MutableSequence, Sequence
from pathlib import Path
from typing import Any, BinaryIO, overload

import networkx as nx

#: A record as the writers read it: article id, start and end offsets, sentence.
Record = tuple[str, int, int, str]

#: Where a graph (``g.graph``) keeps the :class:`EvidenceBook` its evidence lists refer to.
EVIDENCE_BOOK = "evidence_book"

#: Bytes of sentences buffered before they are written to the file.
BUFFER = 1 << 20


class EvidenceBook:
    """The articles and sentences a graph's evidence lists refer to, by number.

    Article ids are kept in a list (one string each, however many records name the article); sentences go to
    a temporary file, each stored once per article that quotes it (:meth:`start_article` begins the next one).
    """

    def __init__(self) -> None:
        self.article_ids: list[str] = []
        self._article_number: dict[str, int] = {}
        self._file: BinaryIO = tempfile.TemporaryFile(prefix="kgraph-sentences-")
        self.path: Path | None = None  # the file's name, when it has one (:meth:`resume`)
        self._ends = array("q", [0])  # sentence i is bytes _ends[i]:_ends[i+1] of the file
        self._buffer = bytearray()
        self._written = 0  # bytes of the file written; the buffer holds those after
        self._in_article: dict[str, int] = {}
        self._last: tuple[int, str] = (-1, "")

    @classmethod
    def resume(cls, path: Path, article_ids: list[str], ends: bytes) -> EvidenceBook:
        """The book a kept graph saved (:meth:`save`): its sentences in the file at ``path``, which new ones
        are appended to; whatever the file holds past the saved sentences (a build that stopped before it
        saved) is cut off first."""
        book = cls()
        book._file.close()
        book._file = open(path, "r+b")  # noqa: SIM115  # open as long as the book
        book.path = path
        book._ends = array("q")
        book._ends.frombytes(ends)
        book._written = book._ends[-1]
        book._file.truncate(book._written)
        book.article_ids = article_ids
        book._article_number = {a: i for i, a in enumerate(article_ids)}
        return book

    def save(self, path: Path) -> tuple[list[str], bytes]:
        """Write every sentence to ``path`` (unless the book's file is that one already) and give what
        :meth:`resume` needs besides: the article ids and the sentences' ends."""
        self._flush()
        if self.path != path:
            with open(path, "wb") as out:
                self._file.seek(0)
                shutil.copyfileobj(self._file, out, BUFFER)
                out.truncate(self._written)
        return self.article_ids, self._ends.tobytes()

    def __len__(self) -> int:
        """How many sentences are stored."""
        return len(self._ends) - 1

    def start_article(self) -> None:
        """Sentences are shared between the records of one article; the next ones belong to another."""
        self._in_article.clear()

    def article(self, article_id: str) -> int:
        number = self._article_number.get(article_id)
        if number is None:
            number = self._article_number[article_id] = len(self.article_ids)
            self.article_ids.append(article_id)
        return number

    def sentence(self, text: str) -> int:
        """The number of ``text``, stored now unless the current article quoted it already."""
        number = self._in_article.get(text)
        if number is None:
            data = text.encode("utf-8", "surrogatepass")
            self._buffer += data
            number = self._in_article[text] = len(self._ends) - 1
            self._ends.append(self._ends[-1] + len(data))
            if len(self._buffer) >= BUFFER:
                self._flush()
        return number

    def text(self, number: int) -> str:
        """The sentence stored as ``number``."""
        if self._last[0] == number:
            return self._last[1]
        start, end = self._ends[number], self._ends[number + 1]
        if end > self._written:
            self._flush()
        text = os.pread(self._file.fileno(), end - start, start).decode("utf-8", "surrogatepass")
        self._last = (number, text)
        return text

    def _flush(self) -> None:
        self._file.seek(self._written)
        self._file.write(self._buffer)
        self._file.flush()
        self._written += len(self._buffer)
        self._buffer.clear()

    def close(self) -> None:
        self._file.close()

    def __reduce__(self) -> Any:
        raise TypeError("an EvidenceBook is bound to its file; its lists pickle as plain lists")


class EvidenceList:
    """One edge's evidence: a sequence of ``{"article", "start", "end", "sentence"}`` dicts, stored packed."""

    __slots__ = ("book", "data")

    def __init__(self, book: EvidenceBook, items: Iterable[Mapping[str, Any]] = ()) -> None:
        self.book = book
        self.data = array("i")
        for item in items:
            self.append(item)

    @classmethod
    def of(cls, book: EvidenceBook, packed: bytes) -> EvidenceList:
        """The list whose records are ``packed`` (the bytes of another's ``data``)."""
        items = cls.__new__(cls)
        items.book, items.data = book, array("i", packed)
        return items

    def add(self, article: int, start: int, end: int, sentence: int) -> None:
        """A record by the book's numbers of its article and sentence."""
        self.data.extend((article, start, end, sentence))

    def append(self, item: Mapping[str, Any]) -> None:
        book = self.book
        self.add(
            book.article(str(item["article"])), int(item["start"]), int(item["end"]), book.sentence(item["sentence"])
        )

    def article(self, i: int) -> str:
        """The article of record ``i``, without reading its sentence."""
        return self.book.article_ids[self.data[4 * i]]

    def articles(self) -> Iterator[str]:
        """The article of each record, without reading sentences."""
        ids, data = self.book.article_ids, self.data
        for i in range(0, len(data), 4):
            yield ids[data[i]]

    def last_article(self) -> str | None:
        """The article of the last record, if any."""
        return self.book.article_ids[self.data[-4]] if self.data else None

    def sort_by_article(self) -> None:
        """Order the records by article id, keeping the order of each article's own: the order a build that
        merged every article in the order of their ids gives, whatever order they came in."""
        ids, data = self.book.article_ids, self.data
        order = sorted(range(len(self)), key=lambda i: ids[data[4 * i]])
        if order != list(range(len(order))):
            self.data = array("i", [x for i in order for x in data[4 * i : 4 * i + 4]])

    def records(self) -> Iterator[Record]:
        """Every record as ``(article, start, end, sentence)``."""
        ids, text, data = self.book.article_ids, self.book.text, self.data
        for i in range(0, len(data), 4):
            yield ids[data[i]], data[i + 1], data[i + 2], text(data[i + 3])

    def __len__(self) -> int:
        return len(self.data) // 4

    def __bool__(self) -> bool:
        return bool(self.data)

    def _item(self, i: int) -> dict[str, Any]:
        d = self.data
        return {
            "article": self.book.article_ids[d[4 * i]],
            "start": d[4 * i + 1],
            "end": d[4 * i + 2],
            "sentence": self.book.text(d[4 * i + 3]),
        }

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [self._item(j) for j in range(len(self))[i]]
        n = len(self)
        if not -n <= i < n:
            raise IndexError("evidence index out of range")
        return self._item(i % n)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for article, start, end, sentence in self.records():
            yield {"article": article, "start": start, "end": end, "sentence": sentence}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (EvidenceList, list)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like the list it stands for

    def __repr__(self) -> str:
        return f"EvidenceList({list(self)!r})"

    def __reduce__(self) -> Any:
        """A copy or a pickle is a plain list of dicts: it does not depend on this process's file."""
        return (list, (list(self),))


def new_evidence(g: nx.MultiDiGraph) -> EvidenceList | list[dict[str, Any]]:
    """An empty evidence list for a new edge of ``g``: packed when ``g`` keeps an evidence book."""
    book = g.graph.get(EVIDENCE_BOOK)
    return EvidenceList(book) if book is not None else []


def articles(items: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    """The article of each record of an evidence list, packed or plain, without reading sentences."""
    if isinstance(items, EvidenceList):
        return items.articles()
    return (str(e["article"]) for e in items)


def sort_by_article(items: MutableSequence[Any]) -> None:
    """Order an evidence list, packed or plain, by article id (see :meth:`EvidenceList.sort_by_article`)."""
    if isinstance(items, EvidenceList):
        items.sort_by_article()
    else:
        items[:] = sorted(items, key=lambda e: str(e["article"]))


def append_first(into: MutableSequence[Any], items: Sequence[Mapping[str, Any]]) -> None:
    """Append the first record of ``items`` to ``into``: copied as numbers where both share a book."""
    if isinstance(into, EvidenceList) and isinstance(items, EvidenceList) and into.book is items.book:
        into.data.extend(items.data[:4])
    else:
        into.append(items[0])
