"""Builds at scale: CPU, wall time and peak memory per stage, for corpora of real articles with varied names.

Run:  .venv/bin/python bench/scale.py [--sizes 1000 10000] [--jobs 2] [--add 100]
For each size, writes a corpus with bench/corpus.py and, each in a fresh process (so peak memory is the
stage's own), measures:
  extract   pure extraction, facts dropped as they come (--jobs 1 and --jobs N): the yardstick
  build     the whole build: read, extract, merge, structure, then the exports (Turtle, N-Triples,
            JSON-LD, GraphML, careers.csv), each stage's CPU and wall, and the peak memory so far
            (the RDF files by a second process, from the subjects the build spools), and that process's
            CPU; then, in triples per second, generating the triples from the built graph alone, Turtle
            and N-Triples generated and written to files in one process, and each written alone as the
            second process writes it: from the spooled subjects, less the time reading them takes
  add       the same build folder after --add more articles: only those are extracted (the fact cache) and
            merged (the graph the build kept); the build without exports, as `kgraph build --no-exports`
            runs it
Peak memory is the process's maximum resident set (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate, write  # noqa: E402

# Each child prints one JSON object of figures.
CHILD = r"""
import json, resource, subprocess, sys, time
from pathlib import Path
from kgraph import parallel
from kgraph.pipeline import build, read_articles, write_exports

def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
def clock(): return time.process_time(), time.perf_counter()
def since(c): return round(time.process_time() - c[0], 2), round(time.perf_counter() - c[1], 2)

def writer(spooled, name, out):  # CPU seconds a fresh process takes to read the spool and write name from it
    r = subprocess.run([sys.executable, "-c", sys.argv[5], str(spooled), name, str(Path(out) / f"bench.{name}")],
                       capture_output=True, text=True, check=True)
    Path(out, f"bench.{name}").unlink(missing_ok=True)
    return float(r.stdout.strip().splitlines()[-1])

mode, corpus, out, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
figures = {}
if mode == "extract":
    c = clock()
    articles, _ = read_articles([corpus])
    figures["read"] = (*since(c), peak())
    c = clock()
    n = sum(1 for o in parallel.extract_all(articles, jobs) if o.facts is not None)
    figures["extract"] = (*since(c), peak())
    figures["workers_cpu"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime, 2)
    figures["articles"] = n
    figures["mb"] = round(sum(len(a.text.encode()) for a in articles) / 1e6, 2)
elif mode in ("build", "add"):
    c = clock()
    result = build([corpus], jobs=jobs, cache=Path(out) / ".kgraph" / "facts.sqlite")
    figures["read+extract+merge"] = (*since(c), peak())
    figures["workers_cpu"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime, 2)
    figures["extracted"] = result.extracted
    figures["merged"] = result.merged
if mode == "build":
    from kgraph.export import rdf
    from kgraph.export.writers import NTriples, Turtle, write_all
    c = clock()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    write_exports(result.graph, out, html=False)
    figures["exports"] = (*since(c), peak())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures["second_cpu"] = round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2)
    figures["triples"] = sum(1 for _ in open(Path(out) / "graph.nt", "rb"))
    from kgraph import heap
    from kgraph.export.spool import Spool
    with heap.kept() as settle:
        settle()  # as write_exports runs them: the collector off the graph
        c = clock()
        n = sum(len(rows) for _, rows in rdf.groups(result.graph))
        generate = since(c)[0]
        figures["generate"] = round(n / max(generate, 1e-9))
        for name, cls in (("turtle", Turtle), ("ntriples", NTriples)):
            with open(Path(out) / f"bench.{name}", "wb") as f:  # streamed as a build writes it: rows are not kept
                c = clock()
                write_all(rdf.groups(result.graph), [cls(f)])
                cpu = since(c)[0]
            (Path(out) / f"bench.{name}").unlink()
            figures[name] = round(n / max(cpu, 1e-9))  # generation and writing in one process
        # writing alone, as the build's second process writes: a fresh process that reads the spooled
        # subjects, less the time reading them alone takes
        spooled = Path(out) / "bench.spool"
        with open(spooled, "wb", buffering=1 << 20) as f:
            write_all(rdf.groups(result.graph), [Spool(f)])
        read = writer(spooled, "read", out)
        for name in ("turtle", "ntriples"):
            cpu = writer(spooled, name, out)
            figures[name + "_writer"] = round(n / max(cpu - read, 1e-9))
            figures[name + "_spooled"] = round(n / max(cpu, 1e-9))
        spooled.unlink()
    figures["peak"] = peak()
print(json.dumps(figures))
"""


# Reads a spool of subjects (and writes one format from it) in a fresh process, as a build's second process
# does; prints its CPU seconds.
WRITER = r"""
import sys, time
from kgraph.export.spool import unspool
from kgraph.export.writers import NTriples, Turtle, write_all
spooled, name, out = sys.argv[1:4]
with open(spooled, "rb", buffering=1 << 20) as f:
    c = time.process_time()
    if name == "read":
        sum(1 for _ in unspool(f))
    else:
        with open(out, "wb") as w:
            write_all(unspool(f), [{"turtle": Turtle, "ntriples": NTriples}[name](w)])
print(time.process_time() - c)
"""


def child(mode: str, corpus: Path, out: Path, jobs: int) -> dict:
    r = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(out), str(jobs), WRITER],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--add", type=int, default=100, help="articles added for the incremental build")
    ap.add_argument("--no-jobs-1", action="store_true", help="skip extraction with --jobs 1 (slow at 100,000)")
    args = ap.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, out = Path(tmp, "corpus"), Path(tmp, "out")
            records = list(generate(n + args.add))
            write(iter(records[:n]), corpus)
            one = None if args.no_jobs_1 else child("extract", corpus, out, 1)
            many = child("extract", corpus, out, args.jobs)
            built = child("build", corpus, out, args.jobs)
            write(iter(records), corpus)  # the same corpus and args.add more articles
            added = child("add", corpus, out, args.jobs)
            written = built
            mb = many["mb"]
            print(f"articles={n} text={mb} MB triples={built['triples']:,}")
            wall_n = many["extract"][1]
            if one is not None:
                cpu1, wall1 = one["extract"][0], one["extract"][1]
                peak1 = one["extract"][2]
                print(f"  extract --jobs 1: cpu={cpu1} s wall={wall1} s ({mb / cpu1:.2f} MB/s) peak={peak1} MB")
                print(f"  extract --jobs {args.jobs}: wall={wall_n} s speed-up={wall1 / wall_n:.2f}x")
            else:
                print(f"  extract --jobs {args.jobs}: wall={wall_n} s ({mb / wall_n:.2f} MB/s)")
            for stage in ("read+extract+merge", "exports"):
                cpu, wall, peak = built[stage]
                print(f"  build --jobs {args.jobs} {stage}: cpu={cpu} s wall={wall} s peak so far={peak} MB")
            whole = built["read+extract+merge"][1] + built["exports"][1]
            print(
                f"  whole build --jobs {args.jobs}: wall={whole:.1f} s = {wall_n / whole:.2f} of pure extraction's "
                f"throughput (--jobs {args.jobs})"
            )
            cpu, wall, peak = added["read+extract+merge"]
            print(
                f"  +{args.add} articles: extracted={added['extracted']} merged={added['merged']} "
                f"build wall={wall:.1f} s (exports not rewritten: kgraph export does that when asked), peak={peak} MB"
            )
            print(
                f"  written: writing alone turtle={written['turtle_writer']:,} triples/s "
                f"ntriples={written['ntriples_writer']:,} triples/s (from the spooled subjects, less reading them; "
                f"with reading turtle={written['turtle_spooled']:,}/s ntriples={written['ntriples_spooled']:,}/s); "
                f"generation alone {written['generate']:,}/s; generated and written in one process "
                f"turtle={written['turtle']:,}/s ntriples={written['ntriples']:,}/s; peak={written['peak']} MB"
            )
            second = built["second_cpu"]
            print(
                f"  the build's second process (Turtle, N-Triples and JSON-LD from the spooled subjects): "
                f"cpu={second} s, {built['triples'] / max(second, 1e-9):,.0f} triples/s for the three"
            )


if __name__ == "__main__":
    main()
