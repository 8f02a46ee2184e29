"""Corpora of real articles at any size: the development articles with their people renamed.

Run:  .venv/bin/python bench/corpus.py N OUT_DIR [--seed 1]
Each generated article is one of the seeds or development articles (round robin) in which every official and
person the extractor finds is given another name, drawn per article (pinyin in English, characters in
Chinese), with the article's date moved by a few days. Bodies, regions and campaigns stay as the real
articles name them, so a large corpus grows the graph the way a year of news does: many officials, the
same bodies and places mentioned again and again. Written as JSON Lines files of :data:`SHARD` articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kgraph.article import Article  # noqa: E402
from kgraph.facts import OFFICIAL, PERSON  # noqa: E402
from kgraph.lexicon import table, word_list  # noqa: E402
from kgraph.pipeline import Extractors, read_articles  # noqa: E402

#: Characters of Chinese given names, common ones.
SHARD = 500
GIVEN = "建国平明华军伟志强红军海涛斌丽娟勇杰涛磊超敏静秀英文宏玉兰德林春晓光辉新东亮洪波刚毅雪梅"


@dataclass(frozen=True)
class Template:
    article: Article
    names: tuple[str, ...]  # surface forms of people, longest first


def templates(sources: list[Path]) -> list[Template]:
    """The articles to vary, with the names of the people the extractor finds in each."""
    articles, _ = read_articles(sources)
    extract = Extractors()
    out = []
    for a in articles:
        facts = extract(a)
        names: set[str] = set()
        for e in facts.entities.values() if facts else ():
            if e.type in (OFFICIAL, PERSON):
                names |= {n for n in (e.label_en, e.label_zh, *e.aliases_en, *e.aliases_zh) if len(n) >= 2}
        out.append(Template(a, tuple(sorted((n for n in names if n in a.text), key=lambda n: (-len(n), n)))))
    return out


class Names:
    """Random names in each language's shape."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        rows = [r for r in table("surnames.tsv") if len(r["zh"]) == 1]
        self.surnames = [(r["zh"], r["pinyin"]) for r in rows]
        self.syllables = sorted(word_list("pinyin_syllables.txt"))

    def english(self) -> str:
        _, surname = self.rng.choice(self.surnames)
        given = "".join(self.rng.choice(self.syllables) for _ in range(self.rng.choice((1, 2, 2))))
        return f"{surname} {given.capitalize()}"

    def chinese(self) -> str:
        surname, _ = self.rng.choice(self.surnames)
        return surname + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))


def vary(t: Template, i: int, names: Names, rng: random.Random) -> dict[str, str]:
    """The i-th article of the corpus: the template with its people renamed and its date moved."""
    text, title = t.article.text, t.article.title
    for name in t.names:
        if any("\u4e00" <= c <= "\u9fff" for c in name):
            other, pattern = names.chinese(), re.escape(name)
        else:  # whole words only: "Ping" is a name, not a part of "Pinghu"
            other, pattern = names.english(), rf"\b{re.escape(name)}\b"
        text, title = re.sub(pattern, other, text), re.sub(pattern, other, title)
    day = t.article.date
    if day:
        day = (date.fromisoformat(day) + timedelta(days=rng.randrange(-200, 200))).isoformat()
    return {"id": f"g{i:07d}", "date": day, "title": title, "text": text, "lang": t.article.lang}


def generate(n: int, seed: int = 1, sources: list[Path] | None = None) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    names = Names(rng)
    sources = sources or [ROOT / "seeds", SHARED / "dev" / "articles"]
    missing = [str(p) for p in sources if not p.is_dir()]
    if missing:  # a corpus of fewer kinds of article is another benchmark, not a smaller one
        raise SystemExit(f"no articles to vary at {', '.join(missing)} (the development articles lie in ../shared)")
    found = templates(sources)
    for i in range(n):
        yield vary(found[i % len(found)], i, names, rng)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="how many articles")
    ap.add_argument("out", help="the folder to write the JSON Lines files into")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write(generate(args.n, args.seed), Path(args.out))


def write(records: Iterator[dict[str, str]], out: Path) -> list[Path]:
    """The records as JSON Lines files of :data:`SHARD` records each (``00000.jsonl`` …)."""
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    f = None
    for i, rec in enumerate(records):
        if i % SHARD == 0:
            if f is not None:
                f.close()
            files.append(out / f"{i // SHARD:05d}.jsonl")
            f = files[-1].open("w", encoding="utf-8")
        assert f is not None
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if f is not None:
        f.close()
    return files


if __name__ == "__main__":
    main()
