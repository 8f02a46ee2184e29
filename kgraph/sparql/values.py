"""Bound values written into a query as ``VALUES`` blocks, for engines (or uses) with no binding API.

A remote endpoint has no binding API, and no engine binds a variable to several
values at once; so a binding can travel in the query text instead, as a ``VALUES``
block at the start of the query's outer group and of each subquery that projects the
variable: a pre-bound variable, as Oxigraph's substitution makes it, where the local
engine would have substituted it. One value each binds as Oxigraph's substitution
does (:func:`bind_values`, for ``kgraph.remote``); several run the query once for
every combination of them, each solution carrying its combination in the bound
variables (:func:`bind_choices`, for ``kgraph.sparql.named``).

Each value is written as an escaped SPARQL term (an IRI with a character IRIs may not
hold, a blank node or a bad language tag is refused), never as query text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from kgraph.sparql.engines import XSD_STRING, QueryError, Term, UsageError

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


class _Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


@lru_cache(maxsize=64)
def _tokens(text: str) -> tuple[_Token, ...]:
    """The query's tokens, strings, IRIs and comments whole, so a brace or a ``?x`` inside one is not read.

    Kept for the last queries read: the named queries are read again and again, and one has a thousand tokens.
    """
    return tuple(
        _Token(m.lastgroup or "other", m.group(), m.start(), m.end())
        for m in _TOKENS.finditer(text)
        if m.lastgroup not in ("space", "comment")
    )


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


def bind_values(text: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with each binding as ``VALUES ?name { term }`` in its outer group and the subqueries projecting it."""
    if not bindings:
        return text
    return _bind(text, {name: [term] for name, term in bindings.items()}, innermost=False)


def bind_choices(text: str, choices: Mapping[str, Sequence[Term]]) -> str:
    """The query with each variable bound to any of its values, ``VALUES ?name { t1 t2 ... }``: every combination.

    One query then answers for every combination of the values, as many queries would with one value each: its
    solutions are those of all of them, told apart by the bound variables if the query projects them, and cut all
    together by a LIMIT or OFFSET (:func:`slices`). The blocks go in the outer group and in the subqueries that
    project the variable, but where a subquery holds one that projects it too, only in that inner one: its rows
    bring the variable up already bound, and Virtuoso 7.2 hangs or crashes on blocks of several values both in a
    grouped subquery and around it (or on one block of several variables), where one value is no trouble.
    """
    if not choices:
        return text
    if any(not terms for terms in choices.values()):
        raise ValueError("a variable bound to no value")
    return _bind(text, choices, innermost=True)


def _bind(text: str, choices: Mapping[str, Sequence[Term]], innermost: bool) -> str:
    bad = [name for name in choices if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)]
    if bad:
        raise UsageError(f"not a variable name: {bad[0]!r}")
    blocks = {
        name: f"VALUES ?{name} {{ {' '.join(dict.fromkeys(sparql_term(t) for t in terms))} }}"
        for name, terms in choices.items()
    }
    return _insert(text, lambda in_scope: [block for name, block in blocks.items() if in_scope(name)], innermost)


@lru_cache(maxsize=64)
def slices(text: str) -> bool:
    """Whether the query has a LIMIT or OFFSET anywhere (outside strings, IRIs and comments)."""
    return any(tok.kind == "word" and tok.text.upper() in ("LIMIT", "OFFSET") for tok in _tokens(text))


def _insert(text: str, blocks_for: Callable[[Callable[[str], bool]], list[str]], innermost: bool) -> str:
    """The query with ``blocks_for(in_scope)`` after the ``{`` of its outer group (every variable in scope) and of
    each subquery (the variables it projects as they are); with ``innermost``, a subquery leaves a variable to the
    subqueries inside it that project it."""
    tokens = _tokens(text)
    inserts: dict[int, list[str]] = {}
    outer = _outer_group(tokens)
    if outer is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    inserts[outer] = blocks_for(lambda _name: True)
    subqueries: list[tuple[int, int, set[str]]] = []  # the { and } of each subquery's pattern, what it projects
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.kind == "open":
            depth += 1
        elif tok.kind == "close":
            depth -= 1
        elif tok.kind == "word" and tok.text.upper() == "SELECT" and depth > 0:
            group = _select_group(tokens, i)
            if group is not None:
                end = _matching(tokens, group)
                subqueries.append((group, end, _projected(tokens[i + 1 : group], tokens[group:end])))
    for group, end, projected in subqueries:
        if innermost:
            projected = projected - {name for g, _, inner in subqueries if group < g < end for name in inner}
        wanted = blocks_for(projected.__contains__)
        if wanted:
            inserts[group] = wanted
    out, last = [], 0
    for index in sorted(inserts):
        brace = tokens[index]
        out += [text[last : brace.end], " ", " ".join(inserts[index]), " "]
        last = brace.end
    return "".join(out) + text[last:]


def _outer_group(tokens: Sequence[_Token]) -> int | None:
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


def _select_group(tokens: Sequence[_Token], select: int) -> int | None:
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


def _matching(tokens: Sequence[_Token], open_index: int) -> int:
    depth = 0
    for i in range(open_index, len(tokens)):
        if tokens[i].kind == "open":
            depth += 1
        elif tokens[i].kind == "close":
            depth -= 1
            if depth == 0:
                return i
    return len(tokens)


def _projected(projection: Sequence[_Token], body: Sequence[_Token]) -> set[str]:
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


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form, by its first such keyword outside strings and IRIs."""
    for tok in _tokens(text):
        if tok.kind == "word" and tok.text.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return tok.text.upper()
    raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
