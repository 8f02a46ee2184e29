"""Counts of a built graph, read back from its RDF export."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef

from kgraph.export.formats import rdf_format, rdf_suffixes
from kgraph.namespaces import prefixes
from kgraph.relations import relation_kinds

KG, ORG, SCHEMA = (Namespace(prefixes()[p]) for p in ("kg", "org", "schema"))


def graph_stats(path: Path) -> dict[str, object]:
    fmt = rdf_format(path.suffix)
    if fmt is None:
        raise ValueError(f"unknown graph format {path.suffix!r} (use {rdf_suffixes()})")
    g = Graph()
    try:
        g.parse(path, format=fmt.rdflib)
    except Exception as e:  # rdflib raises many parser-specific types
        raise ValueError(f"not a readable {fmt.rdflib} graph: {e}") from e
    types: Counter[str] = Counter()
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
    for name, kind in sorted(relation_kinds().items()):
        out[name] = len(set(g.subject_objects(URIRef(kind.predicate))))
    out["posts"] = len(set(g.subjects(RDF.type, ORG.Post)))
    return out
