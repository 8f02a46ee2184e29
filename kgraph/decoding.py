"""Which encoding a file of news text is in: Unicode by its byte-order mark or its bytes, else GB18030 or Big5.

GB18030 decodes almost any Big5 file without an error, into garbage, and Big5 decodes some GB files; so
when both succeed the one whose text reads as Chinese wins: the larger share of its non-ASCII characters
that are common characters (the first level of GB 2312, the 3,755 most used simplified characters, and of
Big5, the 5,401 most used traditional ones, or CJK punctuation). A wrong decoding turns characters into
rare ones, kana and symbols. UTF-16 without a byte-order mark is told from a binary file by its NUL bytes
falling on one side of each code unit and decoding to text with no control or unassigned characters.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import cache

from kgraph import diagnostics as D

#: How much of a file is looked at to judge its encoding (characters for scores, bytes for NULs).
SAMPLE = 65536
#: Punctuation of Chinese text, in either script.
CJK_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·　．％＋－／０１２３４５６７８９")
#: Byte-order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: How warnings name the encodings that are guesses (a byte-order mark is no guess, and UTF-8 is the rule).
LABELS = {
    "gb18030": "GB18030",
    "cp950": "Big5",
    "utf-16-le": "UTF-16 (little-endian)",
    "utf-16-be": "UTF-16 (big-endian)",
}
#: Control characters that plain text holds.
TEXT_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read in; ``problem`` is a warning, ``text`` None when unreadable."""

    text: str | None
    encoding: str = ""
    problem: str | None = None


def decode(data: bytes) -> Decoded:
    """The text of ``data``: by its byte-order mark; UTF-8; UTF-16 without a mark; GB18030 or Big5."""
    marked = [codec for bom, codec in BOMS if data.startswith(bom)]
    for codec in marked:  # FF FE 00 00 is UTF-32's mark, or UTF-16's before a NUL: the one that decodes
        try:
            return Decoded(data.decode(codec), codec.removesuffix("-sig"))
        except UnicodeDecodeError:
            continue
    if marked:
        return Decoded(None, problem=D.UNDECODABLE)
    if b"\x00" in data[:SAMPLE]:
        return _utf16(data) or Decoded(None, problem=D.BINARY)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [(name, text) for name, text in ((n, _try(data, n)) for n in ("gb18030", "cp950")) if text is not None]
    if not candidates:
        return Decoded(None, problem=D.UNDECODABLE)
    # max keeps the first of equals: GB18030, the mainland encoding, unless Big5 reads better
    name, text = max(candidates, key=lambda c: common_share(c[1]))
    return Decoded(text, name, D.DECODED_AS.format(encoding=LABELS[name]))


def common_share(text: str) -> float:
    """The share of ``text``'s non-ASCII characters (in its first :data:`SAMPLE`) that Chinese text uses most."""
    common = common_characters()
    wide = [ch for ch in text[:SAMPLE] if not ch.isascii()]
    if not wide:
        return 0.0
    return sum(ch in common or ch in CJK_PUNCTUATION for ch in wide) / len(wide)


@cache
def common_characters() -> frozenset[str]:
    """GB 2312 level 1 (rows 16-55) and Big5 level 1 (A440-C67E): the most used characters of each script."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        chars.update(_row(lead, range(0xA1, 0xFF), "gb2312"))
    for lead in range(0xA4, 0xC7):
        trails = [*range(0x40, 0x7F), *(range(0xA1, 0xFF) if lead < 0xC6 else ())]
        chars.update(_row(lead, trails, "big5"))
    return frozenset(chars)


def _row(lead: int, trails: range | list[int], codec: str) -> list[str]:
    out = []
    for trail in trails:
        ch = _try(bytes((lead, trail)), codec)
        if ch is not None:
            out.append(ch)
    return out


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: NULs on one side of the code units (ASCII, newlines) and clean text."""
    sample = data[: SAMPLE - SAMPLE % 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if len(data) % 2 or min(even, odd) * 4 > max(even, odd):
        return None
    text = _try(data, codec)
    if text is None or not _plain(text[:SAMPLE]):
        return None
    return Decoded(text, codec, D.DECODED_AS.format(encoding=LABELS[codec]))


def _plain(text: str) -> bool:
    """True when ``text`` holds no control character but those of plain text, and nothing unassigned or private."""
    for ch in set(text):
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in TEXT_CONTROLS) or category in ("Cn", "Co", "Cs"):
            return False
    return True
