"""SPARQL engines as plugins found by name: ``oxigraph`` (default) and ``rdflib``.

Both answer the same queries with the same result type, so the CLI, the named
queries and the endpoint do not care which runs. Oxigraph (pyoxigraph) loads
and queries large graphs tens of times faster and keeps a persistent on-disk
store, so a big graph is loaded once (``kgraph load``); rdflib stays for small
graphs and as a reference.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from kgraph.export.formats import rdf_format, rdf_suffixes
from kgraph.sparql import federation


class QueryError(ValueError):
    """A query that cannot run: bad syntax, an update, a time limit; the message says which."""


class QueryTimeout(QueryError):
    """The query ran out of its time."""


class UsageError(QueryError):
    """A query or parameter refused as given (SERVICE without --allow-service, an IRI that is no IRI).

    The user must change the command, as with a bad option, so the CLI exits 2 for it.
    """


@dataclass(frozen=True)
class Term:
    """An RDF term in a result, engine-neutral."""

    kind: str  # uri | literal | bnode
    value: str
    lang: str = ""
    datatype: str = ""

    def __str__(self) -> str:
        return self.value


@dataclass
class Result:
    """A SELECT (rows), ASK (boolean) or CONSTRUCT/DESCRIBE (triples as rows of s, p, o) result."""

    variables: list[str]
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False


class Engine(Protocol):
    name: str
    allow_service: bool

    def query(
        self, text: str, bindings: dict[str, Term] | None = None, limit: int | None = None, timeout: float | None = None
    ) -> Result: ...


def _check(text: str, allow_service: bool) -> None:
    """Refuse what a query must not do here: update the graph, or (unless allowed) call a remote SERVICE."""
    _check_read_only(text)
    if not allow_service:
        reason = federation.refusal(text)
        if reason:
            raise UsageError(reason)


def _check_read_only(text: str) -> None:
    stripped = re.sub(r"#[^\n]*", "", text)
    if re.search(
        r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|\{|GRAPH|SILENT|<|ALL|DEFAULT|NAMED)",
        stripped,
        re.I,
    ):
        raise QueryError("updates are not allowed: kgraph serves and queries its graphs read-only")


class OxigraphEngine:
    """pyoxigraph: an in-memory store for a file, or a persistent store directory."""

    name = "oxigraph"

    def __init__(
        self, graph: str | Path | None = None, store: str | Path | None = None, allow_service: bool = False
    ) -> None:
        self.allow_service = allow_service
        if store is not None:
            path = Path(store)
            if graph is None and not path.exists():
                raise QueryError(f"{path}: no such store (create it with `kgraph load GRAPH --store {path}`)")
            self.store = ox.Store(str(path))
        else:
            self.store = ox.Store()
        if graph is not None:
            load_into(self.store, graph)

    def query(
        self, text: str, bindings: dict[str, Term] | None = None, limit: int | None = None, timeout: float | None = None
    ) -> Result:
        _check(text, self.allow_service)
        try:
            subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
                ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()
            }
            answer = self.store.query(text, substitutions=subs or None)
            return self._collect(answer, limit, timeout)
        except QueryError:
            raise
        except SyntaxError as e:
            raise QueryError(f"query syntax: {e}") from e
        except (OSError, RuntimeError, ValueError) as e:
            # a store error, a bad binding, or an allowed SERVICE call that fails while the solutions are read
            raise QueryError(f"query failed: {e}") from e

    @staticmethod
    def _collect(
        answer: ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples, limit: int | None, timeout: float | None
    ) -> Result:
        deadline = time.monotonic() + timeout if timeout else None
        if isinstance(answer, ox.QueryBoolean):
            return Result([], boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            result = Result([v.value for v in answer.variables])
            rows = result.rows
            # Each distinct term is converted once per answer: names, dates and the bound parameters come back in
            # row after row. A solution iterates its values in the order of the variables.
            converted: dict[object, Term | None] = {None: None}
            known = converted.get
            for solution in answer:
                if limit is not None and len(rows) >= limit:
                    result.truncated = True
                    break
                if deadline and time.monotonic() > deadline:
                    raise QueryTimeout(f"query took longer than the {timeout:g} s limit")
                row: list[Term | None] = []
                for value in solution:
                    term = known(value, _UNSEEN)
                    if term is _UNSEEN:
                        term = converted[value] = _from_ox(value)
                    row.append(term)
                rows.append(row)
            return result
        result = Result(["subject", "predicate", "object"])
        for triple in answer:
            if limit is not None and len(result.rows) >= limit:
                result.truncated = True
                break
            result.rows.append([_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)])
        return result


class RdflibEngine:
    """rdflib's own engine, for small graphs."""

    name = "rdflib"

    def __init__(
        self, graph: str | Path | None = None, store: str | Path | None = None, allow_service: bool = False
    ) -> None:
        from rdflib import Graph

        self.allow_service = allow_service
        if store is not None:
            raise QueryError("the rdflib engine keeps no store; use --engine oxigraph with --store")
        self.graph = Graph()
        if graph is not None:
            path = Path(graph)
            fmt = rdf_format(path.suffix)
            if fmt is None or not path.exists():
                raise QueryError(f"{path}: not a graph file ({rdf_suffixes()})")
            self.graph.parse(path, format=fmt.rdflib)

    def query(
        self, text: str, bindings: dict[str, Term] | None = None, limit: int | None = None, timeout: float | None = None
    ) -> Result:
        from rdflib import Literal, URIRef

        _check(text, self.allow_service)
        init = {}
        for k, v in (bindings or {}).items():
            init[k] = (
                URIRef(v.value)
                if v.kind == "uri"
                else Literal(v.value, lang=v.lang or None, datatype=URIRef(v.datatype) if v.datatype else None)
            )
        try:
            return self._collect(self.graph.query(text, initBindings=init), limit)
        except QueryError:
            raise
        except Exception as e:  # pyparsing and rdflib raise many types, for a bad query and while evaluating one
            raise QueryError(f"query: {e}") from e

    @staticmethod
    def _collect(answer: Any, limit: int | None) -> Result:
        if answer.type == "ASK":
            return Result([], boolean=bool(answer.askAnswer))
        if answer.type == "SELECT":
            variables = [str(v) for v in answer.vars or []]
            rows: list[list[Term | None]] = []
            for row in answer:
                assert not isinstance(row, bool)
                if limit is not None and len(rows) >= limit:
                    return Result(variables, rows, truncated=True)
                rows.append([_from_rdflib(x) for x in row])
            return Result(variables, rows)
        rows = [[_from_rdflib(x) for x in t] for t in answer if not isinstance(t, bool)]
        return Result(
            ["subject", "predicate", "object"],
            rows[:limit] if limit else rows,
            truncated=bool(limit and len(rows) > limit),
        )


ENGINES: dict[str, type] = {"oxigraph": OxigraphEngine, "rdflib": RdflibEngine}


def open_engine(
    name: str = "oxigraph",
    graph: str | Path | None = None,
    store: str | Path | None = None,
    allow_service: bool = False,
) -> Engine:
    """An engine by name over a graph file (or, for Oxigraph, a store directory); SERVICE only if allowed."""
    if name not in ENGINES:
        raise QueryError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    if graph is None and store is None:
        raise QueryError("give a graph file or --store DIR")
    return ENGINES[name](graph=graph, store=store, allow_service=allow_service)


def load_into(store: ox.Store, graph: str | Path) -> None:
    """Bulk-load a Turtle, N-Triples or JSON-LD file into an Oxigraph store."""
    path = Path(graph)
    if path.is_dir():
        path = path / "graph.ttl"
    fmt = rdf_format(path.suffix)
    if fmt is None:
        raise QueryError(f"{path}: not a graph file ({rdf_suffixes()})")
    if not path.exists():
        raise QueryError(f"{path}: no such file")
    try:
        store.bulk_load(path=str(path), format=fmt.oxigraph)
    except (SyntaxError, ValueError, OSError) as e:
        raise QueryError(f"{path}: cannot load ({e})") from e


def _to_ox(term: Term) -> ox.NamedNode | ox.Literal:
    if term.kind == "uri":
        return ox.NamedNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Not a term: what a cache of converted terms answers for a term it has not seen.
_UNSEEN: Any = object()
_new, _set = object.__new__, object.__setattr__


def _make(kind: str, value: str, lang: str = "", datatype: str = "") -> Term:
    """``Term(kind, value, lang, datatype)``, made at half the cost of the frozen dataclass's ``__init__``.

    That sets each field through ``object.__setattr__``; this sets the instance's dictionary at once, the same
    dictionary (the same fields, equality, hash and repr), for the thousands of terms of a large result.
    """
    term = _new(Term)
    _set(term, "__dict__", {"kind": kind, "value": value, "lang": lang, "datatype": datatype})
    return term


def _from_ox(term: object) -> Term | None:
    if isinstance(term, ox.NamedNode):
        return _make("uri", term.value)
    if isinstance(term, ox.Literal):
        lang = term.language
        if lang:
            return _make("literal", term.value, lang)
        dt = term.datatype.value
        return _make("literal", term.value, "", "" if dt == XSD_STRING else dt)
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return _make("bnode", term.value)
    return Term("literal", str(term))


def _from_rdflib(term: object) -> Term | None:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        dt = str(term.datatype) if term.datatype else ""
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            dt = ""
        return Term("literal", str(term), term.language or "", dt)
    return Term("literal", str(term))
