"""Counts of a built graph, read back from its RDF export."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import RDF, Graph

from kgraph.export.rdf import KG, ORG, PREDICATES, RDF_FORMATS, SCHEMA


def graph_stats(path: Path) -> dict[str, object]:
    fmt = RDF_FORMATS.get(path.suffix)
    if fmt is None:
        raise ValueError(f"unknown graph format {path.suffix!r} (use .ttl, .nt or .jsonld)")
    g = Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        raise ValueError(f"not a readable {fmt} graph: {e}") from e
    types = Counter()
    for cls, name in (
        (KG.Official, "officials"),
        (KG.Body, "bodies"),
        (KG.Region, "regions"),
        (KG.Campaign, "campaigns"),
        (SCHEMA.NewsArticle, "articles"),
    ):
        types[name] = len(set(g.subjects(RDF.type, cls)))
    persons = set(g.subjects(RDF.type, SCHEMA.Person)) - set(g.subjects(RDF.type, KG.Official))
    out: dict[str, object] = {"triples": len(g), **types, "persons": len(persons)}
    for name, pred in sorted(PREDICATES.items()):
        out[name] = len(set(g.subject_objects(pred)))
    out["posts"] = len(set(g.subjects(RDF.type, ORG.Post)))
    return out
