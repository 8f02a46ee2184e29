"""Command line: ``kgraph build``, ``viz``, ``careers``, ``query``, ``load``, ``serve``, ``stats``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from kgraph import __version__, reading
from kgraph.export.formats import FORMATS, select_formats
from kgraph.pipeline import build, write_exports

T = TypeVar("T")


def _progress(enabled: bool):
    def wrap(items: Iterable[T]) -> Iterable[T]:
        if not enabled:
            return items
        from tqdm import tqdm

        return tqdm(items, desc="extracting", unit="article", file=sys.stderr)

    return wrap


def cmd_build(args: argparse.Namespace) -> int:
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    result = build(args.paths, progress=_progress(show), max_bytes=args.max_bytes)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.debug:
        for failure in result.failed:
            print(f"traceback of {failure.path or failure.article}:\n{failure.traceback}", file=sys.stderr)
    if args.strict and result.warnings:
        print(f"error: {len(result.warnings)} warning(s) and --strict is set; nothing written", file=sys.stderr)
        return 1
    written = write_exports(result.graph, args.out, html=args.html, formats=args.formats)
    s = result.summary()
    print(f"articles: {s.articles}")
    print("entities: " + ", ".join(f"{k} {v}" for k, v in s.entities.items()))
    print("relations: " + ", ".join(f"{k} {v}" for k, v in s.relations.items()))
    if result.unsupported:
        print(f"no extractor yet for the language of: {', '.join(result.unsupported)}")
    skipped = [w for w in result.warnings if w.skipped]
    print(f"warnings: {len(result.warnings)} ({len(skipped)} file(s) skipped)")
    if result.failed:
        print(f"failed: {len(result.failed)} article(s) not extracted (--debug shows the tracebacks)")
    for w in skipped:
        print(f"  skipped {w.path}: {w.message}")
    print("wrote " + ", ".join(str(p) for p in written))
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from kgraph.export.atomic import write_text
    from kgraph.graph_io import GraphReadError, read_graph
    from kgraph.viz.explorer import FocusNotFound, render

    try:
        g = read_graph(args.graph)
        types = [t for t in args.types.split(",") if t] if args.types else None
        html = render(g, focus=args.focus, depth=args.depth, types=types)
    except (GraphReadError, FocusNotFound) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    write_text(Path(args.out), html)
    print(f"wrote {args.out}")
    return 0


def cmd_careers(args: argparse.Namespace) -> int:
    from kgraph import careers
    from kgraph.export.atomic import write_text
    from kgraph.graph_io import GraphReadError, graphml_path, read_graph

    try:
        g = read_graph(args.graph)
        officials = careers.find(g, args.official, "Official") if args.official else None
        bodies = careers.find(g, args.body, "Body") if args.body else None
    except GraphReadError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except careers.UnknownName as e:
        print(f"error: {e} in {graphml_path(args.graph)}", file=sys.stderr)
        return 1
    rows = careers.spells(g, officials, bodies)
    if not args.csv:
        sys.stdout.write(careers.to_table(rows))
    elif args.csv == "-":
        sys.stdout.write(careers.to_csv(rows))
    else:
        try:
            write_text(Path(args.csv), careers.to_csv(rows))
        except OSError as e:
            print(f"error: {args.csv}: cannot write ({e.strerror or e})", file=sys.stderr)
            return 1
        print(f"wrote {args.csv} ({len(rows)} spell{'s' if len(rows) != 1 else ''})")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from kgraph.sparql.engines import QueryError, open_engine
    from kgraph.sparql.named import named_queries, run_named
    from kgraph.sparql.results import render

    if args.list:
        for q in named_queries().values():
            params = " ".join(p.usage() for p in q.specs)
            print(f"{q.name:<22} {q.description}" + (f"  {params}" if params else ""))
        return 0
    try:
        values = dict(_param(p) for p in args.param)
        graph = args.graph
        text = args.sparql
        if (
            args.named is None
            and text is None
            and args.file is None
            and graph
            and not Path(graph).exists()
            and args.store
        ):
            graph, text = None, graph  # `kgraph query --store DIR 'SELECT ...'`
        engine = open_engine(args.engine, graph=graph, store=args.store)
        if args.named:
            result = run_named(engine, args.named, values, limit=args.limit)
        else:
            if args.file:
                text = Path(args.file).read_text(encoding="utf-8")
            if not text:
                raise QueryError("give a query, --file Q.rq or --named NAME (see --list)")
            result = engine.query(text, limit=args.limit)
    except (QueryError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    sys.stdout.write(render(result, args.format))
    return 0


def _param(text: str) -> tuple[str, str]:
    from kgraph.sparql.engines import QueryError

    name, sep, value = text.partition("=")
    if not sep or not name:
        raise QueryError(f"--param takes NAME=VALUE, not {text!r}")
    return name.strip(), value


def cmd_load(args: argparse.Namespace) -> int:
    import time

    import pyoxigraph as ox

    from kgraph.sparql.engines import QueryError, load_into

    start = time.perf_counter()
    try:
        store = ox.Store(str(args.store))
        if args.replace:
            store.clear()
        load_into(store, args.graph)
        store.flush()
        count = len(store)
    except (QueryError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"loaded {args.graph} into {args.store}: {count} triples in {time.perf_counter() - start:.1f} s")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import signal
    import threading

    from kgraph.sparql.engines import QueryError, open_engine
    from kgraph.sparql.server import Endpoint, serve

    try:
        engine = open_engine(args.engine, graph=args.graph, store=args.store)
    except QueryError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    server = serve(Endpoint(engine, timeout=args.timeout, max_rows=args.max_rows), args.host, args.port)
    print(
        f"SPARQL endpoint on http://{args.host}:{server.server_address[1]}/sparql (read-only; Ctrl-C stops)", flush=True
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    server.shutdown()
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from kgraph.stats import graph_stats

    try:
        stats = graph_stats(Path(args.graph))
    except (OSError, ValueError) as e:
        print(f"error: {args.graph}: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(stats, indent=1, sort_keys=True))
    else:
        for k, v in stats.items():
            print(f"{k}: {v}")
    return 0


def _formats(text: str) -> list[str]:
    """``--formats turtle,graphml``: checked before the build, so a typo costs no extraction."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    try:
        if not names:
            raise ValueError(f"give at least one of {', '.join(FORMATS)}")
        select_formats(names)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return names


def parser() -> argparse.ArgumentParser:
    from kgraph.sparql.engines import ENGINES

    p = argparse.ArgumentParser(prog="kgraph", description="Knowledge graph of China's party-state from news articles.")
    p.add_argument("--version", action="version", version=f"kgraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract articles into a graph and write its exports")
    b.add_argument("paths", nargs="+", help="article files (.txt, .jsonl), directories or globs")
    b.add_argument("--out", default="exports", help="output directory (default: exports)")
    b.add_argument("--strict", action="store_true", help="treat any warning as an error (exit code 1)")
    b.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    b.add_argument("--debug", action="store_true", help="print the traceback of an article whose extraction failed")
    b.add_argument("--max-bytes", type=int, default=reading.MAX_BYTES, help="skip files larger than this")
    b.add_argument(
        "--html",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also write the HTML explorer, graph.html (default: yes)",
    )
    b.add_argument(
        "--formats",
        type=_formats,
        default=None,
        help=f"formats to write, comma-separated (default: all of {','.join(FORMATS)})",
    )
    b.set_defaults(func=cmd_build)
    v = sub.add_parser("viz", help="write the interactive HTML explorer of a built graph")
    v.add_argument("graph", help="graph.graphml, or the directory a build wrote")
    v.add_argument("--out", default="graph.html", help="HTML file to write (default: graph.html)")
    v.add_argument("--focus", help="draw only the neighbourhood of this entity (a name in English or Chinese)")
    v.add_argument("--depth", type=int, default=2, help="how many steps around --focus (default: 2)")
    v.add_argument("--types", help="entity types to keep, comma-separated (official,person,body,region,campaign)")
    v.set_defaults(func=cmd_viz)
    c = sub.add_parser("careers", help="who held which post when: one row per official and post spell")
    c.add_argument("graph", help="graph.graphml, or the directory a build wrote")
    c.add_argument("--official", help="only this official's posts (a name in English or Chinese, or an id)")
    c.add_argument("--body", help="only posts in this body (a name in English or Chinese, or an id)")
    c.add_argument("--csv", metavar="FILE", help="write CSV to FILE (- for standard output) instead of a table")
    c.set_defaults(func=cmd_careers)
    q = sub.add_parser("query", help="run SPARQL over a graph or a store: a query, a file or a named query")
    q.add_argument("graph", nargs="?", help="graph.ttl (.nt, .jsonld), unless --store is given")
    q.add_argument("sparql", nargs="?", help="the query text")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--named", help="run a named query (see --list)")
    q.add_argument("--param", action="append", default=[], help="NAME=VALUE for a named query's parameter")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--store", help="an Oxigraph store directory made by `kgraph load`")
    q.add_argument("--engine", default="oxigraph", choices=list(ENGINES))
    q.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json", "xml"])
    q.add_argument("--limit", type=int, help="stop after this many rows")
    q.set_defaults(func=cmd_query)
    ld = sub.add_parser("load", help="load a graph into a persistent Oxigraph store, once, for fast queries")
    ld.add_argument("graph", help="graph.ttl (.nt, .jsonld) or a build directory")
    ld.add_argument("--store", required=True, help="store directory (created if missing)")
    ld.add_argument("--replace", action="store_true", help="empty the store first")
    ld.set_defaults(func=cmd_load)
    sv = sub.add_parser("serve", help="a read-only SPARQL 1.1 Protocol endpoint")
    sv.add_argument("graph", nargs="?", help="graph.ttl (.nt, .jsonld), unless --store is given")
    sv.add_argument("--store", help="an Oxigraph store directory made by `kgraph load`")
    sv.add_argument("--engine", default="oxigraph", choices=list(ENGINES))
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=7878)
    sv.add_argument("--timeout", type=float, default=10.0, help="query time limit in seconds (default 10)")
    sv.add_argument("--max-rows", type=int, default=10_000, help="result size limit in rows (default 10000)")
    sv.set_defaults(func=cmd_serve)
    s = sub.add_parser("stats", help="counts of a built graph (graph.ttl, .nt, .jsonld)")
    s.add_argument("graph")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
