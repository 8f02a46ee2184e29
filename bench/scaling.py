"""Extraction time against article size: single-line articles of 0.5, 1 and 2 MB, in English and Chinese.

Run:  .venv/bin/python bench/scaling.py [--sizes 0.5,1,2] [--langs en,zh] [--shapes line,sentence]
Each article is the development articles (``seeds/`` and ``../shared/dev/articles``) of one language joined
into one line, repeated to the size in bytes of UTF-8; ``sentence`` also turns every sentence end into a comma,
so the article is one sentence. Prints the CPU time of extracting each article (one process, one core, the
lexicons and jieba loaded beforehand) and the seconds per MB, which stay level when extraction is linear.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.article import Article  # noqa: E402
from kgraph.pipeline import Extractors, read_articles  # noqa: E402

SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "dev" / "articles"]
SEPARATOR = {"en": " ", "zh": ""}
ENDS = re.compile(r"[.!?;。！？；]")


def joined(lang: str, sources: list[Path]) -> str:
    """The articles of ``lang`` under ``sources`` as one line."""
    articles, _ = read_articles([s for s in sources if s.exists()])
    sep = SEPARATOR[lang]
    texts = [re.sub(r"\s*\n\s*", sep, a.text).strip() for a in articles if a.lang == lang]
    if not texts:
        sys.exit(f"no {lang} articles under {', '.join(map(str, sources))}")
    return sep.join(texts)


def article(lang: str, base: str, megabytes: float, shape: str) -> Article:
    """One article of ``megabytes`` MB of UTF-8: ``base`` repeated, as one line or as one sentence."""
    if shape == "sentence":
        base = ENDS.sub("," if lang == "en" else "，", base)
    target = int(megabytes * 1_000_000)
    copies = target // len(base.encode("utf-8")) + 1
    text = SEPARATOR[lang].join([base] * copies).encode("utf-8")[:target].decode("utf-8", "ignore")
    return Article(f"{lang}-{shape}-{megabytes}", "2024-05-29", text[:300], text, lang=lang)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.5,1,2", help="article sizes in MB (default 0.5,1,2)")
    ap.add_argument("--langs", default="en,zh", help="languages (default en,zh)")
    ap.add_argument("--shapes", default="line", help="line, sentence or both (default line)")
    ap.add_argument("--source", action="append", type=Path, help="articles to join (default: seeds, dev articles)")
    args = ap.parse_args()
    sources = args.source or SOURCES
    extract = Extractors()
    for lang in args.langs.split(","):
        base = joined(lang, sources)
        extract(article(lang, base, 0.01, "line"))  # load the lexicons, automata and jieba outside the timing
        for shape in args.shapes.split(","):
            for size in (float(s) for s in args.sizes.split(",")):
                a = article(lang, base, size, shape)
                start = time.process_time()
                extract(a)
                seconds = time.process_time() - start
                figures = f"cpu={seconds:.2f} s per_mb={seconds / size:.2f} s/MB"
                print(f"lang={lang} shape={shape} size={size:g} MB {figures}", flush=True)


if __name__ == "__main__":
    main()
