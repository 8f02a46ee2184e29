"""Reading kgraph's data files: tab-separated tables with ``#`` comment lines.

Knowledge lives in ``kgraph/data/`` so that it can be reviewed and extended
without touching code; this module is the one place that parses those files.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``kgraph/data/<name>`` as dicts keyed by the header line."""
    text = resources.files("kgraph").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-a-line data file as a set."""
    text = resources.files("kgraph").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def split(cell: str | None) -> list[str]:
    """A ``|``-separated cell as a list, without empty parts."""
    return [part for part in (cell or "").split("|") if part and part != "-"]
