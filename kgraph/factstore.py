"""The facts of each article kept on disk, so a build extracts only the articles it has not seen.

Extraction is a pure function of the article and of the extractor (its code and its lexicons), so its
result can be reused as long as neither changed. Each article's Facts are stored in SQLite as JSON under the
hash of the article's fields and the extractor's fingerprint: an edited article, a changed lexicon row or a
changed extraction module gives another key, and the stale row is never read again (``prune`` drops it).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from kgraph.article import Article
from kgraph.facts import Byline, Entity, Evidence, Facts, PostTime, Relation
from kgraph.fingerprints import PACKAGE, digest, module_files, module_name

#: Bump when the stored JSON changes shape.
FORMAT = 2
#: The package whose modules, and their imports within kgraph, make up the extractor.
ROOT = "extract"


# ----------------------------------------------------------------------------- the extractor's fingerprint


def extractor_files(package: Path = PACKAGE) -> list[Path]:
    """Every source file extraction runs (the modules of :data:`ROOT` with the language packs, and what they
    import within kgraph) and every data file: what a change to must invalidate the stored facts."""
    return module_files([module_name(package, p) for p in sorted((package / ROOT).rglob("*.py"))], package)


@cache
def fingerprint(package: Path = PACKAGE) -> str:
    """A hash of the extractor's code and data, and of the store's format."""
    return digest(extractor_files(package), package, f"kgraph-facts/{FORMAT}")


def article_key(article: Article, extractor: str | None = None) -> str:
    """The key of an article's facts: its fields (not where the file lies) and the extractor's fingerprint."""
    fields_ = (article.id, article.date, article.title, article.text, article.lang, article.source, article.url)
    h = hashlib.sha256((extractor or fingerprint()).encode())
    for value in fields_:
        h.update(b"\0" + value.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# ----------------------------------------------------------------------------- Facts <-> JSON


class _Sentences:
    """The sentences an article's evidence quotes, each written once: evidence names them by index (several
    mentions and relations come from one sentence)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def ev(self, e: Evidence | None) -> list[Any] | None:
        """An evidence record as JSON: ``[article, start, end, sentence index]``."""
        if e is None:
            return None
        i = self.index.setdefault(e.sentence, len(self.index))
        return [e.article, e.start, e.end, i]


def _evidence(sentences: list[str], e: list[Any] | None) -> Evidence | None:
    return None if e is None else Evidence(e[0], e[1], e[2], sentences[e[3]])


def to_json(facts: Facts) -> dict[str, Any]:
    """Facts as plain JSON values (sets as sorted lists); :func:`from_json` reverses it exactly, but for the
    article's text, which is left out: the key an article's facts are stored under already pins its text, and
    a build reads it from the article as it reads it now."""
    quote = _Sentences()
    a = facts.article
    d = {
        "article": {f.name: getattr(a, f.name) for f in fields(a) if f.name != "text"},
        "bylines": [asdict(b) for b in facts.bylines],
        "outlets": list(facts.outlets),
        "entities": [
            {
                "key": e.key,
                "type": e.type,
                "label_en": e.label_en,
                "label_zh": e.label_zh,
                "aliases_en": sorted(e.aliases_en),
                "aliases_zh": sorted(e.aliases_zh),
                "attrs": dict(e.attrs),
            }
            for e in facts.entities.values()
        ],
        "mentions": list(facts.mentions.items()),
        "evidence": [[k, [quote.ev(e) for e in v]] for k, v in facts.evidence.items()],
        "relations": [
            {
                "type": r.type,
                "subject": r.subject,
                "object": r.object,
                "title": r.title,
                "evidence": quote.ev(r.evidence),
            }
            for r in facts.relations
        ],
        "post_times": [
            {"person": t.person, "body": t.body, "title": t.title, "kind": t.kind, "date": t.date}
            | {"evidence": quote.ev(t.evidence)}
            for t in facts.post_times
        ],
        "authors": list(facts.authors),
    }
    d["sentences"] = list(quote.index)
    return d


def from_json(d: dict[str, Any]) -> Facts:
    """The Facts of :func:`to_json`'s value (the article's text empty)."""
    sentences = d["sentences"]
    facts = Facts(Article(**{**d["article"], "text": ""}))
    facts.bylines = [Byline(**b) for b in d["bylines"]]
    facts.outlets = list(d["outlets"])
    for e in d["entities"]:
        entity = Entity(**{**e, "aliases_en": set(e["aliases_en"]), "aliases_zh": set(e["aliases_zh"])})
        facts.entities[entity.key] = entity
    facts.mentions = Counter(dict(d["mentions"]))
    facts.evidence = {k: [Evidence(e[0], e[1], e[2], sentences[e[3]]) for e in v] for k, v in d["evidence"]}
    for r in d["relations"]:
        facts.add_relation(Relation(**{**r, "evidence": _evidence(sentences, r["evidence"])}))
    facts.post_times = [PostTime(**{**t, "evidence": _evidence(sentences, t["evidence"])}) for t in d["post_times"]]
    facts.authors = list(d["authors"])
    return facts


#: zlib's fastest level: the JSON shrinks to a fifth all the same, at a third of the default level's time.
LEVEL = 1


def encode(facts: Facts) -> bytes:
    return zlib.compress(json.dumps(to_json(facts), ensure_ascii=False, separators=(",", ":")).encode(), LEVEL)


def decode(blob: bytes) -> Facts:
    return from_json(json.loads(zlib.decompress(blob)))


# ----------------------------------------------------------------------------- the store


class FactStore:
    """Facts by article key in one SQLite file; safe to reuse after a killed build (SQLite's journal)."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, article TEXT, blob BLOB)")

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _rows(self, columns: str, keys: Iterable[str]) -> Iterator[tuple]:
        """``SELECT columns`` of the rows of ``keys``, a few hundred keys a query (SQLite's variable limit)."""
        wanted = list(dict.fromkeys(keys))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT {columns} FROM facts WHERE key IN ({marks})", chunk)

    def get_many(self, keys: Iterable[str]) -> dict[str, Facts]:
        """The stored facts of those keys that are stored."""
        return {key: decode(blob) for key, blob in self._rows("key, blob", keys)}

    def present(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` that are stored."""
        return {key for (key,) in self._rows("key", keys)}

    def get_for(self, articles: Iterable[Article], keys: dict[str, str]) -> dict[str, Facts]:
        """The stored facts of those ``articles`` that are stored, by article id (``keys``: each one's key).
        Each carries the article as read now: the key leaves out where the file lies, which the graph names."""
        articles = list(articles)
        found = self.get_many(keys[a.id] for a in articles)
        return {a.id: replace(found[keys[a.id]], article=a) for a in articles if keys[a.id] in found}

    def put_many(self, items: Iterable[tuple[str, Facts]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO facts VALUES (?, ?, ?)", ((k, f.article.id, encode(f)) for k, f in items)
            )

    def all(self) -> list[Facts]:
        """Every stored article's facts (after a build, the facts of that build's articles), by article id."""
        rows = self.db.execute("SELECT blob FROM facts ORDER BY article, key")
        return [decode(blob) for (blob,) in rows]

    def keys(self) -> Iterator[str]:
        for (key,) in self.db.execute("SELECT key FROM facts ORDER BY key"):
            yield key

    def prune(self, keep: Iterable[str]) -> int:
        """Drop every row not in ``keep`` (articles removed or re-extracted); returns how many."""
        stale = sorted(set(self.keys()) - set(keep))
        with self.db:
            self.db.executemany("DELETE FROM facts WHERE key = ?", ((k,) for k in stale))
        return len(stale)


def field_names() -> tuple[str, ...]:
    """The Facts fields the JSON carries (a test checks none is forgotten)."""
    return tuple(f.name for f in fields(Facts) if not f.name.startswith("_"))
