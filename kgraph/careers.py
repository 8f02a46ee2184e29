"""Careers as a table: one row per official and post spell, in the shape of political-elite datasets.

A spell is one post: an official, a body and a title (the graph keeps one post per official, body and
title), with the start and end the articles report (see :mod:`kgraph.graph`). Several articles may date
the same start differently; a spell then runs from the earliest start to the latest end, and the other
dates stay in ``other_dates``. Dates keep the precision the text gives (``2015``, ``2015-03``,
``2015-03-07``) and compare as the periods they name: a start ``2015`` from the first day of 2015, an end
``2015`` to its last, as the named SPARQL queries and the explorer compare them. ``first_reported`` and
``last_reported`` are the dates of the articles that report the post, which place it in time where the
text gives no start or end.
"""

from __future__ import annotations

import calendar
import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

import networkx as nx

from kgraph.dates import PartialDate
from kgraph.facts import HOLDS_POST
from kgraph.gazetteer import shared
from kgraph.graph import ARTICLE

COLUMNS = (
    "official_id",
    "official_en",
    "official_zh",
    "body_id",
    "body_en",
    "body_zh",
    "region_code",
    "region_level",
    "title",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "status",
    "other_dates",
    "first_reported",
    "last_reported",
    "articles",
)
#: The precision of a start or end the text states without a date ("former Vice Mayor", 曾任).
UNDATED = "undated"
OPEN, ENDED = "open", "ended"


class UnknownName(LookupError):
    """A name that fits no official (or no body) of the graph."""


@dataclass(frozen=True, slots=True)
class Spell:
    """One official's post in one body, with the dates the articles give it."""

    official: str
    official_en: str
    official_zh: str
    body: str
    body_en: str
    body_zh: str
    region_code: str
    region_level: str
    title: str
    start: str = ""  # the earliest start date stated, as precise as the text
    end: str = ""  # the latest end date stated
    start_stated: bool = False  # an article says the post began (with a date or not)
    end_stated: bool = False  # an article says the post ended (with a date or not)
    other_dates: tuple[str, ...] = ()  # "start 2016", "end 2019-05": dates other articles give
    reported: tuple[str, ...] = ()  # dates of the articles that report the post, sorted
    articles: tuple[str, ...] = ()  # ids of the articles that report it or its dates, sorted

    @property
    def status(self) -> str:
        """``open`` while no article says the post ended, else ``ended``."""
        return ENDED if self.end_stated else OPEN

    @property
    def start_precision(self) -> str:
        return precision(self.start) if self.start else UNDATED if self.start_stated else ""

    @property
    def end_precision(self) -> str:
        return precision(self.end) if self.end else UNDATED if self.end_stated else ""

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    @property
    def lower(self) -> str:
        """The first day the post may have been held ("" where no start is dated)."""
        return first_day(self.start) if self.start else ""

    @property
    def upper(self) -> str:
        """The last day the post may have been held ("" where no end is dated)."""
        return last_day(self.end) if self.end else ""

    def row(self) -> dict[str, str]:
        """The spell as a CSV row of :data:`COLUMNS`."""
        return {
            "official_id": self.official,
            "official_en": self.official_en,
            "official_zh": self.official_zh,
            "body_id": self.body,
            "body_en": self.body_en,
            "body_zh": self.body_zh,
            "region_code": self.region_code,
            "region_level": self.region_level,
            "title": self.title,
            "start": self.start,
            "start_precision": self.start_precision,
            "end": self.end,
            "end_precision": self.end_precision,
            "status": self.status,
            "other_dates": "; ".join(self.other_dates),
            "first_reported": self.reported[0] if self.reported else "",
            "last_reported": self.reported[-1] if self.reported else "",
            "articles": " ".join(self.articles),
        }


def precision(date: str) -> str:
    """``year``, ``month`` or ``day``."""
    parsed = PartialDate.parse(date)
    return parsed.precision if parsed else ""


def first_day(date: str) -> str:
    """The first day of the period a date names: ``2015`` -> ``2015-01-01``."""
    d = PartialDate.parse(date)
    return f"{d.year:04d}-{d.month or 1:02d}-{d.day or 1:02d}" if d else ""


def last_day(date: str) -> str:
    """The last day of the period a date names: ``2015`` -> ``2015-12-31``, ``2016-02`` -> ``2016-02-29``."""
    d = PartialDate.parse(date)
    if d is None:
        return ""
    month = d.month or 12
    return f"{d.year:04d}-{month:02d}-{d.day or calendar.monthrange(d.year, month)[1]:02d}"


def _earliest(dates: list[str]) -> str:
    """The start whose period begins first (of two that begin together, the less precise, as SPARQL's MIN)."""
    return min(dates, key=lambda x: (first_day(x), len(x))) if dates else ""


def _latest(dates: list[str]) -> str:
    """The end whose period ends last (of two that end together, the more precise)."""
    return max(dates, key=lambda x: (last_day(x), len(x))) if dates else ""


def find(g: nx.MultiDiGraph, name: str, kind: str) -> list[str]:
    """The nodes of type ``kind`` (``Official``, ``Body``) a name means: a kgraph id, or an exact label or
    alias in either language, in any case. Several people can share a name, so all are returned."""
    want = name.strip()
    if g.has_node(want) and g.nodes[want].get("type") == kind:
        return [want]
    lowered = want.lower()
    found = []
    for node, d in g.nodes(data=True):
        if d.get("type") != kind:
            continue
        names = [d.get("label", ""), d.get("label_zh", ""), *d.get("aliases_en", []), *d.get("aliases_zh", [])]
        if lowered in (n.lower() for n in names if n):
            found.append(node)
    if not found:
        raise UnknownName(f"no {kind.lower()} named {name!r}")
    return sorted(found)


def spells(
    g: nx.MultiDiGraph, officials: Iterable[str] | None = None, bodies: Iterable[str] | None = None
) -> list[Spell]:
    """Every post of the graph as a spell (or those of some officials, in some bodies), sorted by official,
    then by time (undated spells last)."""
    return list(iter_spells(g, officials, bodies))


def iter_spells(
    g: nx.MultiDiGraph, officials: Iterable[str] | None = None, bodies: Iterable[str] | None = None
) -> Iterator[Spell]:
    """The spells of :func:`spells`, in its order, made an official at a time: the table of a large graph
    (hundreds of thousands of posts) is never held whole."""
    only_officials = set(officials) if officials is not None else None
    only_bodies = set(bodies) if bodies is not None else None
    dates = {n: d.get("date", "") for n, d in g.nodes(data=True) if d.get("type") == ARTICLE}
    holders: set[str] = set()
    for person, _, d in g.edges(data=True):
        if d.get("type") == HOLDS_POST and (only_officials is None or person in only_officials):
            holders.add(person)
    nodes = g.nodes
    # _order's first keys: the official's name, then id; the rest orders each official's own spells
    for person in sorted(holders, key=lambda p: (str(nodes[p].get("label", p)).lower(), p)):
        found = [
            _spell(g, person, body, d, dates)
            for body, edges in g.succ[person].items()
            for d in edges.values()
            if d.get("type") == HOLDS_POST and (only_bodies is None or body in only_bodies)
        ]
        yield from sorted(found, key=_order)


def _order(s: Spell) -> tuple:
    when = s.lower or s.upper or "9999"
    return (s.official_en.lower(), s.official, when, s.upper or "9999", s.body_en, s.title)


def _spell(g: nx.MultiDiGraph, person: str, body: str, d: dict, dates: dict[str, str]) -> Spell:
    who, where = g.nodes[person], g.nodes[body]
    starts, ends = d.get("starts") or [], d.get("ends") or []
    start_dates = sorted({t["date"] for t in starts if t.get("date")})
    end_dates = sorted({t["date"] for t in ends if t.get("date")})
    start, end = _earliest(start_dates), _latest(end_dates)
    other = [f"start {x}" for x in start_dates if x != start] + [f"end {x}" for x in end_dates if x != end]
    reporting = {str(e["article"]) for e in d.get("evidence") or [] if e.get("article")}
    dated = {str(t["article"]) for t in [*starts, *ends] if t.get("article")}
    reported = sorted({dates.get(f"article/{a}", "") for a in reporting} - {""})
    code = str(where.get("region", "") or "")
    return Spell(
        official=person,
        official_en=who.get("label", person),
        official_zh=who.get("label_zh", ""),
        body=body,
        body_en=where.get("label", body),
        body_zh=where.get("label_zh", ""),
        region_code=code,
        region_level=_level(g, code),
        title=d.get("title") or "Member",
        start=start,
        end=end,
        start_stated=bool(starts),
        end_stated=bool(ends),
        other_dates=tuple(other),
        reported=tuple(reported),
        articles=tuple(sorted(reporting | dated)),
    )


def _level(g: nx.MultiDiGraph, code: str) -> str:
    """A region's level from the graph, else from the gazetteer (a body's region is not always a node)."""
    if not code:
        return ""
    node = g.nodes.get(f"region/{code}")
    if node and node.get("level"):
        return str(node["level"])
    region = shared().get(code)
    return region.level if region else ""


def to_csv(rows: Iterable[Spell]) -> str:
    """The spells as CSV with a header of :data:`COLUMNS` (UTF-8 text, ``\\n`` line ends)."""
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()


def write_csv(rows: Iterable[Spell], out: TextIO) -> None:
    """The spells as CSV (see :func:`to_csv`), written a row at a time: the table of a large graph is large."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in rows:
        writer.writerow(s.row())


def shown_end(s: Spell) -> str:
    """An end as a reader wants it: the date, ``open``, or ``ended, date unknown``."""
    return s.end or ("ended, date unknown" if s.end_stated else OPEN)


def to_table(rows: list[Spell]) -> str:
    """The spells as an aligned text table for a terminal (CJK characters two columns wide)."""
    header = ["official", "zh", "title", "body", "start", "end", "reported"]
    cells = [
        [
            s.official_en,
            s.official_zh,
            s.title,
            s.body_en,
            s.start or ("undated" if s.start_stated else ""),
            shown_end(s),
            " to ".join(dict.fromkeys([s.reported[0], s.reported[-1]])) if s.reported else "",
        ]
        for s in rows
    ]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    lines = [line(header), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    lines.append(f"({len(rows)} spell{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
