"""A built graph checked against kgraph's SHACL shapes (``kgraph/shapes.ttl``) with pyshacl.

The exports are read by tools kgraph never sees (the scorer, SPARQL clients, a
reasoner), so what a correct graph holds is written down once, as shapes, and
every build can be checked against it: ``kgraph validate GRAPH`` or
:func:`validate`. The shapes check what the export writes, without RDFS
inference: a type the export forgets is an error, not something a reasoner
quietly adds. Three shapes use SPARQL targets (SHACL-AF, pyshacl's ``advanced``
mode), so that one query over the whole graph finds the few nodes to check
rather than one query per node; the rest is SHACL Core.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kgraph.export.formats import rdf_format, rdf_suffixes
from kgraph.namespaces import prefixes

SH = Namespace("http://www.w3.org/ns/shacl#")
KGSH = "https://w3id.org/kgraph/shapes#"
XSD_STRING = prefixes()["xsd"] + "string"

#: Prefixes for reports: kgraph's own (kgraph/data/prefixes.tsv), the shapes' and SHACL's.
PREFIXES = {**prefixes(), "kgsh": KGSH, "sh": str(SH)}

#: The files a build directory is validated by, in order of preference (all hold the same triples).
BUILD_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")


class GraphInputError(ValueError):
    """A graph that cannot be validated because it cannot be read; the message names the file."""


@dataclass(frozen=True)
class Violation:
    """One validation result, its terms shortened to CURIEs (``kgid:post/…``, ``org:role``)."""

    shape: str  # the node shape that failed (``kgsh:PostShape``), also for a failing property shape of it
    focus: str  # the node that fails
    path: str  # the property path checked, or ""
    message: str
    value: str = ""  # the offending value, where there is one
    constraint: str = ""  # the SHACL constraint component, without namespace: ``MinCountConstraintComponent``
    property_shape: str = ""  # the property shape, where the failure is one of its constraints
    severity: str = "Violation"


@dataclass(frozen=True)
class Report:
    """What :func:`validate` found: whether the graph conforms, and each violation."""

    source: str
    conforms: bool
    triples: int
    seconds: float
    violations: tuple[Violation, ...] = field(default_factory=tuple)

    def by_shape(self) -> Counter[str]:
        """How many violations each node shape has."""
        return Counter(v.shape for v in self.violations)

    def text(self, limit: int = 20) -> str:
        """A report for people: per shape, its violations (at most ``limit`` each, 0 for all), then counts."""
        counts = self.by_shape()
        head = f"{_escape(self.source)}: {self.triples} triples, {self.seconds:.1f} s"
        if self.conforms:
            return f"{head}: conforms to kgraph's shapes\n"
        lines = [f"{head}: {len(self.violations)} violation(s) of {len(counts)} shape(s)"]
        for shape, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"\n{shape} ({n})")
            shown = [v for v in self.violations if v.shape == shape]
            for v in shown[: limit or None]:
                where = f" {v.path}" if v.path else ""
                value = f" = {v.value}" if v.value else ""
                lines.append(f"  {v.focus}{where}{value}")
                lines.append(f"      {v.message}")
            if limit and len(shown) > limit:
                lines.append(f"  … and {len(shown) - limit} more")
        lines.append("\nviolations per shape:")
        width = max(len(s) for s in counts)
        lines += [f"  {s:<{width}}  {n}" for s, n in sorted(counts.items())]
        return "\n".join(lines) + "\n"


def shapes_text() -> str:
    """The shapes as Turtle (``kgraph/shapes.ttl``, shipped with the package)."""
    return resources.files("kgraph").joinpath("shapes.ttl").read_text(encoding="utf-8")


@cache
def _shapes() -> Graph:
    g = Graph()
    g.parse(data=shapes_text(), format="turtle")
    return g


def graph_file(path: str | os.PathLike[str]) -> Path:
    """The RDF file to validate: the file itself, or a build directory's ``graph.ttl`` (``.nt``, ``.jsonld``)."""
    p = Path(path)
    if p.is_dir():
        found = next((p / name for name in BUILD_FILES if (p / name).is_file()), None)
        if found is None:
            names = ", ".join(BUILD_FILES)
            raise GraphInputError(f"{_escape(str(p))}: no {names} in this directory (is it a build's --out?)")
        p = found
    if not p.exists():
        raise GraphInputError(f"{_escape(str(p))}: no such file")
    if rdf_format(p.suffix) is None:
        raise GraphInputError(
            f"{_escape(str(p))}: not an RDF graph file (give a {rdf_suffixes()} file or a build directory)"
        )
    return p


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a warning for each ill-typed literal ("2023-02-30"^^xsd:date); the report names them."""
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def load(path: str | os.PathLike[str]) -> Graph:
    """The triples of a graph file (or build directory) as an rdflib graph, parsed by Oxigraph (fast, and it
    never fetches a remote JSON-LD context); an unreadable file is a :class:`GraphInputError` naming it."""
    p = graph_file(path)
    fmt = rdf_format(p.suffix)
    assert fmt is not None and fmt.oxigraph is not None
    g = Graph()
    try:
        with _quiet_rdflib():
            g.addN(
                (_term(t.subject), _term(t.predicate), _term(t.object), g)
                for t in ox.parse(path=p, format=fmt.oxigraph)
            )
    except (SyntaxError, ValueError, OSError, UnicodeDecodeError) as e:
        raise GraphInputError(f"{_escape(str(p))}: not a readable {fmt.rdflib} graph ({e})") from e
    return g


def _term(t: object) -> Node:
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == XSD_STRING:  # a plain literal, as rdflib's own parsers read "text"
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    raise ValueError(f"RDF-star term {t} (kgraph writes none)")


def validate(path: str | os.PathLike[str]) -> Report:
    """Validate the graph at ``path`` (a graph.ttl, .nt or .jsonld, or a build directory) against the shapes;
    the report's time counts reading the file too."""
    start = time.perf_counter()
    p = graph_file(path)
    report = validate_graph(load(p), source=str(p))
    return replace(report, seconds=time.perf_counter() - start)


def validate_graph(data: Graph, source: str = "graph") -> Report:
    """Validate an rdflib graph against the shapes. The graph is not changed (no inference, no rules)."""
    import pyshacl  # loads in a few tenths of a second: only when validating

    start = time.perf_counter()
    with _quiet_rdflib():
        conforms, results, _text = pyshacl.validate(
            data, shacl_graph=_shapes(), inference="none", advanced=True, inplace=True, allow_warnings=False
        )
    violations = tuple(sorted(_violations(results), key=lambda v: (v.shape, v.focus, v.path, v.value, v.message)))
    return Report(source, bool(conforms), len(data), time.perf_counter() - start, violations)


def _violations(results: Graph) -> Iterator[Violation]:
    shapes = _shapes()
    for r in results.objects(None, SH.result):
        source = results.value(r, SH.sourceShape)
        parent = shapes.value(None, SH.property, source) if source is not None else None
        path = results.value(r, SH.resultPath)
        focus = results.value(r, SH.focusNode)
        value = results.value(r, SH.value)  # a node shape's own constraints give the focus node as value
        yield Violation(
            shape=curie(parent if parent is not None else source),
            focus=curie(focus),
            path=_path(shapes, path),
            message=_shorten(str(results.value(r, SH.resultMessage) or "")),
            value=curie(value) if value is not None and value != focus else "",
            constraint=str(results.value(r, SH.sourceConstraintComponent) or "").removeprefix(str(SH)),
            property_shape=curie(source) if parent is not None else "",
            severity=str(results.value(r, SH.resultSeverity) or SH.Violation).removeprefix(str(SH)),
        )


def _path(shapes: Graph, path: Node | None) -> str:
    """A result path as text: ``org:role``, or ``^org:holds`` for an inverse path."""
    if path is None:
        return ""
    if isinstance(path, BNode):
        inverse = shapes.value(path, SH.inversePath)
        return f"^{curie(inverse)}" if inverse is not None else "(path)"
    return curie(path)


def curie(term: Node | None) -> str:
    """A term as a reader wants it: an IRI under a known prefix as ``prefix:local``, a literal with its
    language or datatype, control characters escaped and long text cut."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = _escape(str(term))
        text = text if len(text) <= 80 else text[:77] + "…"
        if term.language:
            return f'"{text}"@{term.language}'
        return f'"{text}"^^{curie(term.datatype)}' if term.datatype else f'"{text}"'
    if isinstance(term, BNode):
        return f"_:{term}"
    iri = str(term)
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda p: len(PREFIXES[p]), default="")
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else f"<{_escape(iri)}>"


def _escape(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _shorten(message: str) -> str:
    """Full IRIs in a message (SPARQL constraints fill in terms) as CURIEs, longest namespace first."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        message = message.replace(ns, f"{prefix}:")
    return message
