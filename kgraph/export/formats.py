"""The export formats, declared once: name, file, media type, writer, and how to read the file back.

``write_exports`` writes the ones asked for from this registry; ``kgraph stats``
and the SPARQL engines find the parser of a graph file here by its suffix. The
RDF formats share one sorted list of triples, made on first use, so asking for
three of them costs one triple generation; ``careers.csv`` is the table of
:mod:`kgraph.careers`, made from the networkx graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kgraph.export import atomic, graphml, rdf
from kgraph.export.jsonld import write_jsonld


class Export:
    """A graph on its way out; its RDF triples are made and sorted on first use, once for every RDF format."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    @cached_property
    def triples(self) -> list[ox.Triple]:
        return rdf.triples(self.graph)


@dataclass(frozen=True)
class Format:
    """One export format. ``rdflib`` and ``oxigraph`` say how to parse it back; they are empty for non-RDF files."""

    name: str
    file: str
    media_type: str
    write: Callable[[Export, BinaryIO], None]
    rdflib: str = ""
    oxigraph: ox.RdfFormat | None = None

    @property
    def suffix(self) -> str:
        return Path(self.file).suffix


def _turtle(export: Export, out: BinaryIO) -> None:
    rdf.write_turtle(export.triples, out)


def _ntriples(export: Export, out: BinaryIO) -> None:
    rdf.write_ntriples(export.triples, out)


def _jsonld(export: Export, out: BinaryIO) -> None:
    write_jsonld(export.triples, out)


def _graphml(export: Export, out: BinaryIO) -> None:
    out.write(graphml.to_graphml(export.graph).encode("utf-8"))


def _careers(export: Export, out: BinaryIO) -> None:
    from kgraph.careers import spells, to_csv

    out.write(to_csv(spells(export.graph)).encode("utf-8"))


def _html(export: Export, out: BinaryIO) -> None:
    from kgraph.viz.explorer import render  # pyvis and jinja2 load only when a page is written

    out.write(render(export.graph).encode("utf-8"))


#: Every format, in the order a build writes them.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "graph.ttl", "text/turtle", _turtle, "turtle", ox.RdfFormat.TURTLE),
        Format("jsonld", "graph.jsonld", "application/ld+json", _jsonld, "json-ld", ox.RdfFormat.JSON_LD),
        Format("ntriples", "graph.nt", "application/n-triples", _ntriples, "nt", ox.RdfFormat.N_TRIPLES),
        Format("graphml", "graph.graphml", "application/graphml+xml", _graphml),
        Format("careers", "careers.csv", "text/csv", _careers),
        Format("html", "graph.html", "text/html", _html),
    )
}


def select_formats(names: Iterable[str] | None = None) -> list[Format]:
    """The formats of ``names`` (all when None) in registry order; an unknown name is a ValueError."""
    if names is None:
        return list(FORMATS.values())
    wanted = {n.strip().lower() for n in names if n.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    return [f for name, f in FORMATS.items() if name in wanted]


def rdf_format(suffix: str) -> Format | None:
    """The RDF format of a graph file with this suffix (``.ttl``, ``.nt``, ``.jsonld``), if kgraph writes one."""
    return next((f for f in FORMATS.values() if f.oxigraph is not None and f.suffix == suffix), None)


def rdf_suffixes() -> str:
    """The suffixes of the RDF files kgraph reads, for messages: ``.ttl, .jsonld or .nt``."""
    suffixes = [f.suffix for f in FORMATS.values() if f.oxigraph is not None]
    return ", ".join(suffixes[:-1]) + " or " + suffixes[-1]


def write_formats(g: nx.MultiDiGraph, out: Path, formats: Iterable[Format]) -> list[Path]:
    """Write each format's file into ``out``; each file appears whole or not at all."""
    export = Export(g)
    written: list[Path] = []
    for fmt in formats:
        with atomic.replacing(out / fmt.file) as f:
            fmt.write(export, f)
        written.append(out / fmt.file)
    return written
