"""Stable ids: one slug rule for every name that becomes part of an id (people, places, campaigns, roles),
one rule for turning any id into the path of an IRI, and one for making any file stem or record id
an article id that every format can write.

Article ids come from file names and JSON Lines records, so they may hold any character; two different ids
must never become one IRI (articles would merge), and the ids of today's ASCII names must not change (the
committed exports and the gold scoring match articles by id).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

_APOSTROPHES = re.compile(r"['’]")
_OTHER = re.compile(r"[^a-z0-9]+")

#: What an IRI path keeps as it is; everything else (``%`` too, so the rule is one-to-one) is percent-encoded.
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9/_.\-]+")
#: Characters that XML 1.0 forbids or that cannot be written as UTF-8 (lone surrogates): never in an id.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
#: What an absolute IRI may hold unencoded (RFC 3987, ASCII part); other ASCII is percent-encoded.
_IRI_ASCII = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def slug(text: str, sep: str = "-") -> str:
    """``"Zhang Yigong"`` -> ``zhang-yigong``; ``"Xi'an"`` -> ``xian``; ``"Building +"`` -> ``building-plus``."""
    lowered = _APOSTROPHES.sub("", text.lower().replace("+", " plus "))
    return _OTHER.sub(sep, lowered).strip(sep)


def _percent(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode("utf-8", "surrogatepass"))


def iri_path(key: str) -> str:
    """A graph key as an IRI path, one-to-one: ``article/001_ab`` stays, ``article/新`` is ``article/%E6%96%B0``.

    Letters, digits and ``/_.-`` are kept, so ASCII ids read as before; every other character is written as
    its UTF-8 bytes, percent-encoded. Two different keys never give the same path.
    """
    return _NOT_PLAIN.sub(lambda m: _percent(m.group(0)), key)


def writable(text: str) -> str:
    """Any file stem, record id or path as text that every export (and a terminal) can write.

    Characters no export can hold (control characters, lone surrogates from a file name that is not UTF-8)
    are written as ``\\xNN`` escapes of their bytes; any other text is kept as it is.
    """

    def escape(m: re.Match[str]) -> str:
        ch = m.group(0)
        if "\udc80" <= ch <= "\udcff":  # a byte of a file name that is not UTF-8 (surrogateescape)
            return f"\\x{ord(ch) - 0xDC00:02x}"
        return ch.encode("unicode_escape", "backslashreplace").decode("ascii")

    return _UNWRITABLE.sub(escape, text)


def absolute_iri(url: str) -> str | None:
    """``url`` as an absolute IRI: as it is when it is one; with forbidden characters percent-encoded
    (a space, ``<``, a control character) when that makes one; None when it has no scheme."""
    if not _SCHEME.match(url):
        return None
    if _valid(url):
        return url
    parts: list[str] = []
    i = 0
    while i < len(url):
        m = _IRI_ASCII.match(url, i)
        if m:
            parts.append(m.group(0))
            i = m.end()
            continue
        ch = url[i]
        parts.append(ch if ch.isprintable() and not ch.isascii() and not _UNWRITABLE.match(ch) else _percent(ch))
        i += 1
    fixed = "".join(parts)
    if _valid(fixed):
        return fixed
    encoded = "".join(p if p.isascii() else _percent(p) for p in parts)
    return encoded if _valid(encoded) else None


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True
