"""Named queries for the questions analysts ask, shipped as ``.rq`` files in ``kgraph/queries``.

Each file starts with ``# name:``, ``# description:`` and ``# param:`` lines. A
``# param:`` line is ``NAME [KIND] [optional]``: KIND is ``entity`` (the default),
``date`` or ``text``. A parameter is a variable of the query (``?body``) that is
bound, never pasted: an entity name is first resolved to entity IRIs by lookups
that bind it as an English and a Chinese label, then each IRI is bound to the
variable through the engine's binding API; a date (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, checked and written in that form) or a text is bound as a plain
literal the same way. Bound variables are projected (Oxigraph substitutes
projected variables only) and dropped from the result; an optional entity
parameter left out stays a column of the answer.

Oxigraph plans a query before it substitutes the values, and its planner takes a
variable no pattern binds for unbound: ``BOUND(?date)`` becomes false and
``BIND(?date AS ?x)`` is dropped. So the queries only read a literal parameter
inside a function, ``STR(?date)``, which both engines evaluate alike, and an
optional one inside ``COALESCE``, which skips it when it is left out. The plan
is also the same whatever is bound, so an entity parameter is best used in the
query's first pattern.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox

from kgraph.dates import PartialDate
from kgraph.export.rdf import ID
from kgraph.ids import iri_path
from kgraph.sparql.engines import Engine, QueryError, Result, Term, UsageError

LOOKUPS = [
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?entity ?name WHERE { ?entity skos:prefLabel ?name }",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?entity ?name WHERE { ?entity skos:altLabel ?name }",
]
ENTITY, DATE, TEXT = "entity", "date", "text"
#: How ``kgraph query --list`` shows what a parameter takes.
SHOWN = {ENTITY: "...", DATE: "YYYY[-MM[-DD]]", TEXT: "..."}


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: an entity name (resolved to IRIs), a date or a text (bound as literals)."""

    name: str
    kind: str = ENTITY
    optional: bool = False

    @classmethod
    def parse(cls, spec: str) -> Param:
        """``body``, ``date date optional``, ``title text``."""
        words = spec.split()
        if not words:
            raise ValueError("an empty # param: line")
        kinds = [w for w in words[1:] if w in SHOWN]
        extra = [w for w in words[1:] if w not in SHOWN and w != "optional"]
        if extra or len(kinds) > 1:
            raise ValueError(f"# param: {spec!r}: give NAME [entity|date|text] [optional]")
        return cls(words[0], kinds[0] if kinds else ENTITY, "optional" in words[1:])

    def usage(self) -> str:
        shown = f"--param {self.name}={SHOWN[self.kind]}"
        return f"[{shown}]" if self.optional else shown


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    specs: tuple[Param, ...]
    text: str

    @property
    def params(self) -> tuple[str, ...]:
        """The parameters' names, in the file's order."""
        return tuple(p.name for p in self.specs)


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
        specs = tuple(Param.parse(p) for p in meta.get("param", []))
        out[name] = NamedQuery(name, meta.get("description", [""])[0], specs, text)
    return out


def resolve(engine: Engine, value: str) -> list[Term]:
    """The entities a parameter names: a kgraph id or IRI as given, else every entity with that label.

    An IRI (``http://...``, ``<http://...>``, ``kgid:...``, ``body/...``) must be a valid one: raises
    UsageError otherwise, rather than letting the engine fail on it.
    """
    value = value.strip()
    iri = _as_iri(value)
    if iri:
        try:
            ox.NamedNode(iri)  # Oxigraph's IRI parser: an IRI it refuses would fail the query itself
        except ValueError as e:
            raise UsageError(f"{value!r} is not a valid IRI ({e})") from None
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
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if value.startswith(("http://", "https://")):
        return value
    if value.startswith("kgid:"):
        return str(ID) + value[5:]
    if "/" in value and value.split("/", 1)[0] in ("region", "body", "person", "campaign", "article"):
        return str(ID) + iri_path(value)  # the IRI the export gives that key (新闻一 percent-encoded)
    return None


def _values(engine: Engine, query: NamedQuery, param: Param, value: str) -> list[Term]:
    """The terms a parameter's value binds: the entities it names, or one literal."""
    if param.kind == ENTITY:
        try:
            return resolve(engine, value)
        except UsageError as e:
            raise UsageError(f"{query.name}: --param {param.name}: {e}") from None
    if param.kind == DATE:
        date = PartialDate.parse(value)
        if date is None:
            raise QueryError(
                f"{query.name}: --param {param.name} takes a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}"
            )
        return [Term("literal", str(date))]
    return [Term("literal", value.strip())]


def run_named(
    engine: Engine, name: str, values: dict[str, str], limit: int | None = None, timeout: float | None = None
) -> Result:
    """Run a named query; a name that fits several entities runs it for each and merges the rows."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r} (see `kgraph query --list`)")
    query = queries[name]
    missing = [p.name for p in query.specs if not p.optional and not values.get(p.name, "").strip()]
    if missing:
        raise QueryError(f"{query.name} needs --param {' --param '.join(m + '=...' for m in missing)}")
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        raise QueryError(f"{query.name} takes no parameter {', '.join(unknown)}")
    given = [p for p in query.specs if values.get(p.name, "").strip()]
    choices = [_values(engine, query, p, values[p.name]) for p in given]
    dropped = {p.name for p in given} | {p.name for p in query.specs if p.kind != ENTITY}
    merged: Result | None = None
    seen: set[tuple] = set()
    for combo in itertools.product(*choices):
        result = engine.query(query.text, dict(zip((p.name for p in given), combo)), limit=limit, timeout=timeout)
        keep = [i for i, v in enumerate(result.variables) if v not in dropped]
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
