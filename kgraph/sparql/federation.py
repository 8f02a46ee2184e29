"""Finding SERVICE (federated query) in a query, so that it can be refused.

``SERVICE <url> { ... }`` makes both engines send HTTP requests to any address
the query names, loopback and the local network included: run by an endpoint,
that is server-side request forgery. So kgraph refuses it unless asked
(``--allow-service``).

The query is parsed, not searched: ``SERVICE`` in a string literal, an IRI or a
comment is not a service call, and one inside a subquery, an OPTIONAL or a
UNION is. rdflib's parser is slow (tens to hundreds of milliseconds), so it
runs only on a query that could hold the keyword at all: one whose text has
``service`` in any case, or a ``\\u``/``\\U`` escape, which SPARQL expands
before it parses (``\\u0053ERVICE`` is ``SERVICE``).
"""

from __future__ import annotations

REFUSED = (
    "federated queries (SERVICE) are not allowed: kgraph queries only its own graph, "
    "and SERVICE would make it send requests to the address the query names (--allow-service permits it)"
)
UNCHECKED = (
    "this query mentions SERVICE but cannot be parsed to check whether it calls it, so it is refused; "
    "federated queries are not allowed (--allow-service permits them)"
)


def may_use_service(text: str) -> bool:
    """Whether the text could hold a SERVICE keyword at all (a cheap test before parsing)."""
    lowered = text.lower()
    return "service" in lowered or "\\u" in lowered


def refusal(text: str) -> str | None:
    """Why the query must be refused, if it calls SERVICE anywhere (or mentions it and cannot be parsed)."""
    return _parsed_refusal(text) if may_use_service(text) else None


def load_parser() -> None:
    """Build rdflib's grammar now: a server does it once, before it forks its query processes."""
    import rdflib.plugins.sparql.parser  # noqa: F401


def _parsed_refusal(text: str) -> str | None:
    from pyparsing import ParseResults  # imported here: building rdflib's grammar takes most of a second
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except Exception:  # pyparsing raises several types; an unreadable query is not let through unchecked
        return UNCHECKED
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return REFUSED
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)
    return None
