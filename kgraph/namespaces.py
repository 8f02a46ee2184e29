"""RDF namespaces by prefix, read from ``kgraph/data/prefixes.tsv``.

One table, so a CURIE in a data file (``kg:supervises``) and the Turtle
export's ``@prefix`` lines cannot disagree about what a prefix stands for.
"""

from __future__ import annotations

from functools import cache

from kgraph.lexicon import table


@cache
def prefixes() -> dict[str, str]:
    """Namespace IRIs by prefix (``{"kg": "https://w3id.org/kgraph/ontology#", ...}``)."""
    return {row["prefix"]: row["namespace"] for row in table("prefixes.tsv")}


def expand(curie: str) -> str:
    """The full IRI of a CURIE such as ``org:holds``; an unknown prefix is an error in the data, not a guess."""
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in prefixes():
        raise ValueError(f"{curie!r} is not a CURIE with a prefix of kgraph/data/prefixes.tsv")
    return prefixes()[prefix] + local
