"""The export formats, declared once: name, file, media type, writer, and how to read the file back.

``write_exports`` writes the ones asked for from this registry, with a manifest; ``kgraph stats``
and the SPARQL engines find the parser of a graph file here by its suffix. The
triples are generated once, a subject at a time, and spooled to a second
process that writes the RDF files from them (:mod:`kgraph.export.spool`), while
this one writes GraphML and ``careers.csv`` (the table of :mod:`kgraph.careers`),
made from the networkx graph.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kgraph.export import graphml, outdir, rdf, spool


@dataclass(frozen=True)
class Export:
    """A graph on its way out to the formats that are not RDF."""

    graph: nx.MultiDiGraph


@dataclass(frozen=True)
class Format:
    """One export format: an RDF one says how to parse it back (``rdflib``, ``oxigraph``; all RDF files are
    written from one pass over the triples, see :func:`write_formats`); another ``write``s its file from the
    graph, or its ``site`` a page and its side folder."""

    name: str
    file: str
    media_type: str
    write: Callable[[Export, BinaryIO], None] | None = None
    rdflib: str = ""
    oxigraph: ox.RdfFormat | None = None
    site: Callable[[Export, Path], list[Path]] | None = None  # writes a page, and its side folder, into a folder

    @property
    def suffix(self) -> str:
        return Path(self.file).suffix


def _graphml(export: Export, out: BinaryIO) -> None:
    graphml.write_graphml(export.graph, out)


def _careers(export: Export, out: BinaryIO) -> None:
    from kgraph.careers import iter_spells, write_csv

    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        write_csv(iter_spells(export.graph), text)
    finally:
        text.detach()  # flushed; the file stays open for the caller to close


def _html_site(export: Export, folder: Path) -> list[Path]:
    from kgraph.viz.explorer import write_site  # pyvis and jinja2 load only when a page is written

    return write_site(export.graph, folder, "graph.html")


#: Every format, in the order a build writes them.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "graph.ttl", "text/turtle", None, "turtle", ox.RdfFormat.TURTLE),
        Format("jsonld", "graph.jsonld", "application/ld+json", None, "json-ld", ox.RdfFormat.JSON_LD),
        Format("ntriples", "graph.nt", "application/n-triples", None, "nt", ox.RdfFormat.N_TRIPLES),
        Format("graphml", "graph.graphml", "application/graphml+xml", _graphml),
        Format("careers", "careers.csv", "text/csv", _careers),
        Format("html", "graph.html", "text/html", site=_html_site),
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
    """Write each format's file into ``out``, with ``manifest.json``: all files are written into a staging
    folder first and swapped in together (see :mod:`kgraph.export.outdir`); a writer that fails changes nothing."""
    export = Export(g)
    chosen = list(formats)
    with outdir.staging(out, [f.file for f in FORMATS.values()]) as stage:
        with ExitStack() as beside:
            rdf_files = {f.name: stage.path(f.file) for f in chosen if f.oxigraph is not None}
            job = spool.write(rdf.groups(g), stage.path(spool.SPOOL), rdf_files, beside) if rdf_files else None
            for fmt in chosen:
                if fmt.site is not None:
                    fmt.site(export, stage.folder)  # graph.html, and graph.files/ when the graph is large
                elif fmt.write is not None:
                    with stage.path(fmt.file).open("wb") as f:
                        fmt.write(export, f)
        files = {fmt.file: {"format": fmt.name, "media_type": fmt.media_type} for fmt in chosen}
        return stage.publish(files, job.measured if job is not None else None)
