"""The HTML explorer at scale: page and side-file sizes, first drawing, and opening a node, in headless Chromium.

Run:  .venv/bin/python bench/explorer.py [--articles 1000 10000 100000] [--graph out/graph.graphml] [--runs 3]
For each size, builds a graph shaped like a build of that many articles (bench/synthetic.py's article_graph),
or reads a built graph (--graph: a graph.graphml, e.g. of bench/corpus.py's corpus), writes the explorer with
write_site into a temporary folder and opens it in Debian's Chromium (headless, via ChromeDriver). Reports:

- the page's size, and the side folder's total size and file count;
- the Python time to write both;
- first drawing: navigation start to vis-network's first afterDrawing (median of --runs fresh loads);
- click: a real click on a drawn node (the best connected that no other node touches), to its panel with
  evidence shown (its record loaded and its neighbours drawn; measured in the page, from the click handler);
- hidden: opening an entity the overview does not draw (the median-ranked one) by its id, to its panel;
- search: a search for that entity's name (name index, then its record) to its panel.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import networkx as nx  # noqa: E402
from synthetic import article_graph  # noqa: E402

from kgraph.viz.explorer import OVERVIEW, write_site  # noqa: E402
from kgraph.viz.headless import chromium, click_node, open_explorer  # noqa: E402

#: Opens a node or searches a name in the page and resolves to milliseconds until its panel shows evidence.
TIMED = """
const [how, what] = arguments, started = performance.now();
const id = await (how === 'search' ? window.kgSearch(what) : window.kgOpen(what, true));
const evidence = document.querySelectorAll('#panel .evidence').length;
return {id: id, ms: performance.now() - started, evidence: evidence};
"""


def measure(driver, g: nx.MultiDiGraph, name: str, folder: Path, runs: int, overview: int) -> None:
    start = time.perf_counter()
    written = write_site(g, folder, overview=overview)
    write_s = time.perf_counter() - start
    page = written[0]
    side = [p for p in written[1].rglob("*.js")] if len(written) > 1 else []
    side_mb = sum(p.stat().st_size for p in side) / 1e6
    firsts = [open_explorer(driver, page) for _ in range(runs)]
    drawn = driver.execute_script("return window.kgVisibleNodes()")
    data = driver.execute_script("return JSON.parse(document.getElementById('kg-data').textContent)")
    ranked = [n["id"] for n in data["nodes"] if n["group"] != "Cluster" and g.nodes[n["id"]].get("mentions")][:200]
    hub = driver.execute_script(CLEAR, ranked)
    clicks = []
    for _ in range(runs):
        open_explorer(driver, page)
        click_node(driver, hub)
        clicks.append(wait_open(driver, hub))
    shown = {n["id"] for n in data["nodes"]}
    hidden = hidden_entity(g, shown)
    opens, searches = [], []
    for _ in range(runs if hidden else 0):
        open_explorer(driver, page)
        opened = driver.execute_script("return (async () => {" + TIMED + "})()", "open", hidden)
        assert opened["id"] == hidden and opened["evidence"], opened
        opens.append(opened["ms"])
        open_explorer(driver, page)
        label = g.nodes[hidden].get("label", hidden)
        found = driver.execute_script("return (async () => {" + TIMED + "})()", "search", label)
        assert found["id"] and found["evidence"], found
        searches.append(found["ms"])
    print(
        f"{name}: entities={data['total']} drawn={drawn} page={page.stat().st_size / 1e6:.2f} MB "
        f"side={side_mb:.1f} MB in {len(side)} files write={write_s:.1f} s "
        f"first_drawing={statistics.median(firsts):.2f} s click={statistics.median(clicks):.0f} ms "
        f"hidden={_ms(opens)} search={_ms(searches)}",
        flush=True,
    )


#: The first of some drawn nodes that no other node touches, so that a click at its centre hits it alone.
CLEAR = """
const net = window.kgNetwork, pos = net.getPositions(), all = Object.keys(pos), nodes = net.body.nodes;
const size = (id) => nodes[id].options.size;
return arguments[0].find((id) => all.every((o) => o === id ||
  Math.hypot(pos[o].x - pos[id].x, pos[o].y - pos[id].y) > size(id) + size(o) + 4)) || arguments[0][0];
"""


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times):.0f} ms" if times else "- (everything drawn)"


def hidden_entity(g: nx.MultiDiGraph, shown: set[str]) -> str | None:
    """The median-ranked entity the overview does not draw that has evidence (mentions), deterministically."""
    pool = sorted(
        (n for n, d in g.nodes(data=True) if d.get("type") != "Article" and n not in shown and d.get("mentions")),
        key=lambda n: (-int(g.nodes[n].get("mentions", 0) or 0), n),
    )
    return pool[len(pool) // 2] if pool else None


def wait_open(driver, node: str, timeout: float = 60) -> float:
    """Milliseconds from the click to the node's panel with its evidence, as the page measured them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        last = driver.execute_script("return window.kgLastOpen || null")
        if last and last["id"] == node:
            assert driver.execute_script("return document.querySelectorAll('#panel .evidence').length"), node
            return float(last["ms"])
        time.sleep(0.01)
    raise TimeoutError(f"{node} did not open within {timeout:g} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, nargs="*", default=[1000, 10000], help="synthetic graphs of these sizes")
    ap.add_argument("--graph", nargs="*", default=[], help="built graphs (graph.graphml or a build directory)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--overview", type=int, default=OVERVIEW, help="entities drawn first")
    args = ap.parse_args()
    driver = chromium()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.articles:
                start = time.perf_counter()
                g = article_graph(n)
                print(f"articles={n}: synthetic graph in {time.perf_counter() - start:.0f} s", flush=True)
                measure(driver, g, f"articles={n}", Path(tmp) / f"a{n}", args.runs, args.overview)
            for path in args.graph:
                from kgraph.graph_io import read_graph

                measure(driver, read_graph(path), path, Path(tmp) / Path(path).stem, args.runs, args.overview)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
