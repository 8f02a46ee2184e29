"""Data sources of relations the text does not state, declared in ``kgraph/data/sources.tsv``.

A graph edge may carry ``sources`` (keys of this table) beside its ``evidence``
sentences, e.g. a region's parent taken from the gazetteer; the RDF export
derives the relation's statement from the source's node (a ``prov:Entity``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kgraph.lexicon import table


@dataclass(frozen=True)
class Source:
    """One row of ``sources.tsv``."""

    key: str
    label: str
    comment: str


@cache
def sources() -> dict[str, Source]:
    """Every data source by key."""
    return {row["key"]: Source(row["key"], row["label"], row["comment"]) for row in table("sources.tsv")}
