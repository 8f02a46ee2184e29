"""Reading articles from files, directories and globs, in any of the input formats.

Formats: the seed format (first line `` date YYYY-MM-DD <headline>``, then
paragraphs), plain ``.txt`` (first line is the headline), and JSON Lines
(``id``, ``date``, ``title``, ``text``, optional ``lang``, ``source``, ``url``).
Bad input never stops a build: each problem becomes a :class:`Warning` naming
the file, and the file is skipped or read as far as it can be.
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path

from kgraph import diagnostics as D
from kgraph.article import Article
from kgraph.diagnostics import Warning
from kgraph.extract import packs
from kgraph.language import detect

MAX_BYTES = 5_000_000
SUFFIXES = (".txt", ".jsonl")
SEED_HEADER = re.compile(r"^\ufeff?\s*date\s+(\S+)\s*(.*)$")
ISO_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Warning]]:
    """Files named by paths, directories (recursively) and globs, sorted and without repeats."""
    files: list[Path] = []
    warnings: list[Warning] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in SUFFIXES)
            if not found:
                warnings.append(Warning(str(p), D.NO_ARTICLES))
            files += found
        elif p.is_file():
            files.append(p)
        elif any(ch in str(raw) for ch in "*?["):
            matched = sorted(Path(m) for m in glob.glob(str(raw), recursive=True) if Path(m).is_file())
            if not matched:
                warnings.append(Warning(str(raw), D.NO_ARTICLES))
            files += matched
        else:
            warnings.append(Warning(str(raw), D.NOT_FOUND, skipped=True))
    return list(dict.fromkeys(files)), warnings


def decode(data: bytes) -> tuple[str | None, str, str | None]:
    """(text, encoding, problem): UTF-8 first, then GB18030 (a superset of GBK and GB2312)."""
    if b"\x00" in data[:65536]:
        return None, "", D.BINARY
    try:
        return data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030", D.DECODED_GB
    except UnicodeDecodeError:
        return None, "", D.UNDECODABLE


def valid_date(value: str) -> str | None:
    """The ISO form of a date string, or None when it is not a real date."""
    m = ISO_DATE.fullmatch(value.strip()) or ZH_DATE.fullmatch(value.strip())
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    for pattern in (ISO_DATE, ZH_DATE):
        for m in pattern.finditer(text[:2000]):
            found = valid_date(m.group(0))
            if found:
                return found
    return None


def parse_text(path: Path, text: str, encoding: str) -> tuple[Article | None, list[Warning]]:
    """One ``.txt`` article in the seed format or as plain text."""
    warnings: list[Warning] = []
    src = str(path)
    if not text.strip():
        return None, [Warning(src, D.EMPTY, skipped=True)]
    first, _, rest = text.partition("\n")
    header = SEED_HEADER.match(first)
    if header:
        iso = valid_date(header.group(1))
        if iso is None:
            warnings.append(Warning(src, D.BAD_DATE.format(value=header.group(1))))
            iso = ""
        title = header.group(2).strip()
        body = title + "\n" + rest
    else:
        iso = find_date(text) or ""
        if not iso:
            warnings.append(Warning(src, D.NO_DATE))
        body = text.lstrip("\ufeff")
        title = body.strip().split("\n", 1)[0].strip()
    article = Article(
        id=path.stem, date=iso, title=title[:300], text=body, lang=detect(body), path=src, encoding=encoding
    )
    return article, warnings


def parse_jsonl(path: Path, text: str, encoding: str) -> tuple[list[Article], list[Warning]]:
    """JSON Lines: one article per line; a bad line is reported and the rest are read."""
    articles: list[Article] = []
    warnings: list[Warning] = []
    src = str(path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            warnings.append(Warning(src, D.BAD_JSON.format(line=n, error=e.msg), skipped=True))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec.get("id"):
            warnings.append(
                Warning(src, D.BAD_RECORD.format(line=n, error="needs string 'id' and 'text'"), skipped=True)
            )
            continue
        if not rec["text"].strip():
            warnings.append(Warning(src, D.BAD_RECORD.format(line=n, error="empty 'text'"), skipped=True))
            continue
        raw_date = str(rec.get("date") or "")
        iso = valid_date(raw_date) if raw_date else None
        if raw_date and iso is None:
            warnings.append(Warning(src, f"line {n}: " + D.BAD_DATE.format(value=raw_date)))
        elif not raw_date:
            warnings.append(Warning(src, f"line {n}: " + D.NO_DATE))
        title = str(rec.get("title") or "").strip()
        body = (title + "\n" + rec["text"]) if title else rec["text"]
        lang = str(rec["lang"]) if rec.get("lang") in packs.names() else detect(body)
        articles.append(
            Article(
                id=str(rec["id"]),
                date=iso or "",
                title=title or body.split("\n", 1)[0][:300],
                text=body,
                lang=lang,
                source=str(rec.get("source") or ""),
                url=str(rec.get("url") or ""),
                path=src,
                encoding=encoding,
            )
        )
    return articles, warnings


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Warning]]:
    """All articles in one file, with the problems met on the way."""
    src = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [Warning(src, D.TOO_LARGE.format(size=size, limit=max_bytes), skipped=True)]
        data = path.read_bytes()
    except OSError as e:
        return [], [Warning(src, D.UNREADABLE.format(error=e.strerror or e), skipped=True)]
    if not data.strip():
        return [], [Warning(src, D.EMPTY, skipped=True)]
    text, encoding, problem = decode(data)
    if text is None:
        return [], [Warning(src, problem or D.UNDECODABLE, skipped=True)]
    warnings = [Warning(src, problem)] if problem else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix == ".jsonl":
        articles, more = parse_jsonl(path, text, encoding)
        return articles, warnings + more
    article, more = parse_text(path, text, encoding)
    return ([article] if article else []), warnings + more


def read(
    paths: Iterable[str | os.PathLike[str]], max_bytes: int = MAX_BYTES
) -> Iterator[tuple[list[Article], list[Warning]]]:
    """Articles and warnings, file by file, in sorted order (the first item carries path problems)."""
    files, warnings = expand(paths)
    if warnings:
        yield [], warnings
    for f in files:
        yield read_file(f, max_bytes)
