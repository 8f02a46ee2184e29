"""Queries against a remote SPARQL 1.1 Protocol endpoint (Virtuoso, Fuseki, ``kgraph serve`` ...), as an engine.

``RemoteEngine`` answers the same ``query(text, bindings, limit, timeout)`` as the
local engines (:mod:`kgraph.sparql.engines`) with the same ``Result`` rows, so the
named queries run unchanged against a graph pushed with ``kgraph push``. The
query goes out as an HTML form POST with the named graph as
``default-graph-uri``; the answer is SPARQL JSON (N-Triples or Turtle for
CONSTRUCT and DESCRIBE).

The protocol has no binding API, so a binding travels in the query as a
``VALUES`` block at the start of the query's outer group and of each subquery
that projects the variable: a pre-bound variable, as Oxigraph's substitution
makes it, where the local engine would have substituted it
(:mod:`kgraph.sparql.values`). The value is written as an escaped SPARQL term
(an IRI with a character IRIs may not hold is refused), never as query text.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlencode

import pyoxigraph as ox

from kgraph.httpclient import Client, HttpError, HttpTimeout, error
from kgraph.sparql.engines import XSD_STRING, QueryError, QueryTimeout, Result, Term, UsageError, _check, _from_ox
from kgraph.sparql.values import bind_values, query_form
from kgraph.sparql.values import sparql_term as sparql_term  # kgraph.remote's since it wrote VALUES itself

#: The named graph ``kgraph push`` writes and ``kgraph query --endpoint`` reads unless told otherwise.
DEFAULT_GRAPH = "https://w3id.org/kgraph/graph"
#: The environment variable that holds the password of ``--user``: never on the command line.
PASSWORD_ENV = "KGRAPH_PUSH_PASSWORD"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class RemoteEngine:
    """A SPARQL 1.1 Protocol endpoint, queried over one named graph (or the server's default dataset)."""

    name = "remote"

    def __init__(
        self,
        endpoint: str,
        graph: str | None = DEFAULT_GRAPH,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 300.0,
        allow_service: bool = False,
    ) -> None:
        self.endpoint = endpoint
        self.graph = graph
        self.allow_service = allow_service
        self.timeout = timeout
        self.client = Client(user=user, password=password, timeout=timeout)

    def query(
        self, text: str, bindings: dict[str, Term] | None = None, limit: int | None = None, timeout: float | None = None
    ) -> Result:
        _check(text, self.allow_service)
        form = query_form(text)
        fields = [("query", bind_values(text, bindings))]
        if self.graph:
            fields.append(("default-graph-uri", self.graph))
        self.client.timeout = timeout or self.timeout
        accept = (
            "application/sparql-results+json"
            if form in ("SELECT", "ASK")
            else "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
        )
        try:
            response = self.client.request(
                "POST",
                self.endpoint,
                urlencode(fields).encode("ascii"),
                {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8", "Accept": accept},
            )
        except HttpTimeout as e:
            raise QueryTimeout(str(e)) from e
        except HttpError as e:
            raise QueryError(str(e)) from e
        if response.status != 200:
            raise QueryError(str(error(self.endpoint, response, "the query")))
        # Virtuoso cuts a result at its ResultSetMaxRows and says so in this header.
        cut = bool(response.header("x-sparql-maxrows"))
        if form in ("SELECT", "ASK"):
            result = _from_json(response.body, self.endpoint)
        else:
            result = _from_triples(response.body, response.header("content-type"), self.endpoint)
        result.truncated |= cut
        if limit is not None and len(result.rows) > limit:
            result.rows, result.truncated = result.rows[:limit], True
        return result


def _from_json(body: bytes, endpoint: str) -> Result:
    try:
        doc = json.loads(body.decode("utf-8"))
        if "boolean" in doc:
            return Result([], boolean=bool(doc["boolean"]))
        variables = list(doc["head"].get("vars", []))
        rows = [[_term(b.get(v)) for v in variables] for b in doc["results"]["bindings"]]
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise QueryError(f"{endpoint}: not a SPARQL JSON result ({e})") from e
    return Result(variables, rows)


def _term(binding: dict | None) -> Term | None:
    """A SPARQL JSON binding as a Term, as the local engines give it: plain strings carry no datatype."""
    if binding is None:
        return None
    kind = binding["type"]
    if kind == "uri":
        return Term("uri", binding["value"])
    if kind == "bnode":
        return Term("bnode", binding["value"])
    lang = binding.get("xml:lang", "")
    datatype = binding.get("datatype", "")
    if lang or datatype in (XSD_STRING, RDF_LANGSTRING):
        datatype = ""
    return Term("literal", binding["value"], lang, datatype)


def _from_triples(body: bytes, content_type: str, endpoint: str) -> Result:
    media = content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.TURTLE if media in ("text/turtle", "application/x-turtle") else ox.RdfFormat.N_TRIPLES
    try:
        quads = list(ox.parse(body, format=fmt))
    except SyntaxError as e:
        raise QueryError(f"{endpoint}: cannot read the graph it answered ({media or 'no type'}: {e})") from e
    return Result(
        ["subject", "predicate", "object"],
        [[_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)] for q in quads],
    )


def password_from_env(user: str | None, variable: str = PASSWORD_ENV) -> str | None:
    """The password for ``user`` from the environment; a user without one is an error (exit code 2)."""
    if user is None:
        return None
    password = os.environ.get(variable)
    if password is None:
        raise ValueError(f"--user {user} needs the password in the environment variable {variable}")
    return password


def open_endpoint(
    url: str,
    graph: str | None = DEFAULT_GRAPH,
    user: str | None = None,
    password_env: str = PASSWORD_ENV,
    allow_service: bool = False,
) -> RemoteEngine:
    """The engine of ``kgraph query --endpoint URL``; a user without a password is a UsageError (exit code 2).

    ``graph`` "" queries the server's default dataset instead of one named graph.
    """
    try:
        password = password_from_env(user, password_env)
    except ValueError as e:
        raise UsageError(str(e)) from None
    return RemoteEngine(url, graph=graph or None, user=user, password=password, allow_service=allow_service)
