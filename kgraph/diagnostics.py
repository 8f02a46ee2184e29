"""Named warnings for bad input, so that messages are consistent and testable.

Each warning names the file and the problem; the build goes on without the
file (or with what could be read of it) and lists every warning at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.ids import writable

EMPTY = "empty file"
BINARY = "binary file (NUL bytes), not text"
UNDECODABLE = "not UTF-8, UTF-16, GB18030/GBK or Big5; cannot decode"
DECODED_AS = "not UTF-8; decoded as {encoding}"
DECODED_GB = DECODED_AS.format(encoding="GB18030")
NO_DATE = "no date line (' date YYYY-MM-DD headline'); the date is left empty"
BAD_DATE = "malformed date {value!r}; the date is left empty"
TOO_LARGE = "file is {size:,} bytes, above the {limit:,}-byte limit; skipped"
RECORD_TOO_LARGE = "line {line}: the record is {size:,} bytes, above the {limit:,}-byte limit of an article; skipped"
BAD_JSON = "line {line}: not valid JSON ({error})"
BAD_RECORD = "line {line}: {error}"
NOT_FOUND = "no such file or directory"
NO_ARTICLES = "no article files (.txt, .jsonl) found"
UNREADABLE = "cannot read: {error}"
UNREADABLE_DIR = "cannot read this directory ({error}); the files in it are skipped"
BROKEN_LINK = "symbolic link to nothing ({error}); skipped"
ODD_NAME = "the file name holds characters no export can write; the article id is '{id}'"
BAD_ID = "line {line}: 'id' must be a non-empty string, not {value}; the record is skipped"
ODD_ID = "line {line}: the id holds characters no export can write; the article id is '{id}'"
BAD_URL = "line {line}: 'url' {value!r} is not an absolute IRI (no scheme such as https:); the url is left out"
ENCODED_URL = "line {line}: 'url' {value!r} holds characters an IRI cannot; written as {iri!r}"
LONE_SURROGATES = "line {line}: lone surrogate escapes (\\ud800-\\udfff) in {fields}; replaced by U+FFFD"
KEPT_GRAPH_UNREADABLE = "the graph kept by the last build cannot be used ({error}); every article is merged again"
GRAPH_NOT_KEPT = "the graph cannot be kept for the next build ({error}); the one kept before stays as it was"
EXTRACTION_FAILED = "extraction of article {id!r} failed ({error}); the article is skipped"


@dataclass(frozen=True)
class Warning:
    """One problem with one input file."""

    path: str
    message: str
    skipped: bool = False

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 or a control character in a quoted value must not break the printing.
        object.__setattr__(self, "path", writable(self.path))
        object.__setattr__(self, "message", writable(self.message))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
