"""N-Triples, Turtle and JSON-LD written straight from sorted rows, a subject at a time.

A row is ``(subject IRI, predicate IRI, object)``, the object ``(0, IRI)`` or ``(1, datatype, language,
value, lexical form)`` (see :mod:`kgraph.export.rdf`). Writing text from these plain tuples costs about a
microsecond a triple, where making library terms first cost several; the files parse back to the same
triples (tests check it with rdflib and Oxigraph). All writers take the rows once, in one pass, so a build
generates and sorts its triples once whatever the number of formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import BinaryIO, Protocol

from kgraph.namespaces import prefixes

PREFIXES = prefixes()
XSD = PREFIXES["xsd"]
STRING, INTEGER = XSD + "string", XSD + "integer"
TYPE = PREFIXES["rdf"] + "type"

Object = tuple
Row = tuple[str, str, Object]

# Characters an IRIREF may not hold as they are; written as \uXXXX.
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# Characters a quoted literal may not hold as they are (line ends, quote, backslash, other controls).
_LITERAL_UNSAFE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ECHAR = {"\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _uchar(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04X}"


def _echar(m: re.Match[str]) -> str:
    c = m.group()
    return _ECHAR.get(c) or f"\\u{ord(c):04X}"


def iriref(value: str) -> str:
    return "<" + (_IRI_UNSAFE.sub(_uchar, value) if _IRI_UNSAFE.search(value) else value) + ">"


def quoted(value: str) -> str:
    return '"' + (_LITERAL_UNSAFE.sub(_echar, value) if _LITERAL_UNSAFE.search(value) else value) + '"'


class Writer(Protocol):
    def subject(self, subject: str, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


#: Terms remembered as text (IRIs and short literals repeat: classes, predicates, regions, dates).
CACHE = 200_000
#: Literals longer than this (sentences, headlines) are written without being remembered: they rarely repeat.
SHORT = 64


class NTriples:
    """One line a triple (canonical N-Triples: plain xsd:string literals, \\u escapes for controls)."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.terms: dict[object, str] = {}  # IRIs by their text, objects by their tuple

    def _iri(self, value: str) -> str:
        return iriref(value)

    def _literal(self, o: Object) -> str:
        _, datatype, lang, _, lexical = o
        text = quoted(lexical)
        if lang:
            return text + "@" + lang
        if datatype == STRING:
            return text
        return text + "^^" + self.iri(datatype)

    def iri(self, value: str) -> str:
        text = self.terms.get(value)
        if text is None:
            if len(self.terms) > CACHE:
                self.terms.clear()
            text = self.terms[value] = self._iri(value)
        return text

    def term(self, o: Object) -> str:
        """An object's text, remembered unless it is a long literal."""
        text = self.terms.get(o)
        if text is None:
            if o[0] == 0:
                text = self.iri(o[1])
            else:
                text = self._literal(o)
                if len(o[4]) > SHORT:
                    return text
            if len(self.terms) > CACHE:
                self.terms.clear()
            self.terms[o] = text
        return text

    def subject(self, subject: str, rows: list[Row]) -> None:
        terms, iri, term = self.terms, self.iri, self.term
        s = (terms.get(subject) or iri(subject)) + " "
        text = "".join([s + (terms.get(p) or iri(p)) + " " + (terms.get(o) or term(o)) + " .\n" for _, p, o in rows])
        self.out.write(text.encode("utf-8"))

    def close(self) -> None:
        pass


# A prefixed name's local part, kept to the forms every Turtle parser reads (no escapes, no final dot).
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


class Turtle(NTriples):
    """Turtle: the prefixes of :mod:`kgraph.namespaces`, a subject's predicates joined by ``;`` and a
    predicate's objects by ``,``; IRIs compacted where the local part is a plain name."""

    def __init__(self, out: BinaryIO):
        super().__init__(out)
        self.spaces = {ns: p for p, ns in PREFIXES.items()}
        out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode("utf-8"))
        self.verbs: dict[str, str] = {TYPE: "a"}

    def _iri(self, value: str) -> str:
        # every kgraph namespace ends in "/" or "#", and a plain local name holds neither
        cut = max(value.rfind("/"), value.rfind("#")) + 1
        prefix = self.spaces.get(value[:cut])
        if prefix is not None and _LOCAL.fullmatch(value, cut):
            return f"{prefix}:{value[cut:]}"
        return iriref(value)

    def _verb(self, p: str) -> str:
        text = self.verbs[p] = self.iri(p)
        return text

    def _literal(self, o: Object) -> str:
        if o[1] == INTEGER and not o[2]:
            return str(o[3])
        return super()._literal(o)

    def subject(self, subject: str, rows: list[Row]) -> None:
        terms, iri, term, verbs = self.terms, self.iri, self.term, self.verbs
        parts = []
        last = None
        for _, p, o in rows:
            obj = terms.get(o) or term(o)
            if p == last:
                parts.append(" ,\n        " + obj)
            else:
                parts.append((" ;\n    " if last is not None else " ") + (verbs.get(p) or self._verb(p)) + " " + obj)
                last = p
        text = "\n" + (terms.get(subject) or iri(subject)) + "".join(parts) + " .\n"
        self.out.write(text.encode("utf-8"))


class JsonLd:
    """Expanded JSON-LD: a list of node objects, one per subject in the order given; in each, ``@id``,
    ``@type`` and the predicate IRIs in sorted order, each property's values sorted by their compact JSON
    text; IRIs as ``{"@id"}``, literals as ``{"@value"}`` with ``@language`` or ``@type``, ``xsd:integer``
    values as JSON numbers. The text is put together here rather than by ``json.dumps(indent=...)``, whose
    pure-Python encoder is several times slower."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.sep = "[\n"

    def subject(self, subject: str, rows: list[Row]) -> None:
        self.out.write((self.sep + node_text(subject, rows)).encode("utf-8"))
        self.sep = ",\n"

    def close(self) -> None:
        self.out.write(b"[]\n" if self.sep == "[\n" else b"\n]\n")


#: A value as (its compact JSON, which orders a property's values; its members as "key": value pairs, or
#: None for a bare string such as an ``@type`` IRI).
Value = tuple[str, "list[tuple[str, str]] | None"]


def node_text(subject: str, rows: list[Row]) -> str:
    """A subject's node object, as the text it has in the document's list (indented one level)."""
    props: dict[str, list[Value]] = {}
    for _, p, o in rows:
        if p == TYPE and o[0] == 0:
            props.setdefault("@type", []).append((encode_basestring(o[1]), None))
        else:
            props.setdefault(p, []).append(_json_value(o))
    members = [f'  "@id": {encode_basestring(subject)}']
    for key in sorted(props):
        items = ",\n".join(_indented(v) for v in sorted(props[key]))
        members.append(f"  {encode_basestring(key)}: [\n{items}\n  ]")
    return " {\n" + ",\n".join(members) + "\n }"


def _json_value(o: Object) -> Value:
    if o[0] == 0:
        pairs = [("@id", encode_basestring(o[1]))]
    else:
        _, datatype, lang, value, lexical = o
        if lang:
            pairs = [("@language", encode_basestring(lang)), ("@value", encode_basestring(lexical))]
        elif datatype == STRING:
            pairs = [("@value", encode_basestring(lexical))]
        else:
            shown = str(int(value)) if datatype == INTEGER else encode_basestring(lexical)
            pairs = [("@type", encode_basestring(datatype)), ("@value", shown)]
    return "{" + ", ".join(f'"{k}": {v}' for k, v in pairs) + "}", pairs


def _indented(value: Value) -> str:
    text, pairs = value
    if pairs is None:
        return "   " + text
    return "   {\n" + ",\n".join(f'    "{k}": {v}' for k, v in pairs) + "\n   }"


def write_all(groups: Iterable[tuple[str, list[Row]]], writers: list[Writer]) -> int:
    """Feed each subject's rows to every writer, in one pass; returns the number of triples."""
    n = 0
    for subject, rows in groups:
        n += len(rows)
        for w in writers:
            w.subject(subject, rows)
    for w in writers:
        w.close()
    return n
