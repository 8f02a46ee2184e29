"""Extraction throughput and peak memory on articles repeated to at least 2 MB.

Run:  .venv/bin/python bench/throughput.py [--mb 2] [--lang en]
      .venv/bin/python bench/throughput.py --lang zh --source ../shared/dev/articles
Prints kB of article text extracted per second on one core (one process, no
parallelism) and the peak resident memory of the process. For Chinese it also
times jieba.cut and jieba.posseg.cut on the same text, the yardsticks.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.pipeline import Extractors, read_articles  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=2.0, help="text to extract, in MB (default 2)")
    ap.add_argument("--lang", default="en", help="language of the articles to repeat (en or zh)")
    ap.add_argument("--source", default=str(ROOT / "seeds"), help="articles to repeat")
    args = ap.parse_args()
    articles, _ = read_articles([args.source])
    articles = [a for a in articles if a.lang == args.lang]
    if not articles:
        sys.exit(f"no {args.lang} articles under {args.source}")
    extract = Extractors()
    extract(articles[0])  # compile lexicons and patterns outside the timing
    target = int(args.mb * 1_000_000)
    batch, size = [], 0
    while size < target:
        for a in articles:
            batch.append(a)
            size += len(a.text.encode("utf-8"))
    start = time.process_time()
    for a in batch:
        extract(a)
    seconds = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"lang={args.lang} articles={len(batch)} text={size / 1e6:.2f} MB cpu={seconds:.2f} s "
        f"throughput={size / 1000 / seconds:.0f} kB/s peak_rss={peak_mb:.0f} MB"
    )
    if args.lang == "zh":
        yardsticks(batch, size)


def yardsticks(batch: list, size: int) -> None:
    """jieba's own speed on the same text: plain cut, and cut with part-of-speech tags."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for name, cut in (("jieba.cut", jieba.cut), ("jieba.posseg.cut", jieba.posseg.cut)):
        start = time.process_time()
        for a in batch:
            for _ in cut(a.text):
                pass
        seconds = time.process_time() - start
        print(f"{name}: {size / 1000 / seconds:.0f} kB/s")


if __name__ == "__main__":
    main()
