"""HTML explorer at scale: page size and time to first render in headless Chromium.

Run:  .venv/bin/python bench/explorer.py [--sizes 1000 5000 20000]
For each size, builds a synthetic graph shaped like kgraph's, renders the page,
opens it in Debian's Chromium (headless, via ChromeDriver) and reports the page
size, the Python render time and the browser's time from navigation start to
vis-network's first drawing (performance.now() at the first afterDrawing event).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_graph  # noqa: E402

from kgraph.viz.explorer import render  # noqa: E402
from kgraph.viz.headless import chromium  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    args = ap.parse_args()
    driver = chromium()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.sizes:
                g = synthetic_graph(n)
                start = time.perf_counter()
                html = render(g)
                render_s = time.perf_counter() - start
                page = Path(tmp) / f"graph-{n}.html"
                page.write_text(html, encoding="utf-8")
                driver.get(page.as_uri())
                deadline = time.time() + 120
                while not driver.execute_script("return window.kgRendered === true") and time.time() < deadline:
                    time.sleep(0.02)
                first = driver.execute_script("return window.kgFirstRender")
                shown = driver.execute_script("return window.kgVisibleNodes()")
                print(
                    f"nodes={n} edges={g.number_of_edges()} html={len(html.encode()) / 1e6:.1f} MB "
                    f"python_render={render_s:.2f} s first_render={first / 1000:.2f} s shown={shown}"
                )
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
