"""SPARQL engines at scale: load time, Turtle write time and named-query medians.

Run:  .venv/bin/python bench/sparql.py [--triples 100000 1000000 5000000] [--runs 5] [--queries NAME ...]
Graphs shaped like kgraph's (bench/synthetic.py, written by kgraph's own RDF
export) are loaded into each engine from Turtle, written back to Turtle, and
every named query is run ``--runs`` times with parameters from the graph; the
median is reported. The queries of an entity (mentioned-together, timeline) are
run again for an official named in half the articles, their worst case. Above
``--rdflib-max`` triples rdflib is skipped: it needs several GB of memory and
minutes per step there.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pyoxigraph as ox  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402

from kgraph.export.rdf import triples  # noqa: E402
from kgraph.sparql.engines import OxigraphEngine, RdflibEngine  # noqa: E402
from kgraph.sparql.named import named_queries, run_named  # noqa: E402

TRIPLES_PER_ENTITY = 41  # measured on synthetic graphs (posts carry their dates; derived rows); used to size them
PARAMS = {
    "official": "Official 3",
    "region": "Region 40",
    "entity": "Official 3",
    "subject": "Official 3",
}
#: Named in about half the articles (bench/synthetic.py).
OFTEN_NAMED = "Official 0"


def make_turtle(n_triples: int, folder: Path) -> Path:
    """A Turtle file of about ``n_triples``; large ones repeat a 1M-triple graph under renamed ids."""
    base_n = min(n_triples, 1_000_000)
    graph = synthetic_graph(max(10, base_n // TRIPLES_PER_ENTITY))
    nt = ox.serialize(triples(graph), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    copies = max(1, round(n_triples / max(1, nt.count("\n"))))
    path = folder / f"graph-{n_triples}.nt"
    with path.open("w", encoding="utf-8") as f:
        for i in range(copies):
            f.write(nt if i == 0 else re.sub(r"<https://w3id.org/kgraph/id/", f"<https://w3id.org/kgraph/id/r{i}/", nt))
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    ttl = folder / f"graph-{n_triples}.ttl"
    store.dump(output=str(ttl), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    path.unlink()
    return ttl


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def bench(engine_name: str, ttl: Path, runs: int, folder: Path, only: list[str] | None = None) -> None:
    load_s, engine = timed(lambda: (OxigraphEngine if engine_name == "oxigraph" else RdflibEngine)(graph=ttl))
    out = folder / f"out-{engine_name}.ttl"
    if engine_name == "oxigraph":
        write_s, _ = timed(
            lambda: engine.store.dump(output=str(out), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
        )
    else:
        write_s, _ = timed(lambda: engine.graph.serialize(destination=str(out), format="turtle"))
    out.unlink(missing_ok=True)
    print(f"  {engine_name:<8} load {load_s:7.2f} s   write Turtle {write_s:7.2f} s")
    start, _end, title, body = (t.value for t in run_named(engine, "career", {"official": "Official 3"}).rows[0][:4])
    # a post Official 3 held: its body, its title and the year it began
    params = PARAMS | {"body": body, "object": body, "title": title, "date": start[:4]}
    cases = [(name, name, {p: params[p] for p in q.params if p in params}) for name, q in named_queries().items()]
    cases += [(f"{name}*", name, {"entity": OFTEN_NAMED}) for name in ("mentioned-together", "timeline")]
    if only:
        cases = [case for case in cases if case[0] in only]
    for shown, name, values in cases:  # from/to left open
        times = []
        rows = 0
        for _ in range(runs):
            t, result = timed(lambda name=name, values=values: run_named(engine, name, values))
            times.append(t)
            rows = len(result.rows)
        print(f"    {shown:<22} median {statistics.median(times) * 1000:9.1f} ms  ({rows} rows)")
    print(f"    * for {OFTEN_NAMED}, named in half the articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rdflib-max", type=int, default=1_000_000)
    ap.add_argument(
        "--queries",
        nargs="+",
        metavar="NAME",
        help="only these named queries (timeline* and mentioned-together* for the often-named official)",
    )
    args = ap.parse_args()
    known = set(named_queries()) | {"timeline*", "mentioned-together*"}
    unknown = sorted(set(args.queries or []) - known)
    if unknown:
        ap.error(f"no named query {', '.join(unknown)} (choose from {', '.join(sorted(known))})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.triples:
            ttl = make_turtle(n, folder)
            size = sum(1 for _ in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
            print(f"{size:,} triples ({ttl.stat().st_size / 1e6:.0f} MB of Turtle)")
            for engine in ("oxigraph", "rdflib"):
                if engine == "rdflib" and size > args.rdflib_max:
                    print(f"  rdflib   skipped above {args.rdflib_max:,} triples")
                    continue
                bench(engine, ttl, args.runs, folder, args.queries)


if __name__ == "__main__":
    main()
