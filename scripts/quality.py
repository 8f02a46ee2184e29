"""The quality table of the README, regenerated from the scorer: per language and per genre.

Builds the development articles of ``../shared`` (the seeds and ``dev/articles``) one language and one
genre at a time and scores each build with ``../shared/eval/score.py`` against the gold, counting an article
the build lacks as a miss. Genres: meeting reports (the seeds and d01–d12) and personnel and discipline
news (appointments, elections, removals, discipline announcements, inspection tours, central news: d13–d28).

Run:  .venv/bin/python scripts/quality.py [--shared ../shared] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.pipeline import build, write_exports  # noqa: E402

ENTITIES = ("Official", "Body", "Region", "Campaign")
GENRES = (("all", ("meetings", "personnel")), ("meetings", ("meetings",)), ("personnel", ("personnel",)))
DATED = ("post_started", "post_ended")
RELATIONS = ("holds_post", "sub_organization_of", "area_served", "contained_in", "supervises", "implements")


def genre(path: Path) -> str:
    """Meeting reports are the seeds and d01–d12; d13 on are personnel, discipline and central news."""
    if not path.stem.startswith("d"):
        return "meetings"
    return "meetings" if int(path.stem[1:3]) <= 12 else "personnel"


def articles(shared: Path) -> list[tuple[Path, str, str]]:
    """(file, language, genre) of every development article."""
    out = [(p, "en", "meetings") for p in sorted((shared / "seeds").glob("*.txt"))]
    for p in sorted((shared / "dev" / "articles").glob("*.txt")):
        out.append((p, p.stem.rsplit("_", 1)[1], genre(p)))
    return out


def score(shared: Path, files: list[Path]) -> dict:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as tmp:
        src, gold, out = Path(tmp, "in"), Path(tmp, "gold"), Path(tmp, "out")
        src.mkdir(), gold.mkdir()
        shutil.copy(shared / "eval" / "gold" / "entities.json", gold)
        for p in files:
            shutil.copy(p, src / p.name)
            shutil.copy(shared / "eval" / "gold" / f"{p.stem}.json", gold)
        write_exports(build([src]).graph, out, formats=["turtle"], html=False)
        result, _ = scorer.score(scorer.Predicted(str(out / "graph.ttl")), scorer.Gold(str(gold)), True)
    return result


def row(name: str, n: int, r: dict) -> str:
    ents = " | ".join(f"{r['entities'][t]['f1']:.2f}" for t in ENTITIES)
    rels = " | ".join("–" if r["relations"][t]["f1"] is None else f"{r['relations'][t]['f1']:.2f}" for t in RELATIONS)
    macro = f"**{r['entity_macro_f1']:.3f}** | **{r['relation_macro_f1_undated']:.3f}**"
    return f"| {name} | {n} | {macro} | {ents} | {rels} |"


def dates_row(name: str, r: dict) -> str:
    """Post times: F1 of the starts and ends found, and how many of the dates the text states agree."""
    f1 = " | ".join("–" if r["relations"][t]["f1"] is None else f"{r['relations'][t]['f1']:.2f}" for t in DATED)
    agree, checked = r["post_dates"]["agree"], r["post_dates"]["checked"]
    return f"| {name} | {f1} | {agree} of {checked} |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the folder with seeds/, dev/ and eval/")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    shared = Path(args.shared)
    found = articles(shared)
    groups = [
        (f"{lang} {label}", [p for p, lg, g in found if lg == lang and g in genres])
        for lang in ("en", "zh")
        for label, genres in GENRES
    ]
    results = {name: (len(files), score(shared, files)) for name, files in groups if files}
    if args.json:
        print(json.dumps({k: v[1] for k, v in results.items()}, indent=1))
        return
    head = " | ".join(ENTITIES + RELATIONS)
    print(f"| articles | n | entity macro-F1 | relation macro-F1 (undated) | {head} |")
    print("|" + " --- |" * (4 + len(ENTITIES) + len(RELATIONS)))
    for name, (n, r) in results.items():
        print(row(name, n, r))
    print()
    print("| articles | post_started | post_ended | stated dates agreeing |")
    print("| --- | --- | --- | --- |")
    for name, (_, r) in results.items():
        print(dates_row(name, r))


if __name__ == "__main__":
    main()
