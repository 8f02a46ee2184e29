"""A shape's text as one compiled Python function, so a writer fills a subject in a single call.

A writer describes a :class:`~kgraph.export.writers.Shape`'s text once, as constant text and :class:`Field`
expressions, and :func:`compile_fill` makes it the function ``fill(subject, *values)`` that returns the
subject's text with one f-string. Against a template's ``str.format`` with a rendering function a field,
this leaves out a Python call or two for every field of every subject (most of a writer's time went to
calls): the rendering of common kinds (a remembered IRI, a literal to escape) is inlined.

Only names this module makes stand in the generated source: the constant text (which holds IRIs and
literals from the data) is passed to it as values, never written into it, so no data can become code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

#: The token a field's expression names its value by.
VALUE = "VALUE"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: What a field's code may not hold: it stands inside an f-string's braces (constant text is passed by name).
_NOT_CODE = re.compile(r"[\"'{}\\]")


class Field:
    """The text of a subject's field ``index`` (0 for the first of its values): ``code`` is a Python
    expression in :data:`VALUE` (the field's value), ``s`` (the subject's text) and the names given to
    :func:`compile_fill`, written by a writer, never made from data."""

    __slots__ = ("index", "code")

    def __init__(self, index: int, code: str):
        self.index, self.code = index, code


Piece = str | Field


def compile_fill(
    pieces: Sequence[Piece], fields: int, names: Mapping[str, Any], subject: str = "subject"
) -> Callable[..., str]:
    """The function ``fill(subject, v0, ..., v{fields-1})`` that returns ``pieces`` joined: each string as
    it is, each field's expression with its value, and :data:`SUBJECT` as ``names[subject](subject)``
    (rendered once however often it stands)."""
    scope: dict[str, Any] = dict(names)
    parts: list[str] = []
    text: list[str] = []

    def constant() -> None:
        if text:
            name = f"_c{len(scope)}"
            scope[name] = "".join(text)
            parts.append("{" + name + "}")
            text.clear()

    for piece in pieces:
        if isinstance(piece, str):
            text.append(piece)
            continue
        constant()
        if piece is SUBJECT:
            parts.append("{s}")
            continue
        if not 0 <= piece.index < fields:
            raise ValueError(f"a field {piece.index} of a shape of {fields} fields")
        if _NOT_CODE.search(piece.code):
            raise ValueError(f"a field's code holds quotes, braces or backslashes: {piece.code!r}")
        parts.append("{(" + piece.code.replace(VALUE, f"v{piece.index}") + ")}")
    constant()
    if not _NAME.fullmatch(subject) or subject not in scope:
        raise ValueError(f"no function {subject!r} among the names given to render a subject")
    arguments = "".join(f", v{i}" for i in range(fields))
    source = f'def fill(s{arguments}):\n    s = {subject}(s)\n    return f"{"".join(parts)}"\n'
    exec(compile(source, "<kgraph.export.fill>", "exec"), scope)  # noqa: S102 (source made of names only)
    return scope["fill"]


#: The subject's text, as a piece.
SUBJECT = Field(-1, "s")
