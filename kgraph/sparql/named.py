"""Named queries for the questions analysts ask, shipped as ``.rq`` files in ``kgraph/queries``.

Each file starts with ``# name:``, ``# description:`` and ``# param:`` lines. A
parameter is a variable of the query (``?body``) that is bound, never pasted:
the name the user gives is first resolved to entity IRIs by lookups that bind
it as an English and a Chinese label, then each IRI is bound to the variable
through the engine's binding API. Bound variables are projected (Oxigraph
substitutes projected variables only) and dropped from the result.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kgraph.export.rdf import ID
from kgraph.sparql.engines import Engine, QueryError, Result, Term

LOOKUPS = [
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?entity ?name WHERE { ?entity skos:prefLabel ?name }",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?entity ?name WHERE { ?entity skos:altLabel ?name }",
]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]
    text: str


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    out: dict[str, NamedQuery] = {}
    for entry in sorted(resources.files("kgraph").joinpath("queries").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        meta: dict[str, list[str]] = {}
        for line in text.splitlines():
            if line.startswith("# ") and ":" in line:
                key, _, value = line[2:].partition(":")
                meta.setdefault(key.strip(), []).append(value.strip())
        name = meta.get("name", [entry.name[:-3]])[0]
        out[name] = NamedQuery(name, meta.get("description", [""])[0], tuple(meta.get("param", [])), text)
    return out


def resolve(engine: Engine, value: str) -> list[Term]:
    """The entities a parameter names: a kgraph id or IRI as given, else every entity with that label."""
    value = value.strip()
    iri = _as_iri(value)
    if iri:
        return [Term("uri", iri)]
    found: dict[str, Term] = {}
    for lang in ("en", "zh"):
        for lookup in LOOKUPS:
            for row in engine.query(lookup, {"name": Term("literal", value, lang=lang)}).rows:
                if row[0] is not None:
                    found.setdefault(row[0].value, row[0])
    if not found:
        raise QueryError(f"no entity named {value!r} in the graph")
    return [found[k] for k in sorted(found)]


def _as_iri(value: str) -> str | None:
    if value.startswith(("http://", "https://")):
        return value
    if value.startswith("kgid:"):
        return str(ID) + value[5:]
    if "/" in value and value.split("/", 1)[0] in ("region", "body", "person", "campaign", "article"):
        return str(ID) + value
    return None


def run_named(
    engine: Engine, name: str, values: dict[str, str], limit: int | None = None, timeout: float | None = None
) -> Result:
    """Run a named query; a name that fits several entities runs it for each and merges the rows."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r} (see `kgraph query --list`)")
    query = queries[name]
    missing = [p for p in query.params if not values.get(p)]
    if missing:
        raise QueryError(f"{query.name} needs --param {' --param '.join(m + '=...' for m in missing)}")
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        raise QueryError(f"{query.name} takes no parameter {', '.join(unknown)}")
    choices = [resolve(engine, values[p]) for p in query.params]
    merged: Result | None = None
    seen: set[tuple] = set()
    for combo in itertools.product(*choices):
        result = engine.query(query.text, dict(zip(query.params, combo)), limit=limit, timeout=timeout)
        keep = [i for i, v in enumerate(result.variables) if v not in query.params]
        if merged is None:
            merged = Result([result.variables[i] for i in keep])
        for row in result.rows:
            trimmed = [row[i] for i in keep]
            key = tuple((t.kind, t.value, t.lang) if t else None for t in trimmed)
            if key not in seen:
                seen.add(key)
                merged.rows.append(trimmed)
        merged.truncated |= result.truncated
    assert merged is not None
    if limit is not None and len(merged.rows) > limit:
        merged.rows, merged.truncated = merged.rows[:limit], True
    return merged
