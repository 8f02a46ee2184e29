"""Reading an explorer page back: its own data, and the records of its shards (inline or in its side folder)."""

from __future__ import annotations

import json
import re
from pathlib import Path


def page_json(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no kg-data block"
    return json.loads(m.group(1))


def inline_store(html: str) -> dict | None:
    m = re.search(r'<script type="application/json" id="kg-store">(.*?)</script>', html, re.S)
    return json.loads(m.group(1)) if m else None


def side_store(folder: Path) -> dict:
    """The side folder's shards as the inline store would hold them: ``{kind: {key: payload}}``."""
    out: dict[str, dict[str, object]] = {}
    for path in sorted(folder.glob("*/*.js")):
        m = re.fullmatch(r'kgraphShard\("(\w)",(\d+),(.*)\);\n', path.read_text(encoding="utf-8"), re.S)
        assert m, path
        out.setdefault(m.group(1), {})[m.group(2)] = json.loads(m.group(3))
        assert path.name == f"{int(m.group(2)):0{len(path.stem)}x}.js"
    return out


def records(store: dict) -> dict[str, dict]:
    """Every node's and cluster's record, by id."""
    return {k: v for shard in store["n"].values() for k, v in shard.items()}


def details(html: str) -> dict[str, dict]:
    store = inline_store(html)
    assert store is not None, "the page has no inline store"
    return {k: r["detail"] for k, r in records(store).items()}
