"""Command line: ``kgraph build``, ``viz``, ``careers``, ``query``, ``load``, ``serve``, ``stats``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from kgraph import __version__, heap, reading
from kgraph.export.formats import FORMATS, select_formats
from kgraph.parallel import cores
from kgraph.pipeline import build, write_exports

T = TypeVar("T")
#: Where a build keeps the facts of its articles, inside --out.
CACHE = Path(".kgraph") / "facts.sqlite"


def _progress(enabled: bool):
    def wrap(items: Iterable[T]) -> Iterable[T]:
        if not enabled:
            return items
        from tqdm import tqdm

        return tqdm(items, desc="extracting", unit="article", file=sys.stderr)

    return wrap


def cmd_build(args: argparse.Namespace) -> int:
    from kgraph.export import outdir

    out = Path(args.out)
    try:  # before any extraction: a bad --out must not cost the whole build
        outdir.check(out)
    except outdir.OutputError as e:
        print(f"error: --out {e}", file=sys.stderr)
        return 2
    outdir.clean(out, [f.file for f in FORMATS.values()])  # what builds killed while writing left there
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    cache = None if not args.cache else out / CACHE
    if args.strict and cache is not None and not cache.exists():
        cache = None  # --strict writes nothing unless the build succeeds: no new folder for the facts either
    jobs = args.jobs if args.jobs > 0 else cores()
    try:
        result = build(
            args.paths, progress=_progress(show), max_bytes=args.max_bytes, jobs=jobs, dask=args.dask, cache=cache
        )
    except OSError as e:  # the Dask scheduler cannot be reached
        print(f"error: --dask {args.dask}: {e}", file=sys.stderr)
        return 2
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.debug:
        for failure in result.failed:
            print(f"traceback of {failure.path or failure.article}:\n{failure.traceback}", file=sys.stderr)
    if args.strict and result.warnings:
        print(f"error: {len(result.warnings)} warning(s) and --strict is set; nothing written", file=sys.stderr)
        return 1
    written: list[Path] = []
    try:
        if args.exports:
            written = write_exports(result.graph, out, html=args.html, formats=args.formats)
    except OSError as e:  # the disk filled up, the directory went away meanwhile: the old exports stay whole
        if e.filename is not None and not Path(e.filename).is_relative_to(out):
            raise  # not the output directory's problem: a bug, with its traceback
        problem = e.strerror or e
        print(f"error: --out {out}: cannot write ({problem}); the files already there stay whole", file=sys.stderr)
        return 1
    s = result.summary()
    done = f" ({result.extracted} extracted, {result.merged} merged)" if cache is not None else ""
    print(f"articles: {s.articles}{done}")
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
    if args.store:
        from kgraph.storesync import sync

        synced = sync(result.graph, args.store)
        how = "loaded whole" if synced.whole else f"{synced.rewritten} subject(s) rewritten, {synced.removed} removed"
        print(f"store {args.store}: {synced.triples} triples ({how})")
    if written:
        print("wrote " + ", ".join(str(p) for p in written))
    heap.leave_at_exit(result)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kgraph.pipeline import cached_graph

    out = Path(args.out)
    if not (out / CACHE).is_file():
        print(
            f"error: {out}: no facts kept there ({CACHE} is missing); run `kgraph build --out {out}`", file=sys.stderr
        )
        return 2
    g, articles, warnings = cached_graph(out / CACHE)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    written = write_exports(g, out, html=args.html, formats=args.formats)
    print(f"articles: {articles}")
    print("wrote " + ", ".join(str(p) for p in written))
    heap.leave_at_exit(g)
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from kgraph.graph_io import GraphReadError, read_graph
    from kgraph.viz.explorer import FocusNotFound, write_site

    out = Path(args.out)
    try:
        g = read_graph(args.graph)
        types = [t for t in args.types.split(",") if t] if args.types else None
        written = write_site(g, out.parent, out.name, focus=args.focus, depth=args.depth, types=types)
    except (GraphReadError, FocusNotFound) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print("wrote " + ", ".join(str(p) for p in written))
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
    from kgraph.sparql.engines import Engine, QueryError, UsageError, open_engine
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
        engine: Engine
        if args.endpoint:
            from kgraph.remote import open_endpoint

            text = text or graph  # `kgraph query --endpoint URL 'SELECT ...'`: the one positional is the query
            engine = open_endpoint(args.endpoint, args.graph_iri, args.user, args.password_env, args.allow_service)
        else:
            engine = open_engine(args.engine, graph=graph, store=args.store, allow_service=args.allow_service)
        if args.named:
            result = run_named(engine, args.named, values, limit=args.limit)
        else:
            if args.file:
                text = Path(args.file).read_text(encoding="utf-8")
            if not text:
                raise QueryError("give a query, --file Q.rq or --named NAME (see --list)")
            result = engine.query(text, limit=args.limit)
    except UsageError as e:  # SERVICE without --allow-service, an invalid IRI parameter: change the command
        print(f"error: {e}", file=sys.stderr)
        return 2
    except (QueryError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    sys.stdout.write(render(result, args.format))
    return 0


class _IntermixedParser(argparse.ArgumentParser):
    """Parses options placed between positionals, as ``parse_intermixed_args`` does.

    A subcommand's parser is called through ``parse_known_args``; plain argparse takes
    ``GRAPH`` and the empty optional ``QUERY`` in one go, so ``GRAPH --engine rdflib QUERY``
    left the query over as unrecognized.
    """

    _mixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._mixing:  # parse_known_intermixed_args calls back in here for each pass
            return super().parse_known_args(args, namespace)
        self._mixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._mixing = False


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
    from kgraph.sparql.access import AccessLog
    from kgraph.sparql.engines import QueryError, open_engine
    from kgraph.sparql.server import Endpoint, Limits, listen, serve_forever

    limits = Limits(
        header_timeout=args.header_timeout,
        body_timeout=args.body_timeout,
        max_body=args.max_body,
        max_connections=args.max_connections,
        backlog=args.backlog,
    )
    try:
        engine = open_engine(args.engine, graph=args.graph, store=args.store, allow_service=args.allow_service)
    except QueryError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    try:
        stream = (
            None
            if args.no_access_log
            else sys.stderr
            if args.access_log == "-"
            else open(args.access_log, "a", encoding="utf-8")  # closed when the server stops
        )
    except OSError as e:
        print(f"error: --access-log {args.access_log}: cannot write ({e.strerror or e})", file=sys.stderr)
        return 1
    try:
        sock = listen(args.host, args.port, limits.backlog)
    except OSError as e:
        print(f"error: cannot listen on {args.host} port {args.port} ({e.strerror or e})", file=sys.stderr)
        return 1
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"SPARQL endpoint on http://{shown}:{port}/sparql (read-only; Ctrl-C stops)", flush=True)
    endpoint = Endpoint(engine, timeout=args.timeout, max_rows=args.max_rows, workers=args.workers)
    try:
        serve_forever(endpoint, sock, limits, AccessLog(stream))
    finally:
        if stream not in (None, sys.stderr):
            stream.close()
    return 0


N = TypeVar("N", int, float)


def _positive(convert: Callable[[str], N], what: str) -> Callable[[str], N]:
    """An argparse type: ``convert``'s number, refused unless above 0 (a limit of 0 would refuse everything)."""

    def parse(text: str) -> N:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
        return value

    return parse


_positive_int = _positive(int, "a whole number")
_positive_float = _positive(float, "a number")


def cmd_push(args: argparse.Namespace) -> int:
    """Exit 0 when pushed, 1 when the push failed (it resumes when run again), 2 for a bad command."""
    from kgraph.push import PushError, push
    from kgraph.remote import password_from_env

    try:
        password = password_from_env(args.user, args.password_env)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("error: --batch-size takes a number of triples, at least 1", file=sys.stderr)
        return 2
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    done = [0, 0]  # triples and batches confirmed, for the message if interrupted

    def progress(triples: int, total: int, batches: int) -> None:
        done[:] = [triples, batches]
        if show:
            print(f"\rpushed {triples}/{total} triples in {batches} batch(es)", end="", file=sys.stderr, flush=True)

    try:
        pushed = push(
            args.graph,
            args.endpoint,
            graph_iri=args.graph_iri,
            batch_size=args.batch_size,
            user=args.user,
            password=password,
            state_file=args.state,
            progress=progress,
            timeout=args.timeout,
        )
    except PushError as e:
        print(("\n" if show and done[1] else "") + f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\ninterrupted after {done[1]} batch(es), {done[0]} triples: run it again to go on", file=sys.stderr)
        return 1
    if show:
        print(file=sys.stderr)
    resumed = (
        f" (resumed: {pushed.resumed_batches} batch(es), {pushed.resumed_triples} triples, were in before)"
        if pushed.resumed_batches
        else " (started over: the interrupted push was of another graph or to another place)"
        if pushed.started_over
        else ""
    )
    print(
        f"pushed {pushed.file} into <{args.graph_iri}> at {args.endpoint}: {pushed.triples} triples in "
        f"{pushed.batches} batch(es), {pushed.seconds:.1f} s ({pushed.rate:,.0f} triples/s){resumed}"
    )
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


def cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 when the graph conforms to kgraph's shapes, 1 when it does not, 2 when it cannot be read."""
    from kgraph.validate import GraphInputError, validate

    try:
        report = validate(args.graph)
    except GraphInputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(report.text(limit=args.limit))
    return 0 if report.conforms else 1


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
    from kgraph.remote import DEFAULT_GRAPH, PASSWORD_ENV
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
    b.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="processes extracting at once (default: every core)"
    )
    b.add_argument("--dask", metavar="ADDRESS", help="extract on the Dask cluster whose scheduler is at ADDRESS")
    b.add_argument(
        "--cache",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=f"keep each article's facts in OUT/{CACHE} and extract only what changed (default: yes)",
    )
    b.add_argument("--store", metavar="DIR", help="also keep the Oxigraph store DIR equal to the graph, in place")
    b.add_argument(
        "--exports",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="write the export files (default: yes; `kgraph export OUT` writes them later from the cache)",
    )
    b.set_defaults(func=cmd_build)
    e = sub.add_parser("export", help="write the export files of a build again, from the graph (or the facts) it keeps")
    e.add_argument("out", nargs="?", default="exports", help="the build's output directory (default: exports)")
    e.add_argument(
        "--html", action=argparse.BooleanOptionalAction, default=True, help="also write graph.html (default: yes)"
    )
    e.add_argument("--formats", type=_formats, default=None, help="formats to write, comma-separated")
    e.set_defaults(func=cmd_export)
    v = sub.add_parser("viz", help="write the interactive HTML explorer of a built graph")
    v.add_argument("graph", help="graph.graphml, or the directory a build wrote")
    v.add_argument(
        "--out",
        default="graph.html",
        help="HTML file to write (default: graph.html); a large graph's data goes in <name>.files/ beside it",
    )
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
    q.__class__ = _IntermixedParser  # `kgraph query GRAPH --engine rdflib 'SELECT ...'`: options anywhere
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
    q.add_argument(
        "--allow-service",
        action="store_true",
        help="let queries call remote endpoints with SERVICE (off: a query could make kgraph fetch any address)",
    )
    q.add_argument("--endpoint", metavar="URL", help="query a SPARQL endpoint (filled by `kgraph push`) instead")
    q.add_argument("--graph", dest="graph_iri", default=DEFAULT_GRAPH, help="with --endpoint: the named graph to query")
    q.add_argument("--user", help="with --endpoint: user for basic or digest auth, password from $KGRAPH_PUSH_PASSWORD")
    q.add_argument("--password-env", default=PASSWORD_ENV, metavar="VAR", help="read the password from VAR instead")
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
    sv.add_argument(
        "--timeout",
        type=_positive_float,
        default=10.0,
        help="query time limit in seconds, from the request's arrival, waiting for a query slot included (default 10)",
    )
    sv.add_argument("--max-rows", type=_positive_int, default=10_000, help="result size limit in rows (default 10000)")
    sv.add_argument("--workers", type=_positive_int, default=8, help="queries run at once (default 8)")
    sv.add_argument(
        "--max-body", type=_positive_int, default=1_000_000, help="request body limit in bytes (default 1000000)"
    )
    sv.add_argument(
        "--header-timeout", type=_positive_float, default=10.0, help="seconds to send a request's headers (default 10)"
    )
    sv.add_argument(
        "--body-timeout", type=_positive_float, default=10.0, help="seconds to send a request's body (default 10)"
    )
    sv.add_argument(
        "--max-connections",
        type=_positive_int,
        default=4096,
        help="open connections above which queries are answered 503 (default 4096)",
    )
    sv.add_argument("--backlog", type=_positive_int, default=4096, help="listen backlog (default 4096)")
    sv.add_argument("--access-log", default="-", metavar="FILE", help="append the access log to FILE (default: stderr)")
    sv.add_argument("--no-access-log", action="store_true", help="write no access log")
    sv.add_argument(
        "--allow-service",
        action="store_true",
        help="let queries call remote endpoints with SERVICE (off: any client could make the server fetch any address)",
    )
    sv.set_defaults(func=cmd_serve)
    s = sub.add_parser("stats", help="counts of a built graph (graph.ttl, .nt, .jsonld)")
    s.add_argument("graph")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)
    va = sub.add_parser("validate", help="check a built graph against kgraph's SHACL shapes (kgraph/shapes.ttl)")
    va.add_argument("graph", help="graph.ttl (.nt, .jsonld) or a build directory")
    va.add_argument("--limit", type=int, default=20, help="violations shown per shape (default 20; 0 shows all)")
    va.set_defaults(func=cmd_validate)
    _push_parser(sub)
    return p


def _push_parser(sub: argparse._SubParsersAction) -> None:
    from kgraph.push import DEFAULT_BATCH
    from kgraph.remote import DEFAULT_GRAPH, PASSWORD_ENV

    pu = sub.add_parser("push", help="load a graph into a SPARQL server (Graph Store Protocol), replacing a graph")
    pu.add_argument("graph", help="graph.ttl (.nt, .jsonld) or a build directory")
    pu.add_argument("--endpoint", required=True, help="Graph Store URL, e.g. http://HOST:8890/sparql-graph-crud-auth")
    pu.add_argument("--graph", dest="graph_iri", default=DEFAULT_GRAPH, help=f"named graph (default {DEFAULT_GRAPH})")
    pu.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, help=f"triples per request ({DEFAULT_BATCH})")
    pu.add_argument("--user", help=f"user for HTTP basic or digest auth; the password is read from ${PASSWORD_ENV}")
    pu.add_argument("--password-env", default=PASSWORD_ENV, metavar="VAR", help="read the password from VAR instead")
    pu.add_argument("--state", help="the file that records how far a push got (default: GRAPH.push.json beside it)")
    pu.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for each answer (default 300)")
    pu.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress (default: when stderr is a terminal)",
    )
    pu.set_defaults(func=cmd_push)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


def run() -> None:
    """The ``kgraph`` command: :func:`main`, its exit code the process's (see :func:`kgraph.heap.run`)."""
    heap.run(main)


if __name__ == "__main__":
    run()
