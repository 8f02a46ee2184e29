"""Side files: the explorer's data cut into shards that a page opened from disk can load on demand.

Chromium refuses ``fetch()`` of ``file://`` URLs, so a side file is a script that
hands its JSON to the page's registered callback: ``kgraphShard("n",12,{...});``.
A key goes to its shard by FNV-1a of its UTF-8 bytes, a hash the page computes
the same way (``store.js``), so the page finds any node's file without an index.
Shard counts are powers of two sized from the number of items, so there are
neither millions of files nor giant ones.

JSON is written with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped: it can sit
in a ``<script>`` block of the page or be run as a script, and no text from an
article can end either.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193
MAX_SHARDS = 1 << 16
#: What each kind of shard holds: node records by id, ids by name, and the search list in rank order.
NODES, NAMES, RANKED = "n", "x", "r"
_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


@dataclass(frozen=True)
class Shard:
    """One side file's content: its kind, its number and its JSON payload."""

    kind: str
    key: int
    payload: str

    def path(self, counts: dict[str, int]) -> str:
        """Where the file goes in the side folder, ``n/0a3.js``: fixed-width hex, as the page computes it."""
        return f"{self.kind}/{self.key:0{hex_width(counts[self.kind])}x}.js"

    def script(self) -> str:
        """The side file: a call of the page's callback with the payload."""
        return f'kgraphShard("{self.kind}",{self.key},{self.payload});\n'


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes: cheap, stable across runs and machines, and easy to write in JavaScript."""
    h = FNV_OFFSET
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return h


def shard_count(items: int, per_shard: int) -> int:
    """The smallest power of two that keeps shards to about ``per_shard`` items (at most :data:`MAX_SHARDS`)."""
    n = 1
    while n * per_shard < items and n < MAX_SHARDS:
        n *= 2
    return n


def shard_of(key: str, count: int) -> int:
    return fnv1a(key) % count


def hex_width(count: int) -> int:
    return max(1, len(f"{count - 1:x}"))


def encode(value: object, compact: bool = True) -> str:
    """JSON that is safe inside a ``<script>`` element and as a script: markup characters escaped."""
    separators = (",", ":") if compact else (", ", ": ")
    text = json.dumps(value, ensure_ascii=False, separators=separators)
    for char, escaped in _ESCAPES:  # str.replace is many times faster than str.translate on non-ASCII text
        text = text.replace(char, escaped)
    return text
