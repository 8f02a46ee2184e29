"""The kinds of relation between entities, declared once in ``kgraph/data/relations.tsv``.

Facts name relations by key, the RDF export writes each with its predicate, the
explorer labels and colours its edges, and a test checks that every kgraph
predicate is documented in ``kgraph/ontology.ttl``: all from this one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kgraph.lexicon import split, table
from kgraph.namespaces import expand


@dataclass(frozen=True)
class RelationKind:
    """One row of ``relations.tsv``, with its predicate as a full IRI."""

    key: str
    curie: str
    predicate: str
    label: str
    color: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    description: str


@cache
def relation_kinds() -> dict[str, RelationKind]:
    """Every relation kind by key, in the table's order (the explorer's legend follows it)."""
    return {
        row["key"]: RelationKind(
            key=row["key"],
            curie=row["predicate"],
            predicate=expand(row["predicate"]),
            label=row["label"],
            color=row["color"],
            subjects=tuple(split(row["subject"])),
            objects=tuple(split(row["object"])),
            description=row["description"],
        )
        for row in table("relations.tsv")
    }
