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

Names that fit several entities, or several combinations of them, are bound all
at once: one query whose ``VALUES`` blocks bind each parameter to every entity
it fits (:mod:`kgraph.sparql.values`), instead of a query per combination, each
parsed and planned anew; its rows are then put back in the order of the
combinations, as if each had run in turn (:func:`run_named`). A parameter is
then bound by a pattern rather than substituted, and the rules below make the
answer the same either way.

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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter

import pyoxigraph as ox

from kgraph.dates import PartialDate
from kgraph.export.rdf import ID
from kgraph.ids import iri_path
from kgraph.sparql.engines import Engine, QueryError, QueryTimeout, Result, Term, UsageError
from kgraph.sparql.values import bind_choices, slices

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
    """Run a named query; a name that fits several entities runs it for each and merges the rows.

    The combinations of entities the names fit are run as one query where they can be (:func:`_run_together`),
    and the rows come as they would one combination after the other: in the order of the combinations, each
    combination's rows in the query's order and cut at ``limit`` as its own query would be, a row already given
    left out.
    """
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
    names = [p.name for p in given]
    choices = [_values(engine, query, p, values[p.name]) for p in given]
    dropped = {p.name for p in given} | {p.name for p in query.specs if p.kind != ENTITY}
    combos = list(itertools.product(*choices))
    together = _run_together(engine, query, names, choices, combos, timeout) if len(combos) > 1 else None
    results: Iterable[Result] = (
        together
        if together is not None
        else (engine.query(query.text, dict(zip(names, combo)), limit=limit, timeout=timeout) for combo in combos)
    )
    merged: Result | None = None
    seen: set[tuple] = set()
    for result in results:
        keep = [i for i, v in enumerate(result.variables) if v not in dropped]
        if merged is None:
            merged = Result([result.variables[i] for i in keep])
        rows = result.rows
        if limit is not None and len(rows) > limit:
            rows, merged.truncated = rows[:limit], True
        if len(keep) < len(result.variables):
            rows = [[row[i] for i in keep] for row in rows]
        for row in rows:
            key = tuple([(t.kind, t.value, t.lang) if t is not None else None for t in row])
            if key not in seen:
                seen.add(key)
                merged.rows.append(row)
        merged.truncated |= result.truncated
    assert merged is not None
    if limit is not None and len(merged.rows) > limit:
        merged.rows, merged.truncated = merged.rows[:limit], True
    return merged


def _run_together(
    engine: Engine,
    query: NamedQuery,
    names: list[str],
    choices: list[list[Term]],
    combos: list[tuple[Term, ...]],
    timeout: float | None,
) -> list[Result] | None:
    """The query run once for every combination of values, its rows parted by combination; None where it cannot be.

    Each parameter is bound to all its values in a ``VALUES`` block (:func:`kgraph.sparql.values.bind_choices`),
    which makes every combination of them and which every engine reads alike (the remote one as it reads its own
    bindings), rather than one query each, each parsed and planned anew. A row tells its combination by the
    entities it binds: the parameters are projected. The rows of each combination keep the engine's order, which
    is the query's. That is the answer of a query run for each combination unless the query cuts its solutions
    (LIMIT, OFFSET: they would cut all the combinations together), a value can only be bound through the binding
    API (a blank node) or the engine fails on the query (but for running out of time): then None, and the caller
    runs each, as it did before.
    """
    if slices(query.text):
        return None
    try:
        text = bind_choices(query.text, dict(zip(names, choices)))
    except UsageError:
        return None
    try:
        result = engine.query(text, timeout=timeout)
    except (QueryTimeout, UsageError):
        raise
    except QueryError:
        return None  # an engine that cannot take them all at once (rdflib sorting unbound keys of several)
    several = [i for i, choice in enumerate(choices) if len(choice) > 1]
    if any(names[i] not in result.variables for i in several):
        return None  # not projected: the rows cannot be told apart
    # A row's combination, by the values of the parameters that have several (entities, which resolve() keys
    # by value): one value where one parameter has several, else a tuple of them.
    values_of = itemgetter(*(result.variables.index(names[i]) for i in several))
    if len(several) == 1:
        which = {combo[several[0]].value: n for n, combo in enumerate(combos)}

        def combination(row: list[Term | None]) -> int | None:
            term = values_of(row)
            return which.get(term.value) if term is not None else None
    else:
        whose: dict[tuple[str | None, ...], int] = {
            tuple(combo[i].value for i in several): n for n, combo in enumerate(combos)
        }

        def combination(row: list[Term | None]) -> int | None:
            return whose.get(tuple([t.value if t is not None else None for t in values_of(row)]))

    parts = [Result(result.variables, truncated=result.truncated) for _ in combos]
    for row in result.rows:
        n = combination(row)
        if n is None:
            return None
        parts[n].rows.append(row)
    return parts
