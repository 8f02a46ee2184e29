"""A graph in which each name fits several entities (graphs, and a copy of them under other IRIs, a few rows
short), the named queries to ask of it, and the means to count the queries a named query runs.

The copy keeps every label, so a name given to a named query fits the entity and its copy, and the query runs
for each combination of them; it lacks one in seven of the other rows, so that the copies do not all answer alike.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph.sparql import named
from kgraph.sparql.engines import Engine, Result
from kgraph.sparql.named import ENTITY, LOOKUPS, named_queries, resolve, run_named

ID = "<https://w3id.org/kgraph/id/"
COPY = "<https://w3id.org/kgraph/id/copy/"
YIYANG = "Yiyang Municipal Party Committee"
EDUCATION = "Guizhou Provincial Department of Education"
#: Every named query with parameters, each name fitting an entity of the seeds or the careers graph and its copy.
CASES: list[tuple[str, dict[str, str]]] = [
    ("officials-of-body", {"body": EDUCATION}),
    ("posts-of-official", {"official": "Zou Lianke"}),
    ("bodies-of-region", {"region": "Zhejiang"}),
    ("campaigns-in-region", {"region": "Guizhou"}),
    ("mentioned-together", {"entity": "Xi Jinping"}),
    ("timeline", {"entity": "theme education"}),
    ("evidence", {"subject": "Zou Lianke", "object": EDUCATION}),
    ("career", {"official": "Hu Heping"}),
    ("holders", {"body": YIYANG}),
    ("holders", {"body": YIYANG, "date": "2012"}),
    ("holders", {"body": YIYANG, "from": "2013", "to": "2014-02-28"}),
    ("successions", {"body": YIYANG, "title": "secretary"}),
    ("colleagues", {"official": "Hu Heping"}),
    ("colleagues", {"body": YIYANG}),
    ("colleagues", {"official": "Li Ming", "body": YIYANG}),
    ("colleagues", {"official": "kgid:person/li-ming", "body": "中共益阳市委"}),
]
LABEL = re.compile(r"> <http://www.w3.org/(2000/01/rdf-schema#label|2004/02/skos/core#(pref|alt)Label)> ")


def copied(graphs: list[Path], out: Path) -> Path:
    """``out`` (N-Triples): the triples of ``graphs`` and their copy; copied IRIs sort before the originals."""
    lines: list[str] = []
    for graph in graphs:
        store = ox.Store()
        store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
        lines += sorted(text.splitlines())
    copy = [line.replace(ID, COPY) for i, line in enumerate(lines) if i % 7 != 3 or LABEL.search(line)]
    out.write_text("\n".join(lines + copy) + "\n", encoding="utf-8")
    return out


class Counting:
    """An engine that keeps the text of each query it is given, the name lookups apart."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.allow_service = engine.allow_service
        self.texts: list[str] = []

    def query(self, text, bindings=None, limit=None, timeout=None) -> Result:
        if text not in LOOKUPS:
            self.texts.append(text)
        return self.engine.query(text, bindings, limit=limit, timeout=timeout)


def one_by_one(engine: Engine, name: str, params: dict[str, str], limit: int | None = None) -> Result:
    """The named query run as it was: once for each combination of entities, the rows merged."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(named, "_run_together", lambda *args, **kwargs: None)
        return run_named(engine, name, params, limit=limit)


def combinations(engine: Engine, name: str, params: dict[str, str]) -> int:
    """The combinations of entities the names fit: the queries the named query ran before, one each."""
    specs = named_queries()[name].specs
    return math.prod(len(resolve(engine, params[p.name])) for p in specs if p.kind == ENTITY and p.name in params)
