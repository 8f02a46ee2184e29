"""Reading articles from files, directories and globs, in any of the input formats.

Formats: the seed format (first line `` date YYYY-MM-DD <headline>``, then
paragraphs), plain ``.txt`` (first line is the headline), and JSON Lines
(``id``, ``date``, ``title``, ``text``, optional ``lang``, ``source``, ``url``).
Bad input never stops a build: each problem becomes a :class:`Warning` naming
the file (and the line of a JSON Lines file), and the file or record is skipped
or read as far as it can be. Encodings are judged in :mod:`kgraph.decoding`.
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
from kgraph.decoding import Decoded, decode
from kgraph.diagnostics import Warning
from kgraph.extract import packs
from kgraph.ids import absolute_iri, writable
from kgraph.language import detect

__all__ = ["MAX_BYTES", "Decoded", "decode", "expand", "read", "read_file", "valid_date"]

MAX_BYTES = 5_000_000
SUFFIXES = (".txt", ".jsonl")
SEED_HEADER = re.compile(r"^\ufeff?\s*date\s+(\S+)\s*(.*)$")
ISO_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
#: Halves of UTF-16 pairs standing alone: JSON may escape them (``"\ud800"``), UTF-8 cannot write them.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Warning]]:
    """Files named by paths, directories (recursively) and globs, sorted and without repeats."""
    files: list[Path] = []
    warnings: list[Warning] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = walk(p, warnings)
            if not found:
                warnings.append(Warning(writable(str(p)), D.NO_ARTICLES))
            files += found
        elif p.is_file():
            files.append(p)
        elif any(ch in str(raw) for ch in "*?["):
            matched = sorted(Path(m) for m in glob.glob(str(raw), recursive=True) if Path(m).is_file())
            if not matched:
                warnings.append(Warning(writable(str(raw)), D.NO_ARTICLES))
            files += matched
        else:
            warnings.append(Warning(writable(str(raw)), D.NOT_FOUND, skipped=True))
    return list(dict.fromkeys(files)), warnings


def walk(top: Path, warnings: list[Warning]) -> list[Path]:
    """The article files under ``top``, sorted; a directory or link that cannot be read is a warning, not a gap.

    As with ``Path.rglob``, links to directories are not followed (so no loop of them can trap the walk);
    unlike it, a directory that cannot be listed and a link that cannot be resolved are reported.
    """
    found: list[Path] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as e:
            warnings.append(Warning(writable(str(folder)), D.UNREADABLE_DIR.format(error=_reason(e)), skipped=True))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file()
                if not is_dir and not is_file and entry.is_symlink():
                    os.stat(entry.path)  # raises for a loop of links or a target that cannot be reached
            except FileNotFoundError as e:
                if path.suffix in SUFFIXES:
                    warnings.append(Warning(writable(str(path)), D.BROKEN_LINK.format(error=_reason(e)), skipped=True))
                continue
            except OSError as e:
                warnings.append(Warning(writable(str(path)), D.UNREADABLE.format(error=_reason(e)), skipped=True))
                continue
            if is_dir:
                stack.append(path)
            elif is_file and path.suffix in SUFFIXES:
                found.append(path)
    return sorted(found)


def _reason(e: OSError) -> str:
    return e.strerror or str(e)


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
    """One ``.txt`` article in the seed format or as plain text; its id is the file's stem."""
    warnings: list[Warning] = []
    src = writable(str(path))
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
    article_id = writable(path.stem)
    if article_id != path.stem:
        warnings.append(Warning(src, D.ODD_NAME.format(id=article_id)))
    article = Article(
        id=article_id, date=iso, title=title[:300], text=body, lang=detect(body), path=src, encoding=encoding
    )
    return article, warnings


def parse_jsonl(
    path: Path, text: str, encoding: str, max_bytes: int = MAX_BYTES
) -> tuple[list[Article], list[Warning]]:
    """JSON Lines: one article per line; a bad line is reported and the rest are read. The size limit is an
    article's: a line over ``max_bytes`` is skipped, however large the file.

    Lines end at ``\\n`` only: U+2028, U+2029 and U+0085 are valid inside a JSON string.
    """
    articles: list[Article] = []
    warnings: list[Warning] = []
    src = writable(str(path))
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if len(line) > max_bytes // 4 and len(line.encode("utf-8", "surrogatepass")) > max_bytes:
            size = len(line.encode("utf-8", "surrogatepass"))
            warnings.append(Warning(src, D.RECORD_TOO_LARGE.format(line=n, size=size, limit=max_bytes), skipped=True))
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            warnings.append(Warning(src, D.BAD_JSON.format(line=n, error=e.msg), skipped=True))
            continue
        except RecursionError:
            warnings.append(Warning(src, D.BAD_JSON.format(line=n, error="nested too deeply"), skipped=True))
            continue
        except ValueError as e:  # an integer too long to convert
            warnings.append(Warning(src, D.BAD_JSON.format(line=n, error=str(e).split(":")[0]), skipped=True))
            continue
        article = _record(rec, n, src, encoding, warnings)
        if article is not None:
            articles.append(article)
    return articles, warnings


def _record(rec: object, n: int, src: str, encoding: str, warnings: list[Warning]) -> Article | None:
    """The article of one JSON Lines record, or None when it cannot be one (each problem warned about)."""
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or "id" not in rec:
        warnings.append(Warning(src, D.BAD_RECORD.format(line=n, error="needs string 'id' and 'text'"), skipped=True))
        return None
    raw_id = rec["id"]
    if not isinstance(raw_id, str) or not raw_id.strip():
        value = repr(raw_id) if isinstance(raw_id, str) else f"{_json_kind(raw_id)} ({json.dumps(raw_id)[:40]})"
        warnings.append(Warning(src, D.BAD_ID.format(line=n, value=value), skipped=True))
        return None
    if not rec["text"].strip():
        warnings.append(Warning(src, D.BAD_RECORD.format(line=n, error="empty 'text'"), skipped=True))
        return None
    fields = {k: str(rec.get(k) or "") for k in ("title", "text", "source")}
    broken = [k for k, v in fields.items() if LONE_SURROGATE.search(v)]
    if broken:
        warnings.append(Warning(src, D.LONE_SURROGATES.format(line=n, fields=", ".join(map(repr, broken)))))
        fields = {k: LONE_SURROGATE.sub("\ufffd", v) for k, v in fields.items()}
    article_id = writable(raw_id)
    if article_id != raw_id:
        warnings.append(Warning(src, D.ODD_ID.format(line=n, id=article_id)))
    raw_date = str(rec.get("date") or "")
    iso = valid_date(raw_date) if raw_date else None
    if raw_date and iso is None:
        warnings.append(Warning(src, f"line {n}: " + D.BAD_DATE.format(value=raw_date)))
    elif not raw_date:
        warnings.append(Warning(src, f"line {n}: " + D.NO_DATE))
    title = fields["title"].strip()
    body = (title + "\n" + fields["text"]) if title else fields["text"]
    lang = rec.get("lang")
    return Article(
        id=article_id,
        date=iso or "",
        title=title or body.split("\n", 1)[0][:300],
        text=body,
        lang=lang if isinstance(lang, str) and lang in packs.names() else detect(body),
        source=fields["source"],
        url=_url(rec.get("url"), n, src, warnings),
        path=src,
        encoding=encoding,
    )


def _json_kind(value: object) -> str:
    """The JSON name of a value's type, for messages: ``a number``, ``an array``."""
    kinds = ((bool, "a boolean"), ((int, float), "a number"), (list, "an array"), (dict, "an object"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


def _url(value: object, n: int, src: str, warnings: list[Warning]) -> str:
    """A record's url as an absolute IRI, percent-encoded where it must be; "" (with a warning) when it is none."""
    if not value:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    iri = absolute_iri(text) if isinstance(value, str) else None
    if iri is None:
        warnings.append(Warning(src, D.BAD_URL.format(line=n, value=writable(text)[:200])))
        return ""
    if iri != text:
        warnings.append(Warning(src, D.ENCODED_URL.format(line=n, value=writable(text)[:200], iri=iri[:200])))
    return iri


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Warning]]:
    """All articles in one file, with the problems met on the way."""
    src = writable(str(path))
    try:
        size = path.stat().st_size
        if size > max_bytes and path.suffix != ".jsonl":  # a JSON Lines file holds many articles: each is checked
            return [], [Warning(src, D.TOO_LARGE.format(size=size, limit=max_bytes), skipped=True)]
        data = path.read_bytes()
    except OSError as e:
        return [], [Warning(src, D.UNREADABLE.format(error=_reason(e)), skipped=True)]
    if not data.strip():
        return [], [Warning(src, D.EMPTY, skipped=True)]
    decoded = decode(data)
    if decoded.text is None:
        return [], [Warning(src, decoded.problem or D.UNDECODABLE, skipped=True)]
    warnings = [Warning(src, decoded.problem)] if decoded.problem else []
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix == ".jsonl":
        articles, more = parse_jsonl(path, text, decoded.encoding, max_bytes)
        return articles, warnings + more
    article, more = parse_text(path, text, decoded.encoding)
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
