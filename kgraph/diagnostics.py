"""Named warnings for bad input, so that messages are consistent and testable.

Each warning names the file and the problem; the build goes on without the
file (or with what could be read of it) and lists every warning at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

EMPTY = "empty file"
BINARY = "binary file (NUL bytes), not text"
UNDECODABLE = "not UTF-8 and not GB18030/GBK either; cannot decode"
DECODED_GB = "not UTF-8; decoded as GB18030"
NO_DATE = "no date line (' date YYYY-MM-DD headline'); the date is left empty"
BAD_DATE = "malformed date {value!r}; the date is left empty"
TOO_LARGE = "file is {size:,} bytes, above the {limit:,}-byte limit; skipped"
BAD_JSON = "line {line}: not valid JSON ({error})"
BAD_RECORD = "line {line}: {error}"
NOT_FOUND = "no such file or directory"
NO_ARTICLES = "no article files (.txt, .jsonl) found"
UNREADABLE = "cannot read: {error}"
EXTRACTION_FAILED = "extraction of article {id!r} failed ({error}); the article is skipped"


@dataclass(frozen=True)
class Warning:
    """One problem with one input file."""

    path: str
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
