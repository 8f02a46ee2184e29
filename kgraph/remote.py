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
makes it, where the local engine would have substituted it. The value is
written as an escaped SPARQL term (an IRI with a character IRIs may not hold
is refused), never as query text.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox

from kgraph.httpclient import Client, HttpError, HttpTimeout, error
from kgraph.sparql.engines import QueryError, QueryTimeout, Result, Term, UsageError, _check, _from_ox

#: The named graph ``kgraph push`` writes and ``kgraph query --endpoint`` reads unless told otherwise.
DEFAULT_GRAPH = "https://w3id.org/kgraph/graph"
#: The environment variable that holds the password of ``--user``: never on the command line.
PASSWORD_ENV = "KGRAPH_PUSH_PASSWORD"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_TOKENS = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<long>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7-\U000effff]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    """The query's tokens, strings, IRIs and comments whole, so a brace or a ``?x`` inside one is not read."""
    return [
        _Token(m.lastgroup or "other", m.group(), m.start(), m.end())
        for m in _TOKENS.finditer(text)
        if m.lastgroup not in ("space", "comment")
    ]


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def sparql_term(term: Term) -> str:
    """A term as SPARQL text, escaped; a blank node, or an IRI or language tag that cannot be written, is refused."""
    if term.kind == "uri":
        if re.search(r'[<>"{}|^`\\\x00-\x20]', term.value):
            raise UsageError(f"cannot send the IRI {term.value!r}: it holds a character IRIs may not hold")
        return f"<{term.value}>"
    if term.kind != "literal":
        raise UsageError("a blank node cannot be bound in a query sent to an endpoint")
    escaped = '"' + term.value.translate(_ESCAPES) + '"'
    if term.lang:
        if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.lang):
            raise UsageError(f"not a language tag: {term.lang!r}")
        return f"{escaped}@{term.lang}"
    if term.datatype and term.datatype != XSD_STRING:
        return f"{escaped}^^{sparql_term(Term('uri', term.datatype))}"
    return escaped


def bind_values(text: str, bindings: dict[str, Term] | None) -> str:
    """The query with each binding as ``VALUES ?name { term }`` in its outer group and the subqueries projecting it."""
    if not bindings:
        return text
    bad = [name for name in bindings if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)]
    if bad:
        raise UsageError(f"not a variable name: {bad[0]!r}")
    values = {name: f"VALUES ?{name} {{ {sparql_term(term)} }}" for name, term in bindings.items()}
    tokens = _tokens(text)
    inserts: dict[int, list[str]] = {}
    outer = _outer_group(tokens)
    if outer is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    inserts[outer] = list(values.values())
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.kind == "open":
            depth += 1
        elif tok.kind == "close":
            depth -= 1
        elif tok.kind == "word" and tok.text.upper() == "SELECT" and depth > 0:
            group = _select_group(tokens, i)
            if group is None:
                continue
            projected = _projected(tokens[i + 1 : group], tokens[group : _matching(tokens, group)])
            wanted = [v for name, v in values.items() if name in projected]
            if wanted:
                inserts[group] = wanted
    out, last = [], 0
    for index in sorted(inserts):
        brace = tokens[index]
        out += [text[last : brace.end], " ", " ".join(inserts[index]), " "]
        last = brace.end
    return "".join(out) + text[last:]


def _outer_group(tokens: list[_Token]) -> int | None:
    """The index of the ``{`` of the query pattern: after WHERE, or the first group of a query with none."""
    depth, form = 0, ""
    for i, tok in enumerate(tokens):
        if tok.kind == "word" and depth == 0 and tok.text.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            form = form or tok.text.upper()
        elif tok.kind == "word" and depth == 0 and tok.text.upper() == "WHERE":
            return i + 1 if i + 1 < len(tokens) and tokens[i + 1].kind == "open" else None
        elif tok.kind == "open":
            if depth == 0 and form and form != "CONSTRUCT":
                return i
            depth += 1
        elif tok.kind == "close":
            depth -= 1
    return None


def _select_group(tokens: list[_Token], select: int) -> int | None:
    """The index of the ``{`` that opens the pattern of the subquery whose SELECT is at ``select``."""
    depth = 0
    for i in range(select + 1, len(tokens)):
        tok = tokens[i]
        if tok.kind == "other" and tok.text == "(":
            depth += 1
        elif tok.kind == "other" and tok.text == ")":
            depth -= 1
        elif tok.kind == "open" and depth == 0:
            return i
    return None


def _matching(tokens: list[_Token], open_index: int) -> int:
    depth = 0
    for i in range(open_index, len(tokens)):
        if tokens[i].kind == "open":
            depth += 1
        elif tokens[i].kind == "close":
            depth -= 1
            if depth == 0:
                return i
    return len(tokens)


def _projected(projection: list[_Token], body: list[_Token]) -> set[str]:
    """The variables a subquery projects as they are (``?x``, not ``(... AS ?x)``); ``*`` projects all it mentions."""
    names: set[str] = set()
    depth = 0
    for tok in projection:
        if tok.kind == "other" and tok.text in "()":
            depth += 1 if tok.text == "(" else -1
        elif depth == 0 and tok.kind == "var":
            names.add(tok.text[1:])
        elif depth == 0 and tok.kind == "other" and tok.text == "*":
            names |= {t.text[1:] for t in body if t.kind == "var"}
    return names


def _form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form, by its first such keyword outside strings and IRIs."""
    for tok in _tokens(text):
        if tok.kind == "word" and tok.text.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return tok.text.upper()
    raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


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
        form = _form(text)
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
