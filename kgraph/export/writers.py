"""N-Triples, Turtle and JSON-LD written straight from sorted rows, a batch of subjects at a time.

A row is ``(subject IRI, predicate IRI, object)``, the object ``(0, IRI)`` or ``(1, datatype, language,
value, lexical form)`` (see :mod:`kgraph.export.rdf`). Writing text from these plain tuples costs about a
microsecond a triple, where making library terms first cost several; subjects of a common :class:`Shape`
come as their fields and are written by one call of a function each writer compiles for the shape once
(:mod:`kgraph.export.fill`), which costs less again; and a batch's text is encoded and written at once.
The files parse back to the same triples (tests check it with rdflib and Oxigraph). All writers take the
subjects once, in one pass, so a build generates its triples once whatever the number of formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from json.encoder import encode_basestring
from string import Formatter
from typing import Any, BinaryIO, Protocol

from kgraph.export.fill import SUBJECT, Field, Piece, compile_fill
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


#: The kinds of a shaped subject's fields: an IRI, a plain string, an xsd:integer, an xsd:date, and IRIs (a
#: sorted tuple of distinct ones, at least one: the objects of one predicate).
IRI, TEXT, NUMBER, DATE, IRIS = "iri", "text", "number", "date", "iris"
DATE_TYPE = XSD + "date"


class Shape:
    """The rows that many subjects share the form of (the evidence of a relation, its statement): the same
    predicates in sorted order, each object the same for every subject or one of its fields (of a kind in
    :data:`IRI`, :data:`TEXT`, :data:`NUMBER`, :data:`DATE`, :data:`IRIS`). Writers turn a shape into a
    function once and fill it for each subject, which costs a fraction of writing the same rows one by one."""

    __slots__ = ("slots", "fields", "fixed")

    def __init__(self, slots: list[tuple[str, Object | str]]):
        predicates = [p for p, _ in slots]
        if predicates != sorted(set(predicates)):
            raise ValueError("a shape's predicates must be distinct and sorted, as its rows are")
        self.slots = tuple(slots)
        self.fields = tuple(o for _, o in slots if isinstance(o, str))
        self.fixed = sum(1 for _, o in slots if o != IRIS)  # rows besides those of IRIS fields


class Shaped:
    """A subject of a :class:`Shape`, as its fields; iterated, its rows (sorted and distinct)."""

    __slots__ = ("shape", "subject", "values")

    def __init__(self, shape: Shape, subject: str, values: tuple):
        self.shape, self.subject, self.values = shape, subject, values

    def __len__(self) -> int:
        shape = self.shape
        if shape.fixed == len(shape.slots):
            return shape.fixed
        return shape.fixed + sum(len(v) for v, kind in zip(self.values, shape.fields) if kind == IRIS)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows())

    def rows(self) -> list[Row]:
        values = iter(self.values)
        s = self.subject
        out: list[Row] = []
        for p, o in self.shape.slots:
            if not isinstance(o, str):
                out.append((s, p, o))
                continue
            v = next(values)
            if o == IRIS:
                out += [(s, p, (0, x)) for x in v]
            else:
                out.append((s, p, _OBJECTS[o](v)))
        return out


def iri_object(value: str) -> Object:
    """An IRI as an object."""
    return (0, value)


def text_object(value: str, lang: str = "") -> Object:
    """A string literal (language-tagged if ``lang``) as an object."""
    return (1, STRING, lang, value, value)


def integer_object(value: int) -> Object:
    """An xsd:integer literal as an object."""
    return (1, INTEGER, "", value, str(value))


def date_object(value: str) -> Object:
    """An xsd:date literal as an object."""
    return (1, DATE_TYPE, "", value, value)


#: A field's object by its kind.
_OBJECTS: dict[str, Callable[[Any], Object]] = {
    IRI: iri_object,
    TEXT: text_object,
    NUMBER: integer_object,
    DATE: date_object,
}


def _braces(text: str) -> str:
    """Text as it stands in a ``str.format`` template."""
    return text.replace("{", "{{").replace("}", "}}")


class Writer(Protocol):
    def write(self, groups: list[tuple[str, list[Row] | Shaped]]) -> None:
        """A batch of subjects, each with its rows (sorted and distinct) or as a :class:`Shaped`."""

    def close(self) -> None: ...


#: Terms remembered as text (IRIs and short literals repeat: classes, predicates, regions, dates).
CACHE = 1 << 16
#: Literals longer than this (sentences, headlines) are written without being remembered: they rarely repeat.
SHORT = 64
#: Subjects :func:`write_all` gives writers at a time: each writer writes a batch's text in one call.
BATCH = 512

#: A shape's text, filled from a subject and its values (see :mod:`kgraph.export.fill`).
Fill = Callable[..., str]


def _escaped(value: str) -> str:
    return _LITERAL_UNSAFE.sub(_echar, value)


#: The code of a field's text, by kind, for the fills of N-Triples and Turtle (the names are the writer's
#: :meth:`NTriples._names`): an IRI remembered, a literal escaped only where it must be.
_TEXT_CODE = "VALUE if not unsafe(VALUE) else escaped(VALUE)"
_IRI_CODE = "known(VALUE) or iri(VALUE)"


def _texts(
    groups: list[tuple[str, list[Row] | Shaped]],
    fills: dict[Shape, Fill],
    fill: Callable[[Shape], Fill],
    rows_text: Callable[[str, list[Row]], str],
) -> list[str]:
    """Each subject's text: a shaped one's by its shape's fill (made by ``fill`` when first met), others' by
    ``rows_text``."""
    parts = []
    for subject, rows in groups:
        if type(rows) is Shaped:
            parts.append((fills.get(rows.shape) or fill(rows.shape))(rows.subject, *rows.values))
        else:
            parts.append(rows_text(subject, rows))  # type: ignore[arg-type]
    return parts


class NTriples:
    """One line a triple (canonical N-Triples: plain xsd:string literals, \\u escapes for controls)."""

    def __init__(self, out: BinaryIO | None = None):
        self.out = out  # None for a writer only asked for texts
        self.terms: dict[object, str] = {}  # IRIs by their text, objects by their tuple
        self.fills: dict[Shape, Fill] = {}

    #: An IRI's text (not remembered).
    _iri = staticmethod(iriref)

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

    def write(self, groups: list[tuple[str, list[Row] | Shaped]]) -> None:
        if self.out is None:
            raise TypeError("a writer made without a file gives texts, it writes none")
        self.out.write("".join(self.texts(groups)).encode("utf-8"))

    def texts(self, groups: list[tuple[str, list[Row] | Shaped]]) -> list[str]:
        """Each subject's text, as :meth:`write` writes it."""
        return _texts(groups, self.fills, self._fill, self._rows)

    def _rows(self, subject: str, rows: list[Row]) -> str:
        terms, iri, term = self.terms, self.iri, self.term
        s = terms.get(subject) or iri(subject)
        return "".join([f"{s} {terms.get(p) or iri(p)} {terms.get(o) or term(o)} .\n" for _, p, o in rows])

    def _names(self) -> dict[str, object]:
        """What the fills' code names: an IRI's text (``subject``: not remembered, as the IRIs of a subject
        and of an IRIS field, an evidence's say, mostly come once or twice), remembered IRIs (``known`` and
        ``iri``), the literal escapes."""
        return {
            "subject": self._iri,
            "known": self.terms.get,
            "iri": self.iri,
            "unsafe": _LITERAL_UNSAFE.search,
            "escaped": _escaped,
        }

    def _fill(self, shape: Shape) -> Fill:
        """A shape's lines: the subject, each predicate and each object or field (a line for each of the
        IRIs of an IRIS field, the subject and predicate repeated)."""
        pieces: list[Piece] = []
        names = self._names() | {"_end": " .\n"}
        n = 0
        for p, o in shape.slots:
            verb = self.iri(p)
            pieces += [SUBJECT, " " + verb + " "]
            if not isinstance(o, str):
                pieces.append(self.term(o) + " .\n")
                continue
            if o == IRIS:  # the objects joined by the end of a line and the start of the next
                names[f"_verb{n}"] = " " + verb + " "
                pieces.append(Field(n, f"(_end + s + _verb{n}).join([known(x) or subject(x) for x in VALUE])"))
            elif o == IRI:
                pieces.append(Field(n, _IRI_CODE))
            else:
                datatype = "" if o == TEXT else "^^" + self.iri(DATE_TYPE if o == DATE else INTEGER)
                pieces += ['"', Field(n, "VALUE" if o == NUMBER else _TEXT_CODE), '"' + datatype]
            pieces.append(" .\n")
            n += 1
        fill = self.fills[shape] = compile_fill(pieces, n, names)
        return fill

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
        cut = (value.rfind("/") if "#" not in value else max(value.rfind("/"), value.rfind("#"))) + 1
        prefix = self.spaces.get(value[:cut])
        if prefix is not None and _LOCAL.fullmatch(value, cut):
            return f"{prefix}:{value[cut:]}"
        return f"<{value}>" if not _IRI_UNSAFE.search(value) else iriref(value)

    def _verb(self, p: str) -> str:
        text = self.verbs[p] = self.iri(p)
        return text

    def _literal(self, o: Object) -> str:
        if o[1] == INTEGER and not o[2]:
            return str(o[3])
        return super()._literal(o)

    def _rows(self, subject: str, rows: list[Row]) -> str:
        terms, iri, term, verbs = self.terms, self.iri, self.term, self.verbs
        parts = []
        last = None
        for _, p, o in rows:
            if p == last:
                parts.append(f" ,\n        {terms.get(o) or term(o)}")
            else:
                parts.append(f" ;\n    {verbs.get(p) or self._verb(p)} {terms.get(o) or term(o)}")
                last = p
        if parts:  # the first predicate follows the subject after a space
            parts[0] = parts[0][7:]  # less " ;\n    "
        return f"\n{terms.get(subject) or iri(subject)} {''.join(parts)} .\n"

    def _fill(self, shape: Shape) -> Fill:
        """A shape's subject, its predicates joined by ``;`` and an IRIS field's objects by ``,``."""
        pieces: list[Piece] = ["\n", SUBJECT]
        n = 0
        for p, o in shape.slots:
            pieces.append((" ;\n    " if len(pieces) > 2 else " ") + (self.verbs.get(p) or self._verb(p)) + " ")
            if not isinstance(o, str):
                pieces.append(self.term(o))
                continue
            if o == IRIS:
                pieces.append(Field(n, "_objects.join([known(x) or subject(x) for x in VALUE])"))
            elif o == IRI:
                pieces.append(Field(n, _IRI_CODE))
            elif o == NUMBER:  # a bare integer
                pieces.append(Field(n, "VALUE"))
            else:
                datatype = "" if o == TEXT else "^^" + self.iri(DATE_TYPE)
                pieces += ['"', Field(n, _TEXT_CODE), '"' + datatype]
            n += 1
        pieces.append(" .\n")
        fill = self.fills[shape] = compile_fill(pieces, n, self._names() | {"_objects": " ,\n        "})
        return fill


class JsonLd:
    """Expanded JSON-LD: a list of node objects, one per subject in the order given; in each, ``@id``,
    ``@type`` and the predicate IRIs in sorted order, each property's values sorted by their compact JSON
    text; IRIs as ``{"@id"}``, literals as ``{"@value"}`` with ``@language`` or ``@type``, ``xsd:integer``
    values as JSON numbers. The text is put together here rather than by ``json.dumps(indent=...)``, whose
    pure-Python encoder is several times slower."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.sep = "[\n"
        self.fills: dict[Shape, Fill] = {}
        self.known: dict[Object, tuple[str, str]] = {}  # objects' texts (see node_text)

    def write(self, groups: list[tuple[str, list[Row] | Shaped]]) -> None:
        parts = _texts(groups, self.fills, self._fill, self._rows)
        if parts:
            self.out.write((self.sep + ",\n".join(parts)).encode("utf-8"))
            self.sep = ",\n"

    def _rows(self, subject: str, rows: list[Row]) -> str:
        return node_text(subject, rows, self.known)

    def _fill(self, shape: Shape) -> Fill:
        """The node text of a subject whose fields are markers, the markers then made fields (a shape's
        predicates are distinct, so the order of its properties does not depend on the values)."""
        count = len(shape.fields) + 1
        marks = [f"kgraph-field-{i}" for i in range(count)]
        numbers = [9_000_000_000_000_000 + i for i in range(count)]
        values = tuple(
            numbers[i] if kind == NUMBER else (marks[i],) if kind == IRIS else marks[i]
            for i, kind in enumerate(shape.fields, 1)
        )
        text = _braces(node_text(marks[0], Shaped(shape, marks[0], values).rows()))
        for i, kind in enumerate(shape.fields, 1):
            if kind == IRIS:  # the whole list's items, one marker standing for them
                item = _indented(_json_value((0, marks[i])))
                text = text.replace(_braces(item), f"{{{i}}}")
        text = text.replace(encode_basestring(marks[0]), "{0}")
        for i in range(1, count):
            text = text.replace(encode_basestring(marks[i]), f"{{{i}}}").replace(str(numbers[i]), f"{{{i}}}")
        pieces: list[Piece] = []
        for literal, name, _, _ in Formatter().parse(text):
            pieces.append(literal)
            if name is not None:
                i = int(name)
                kind = shape.fields[i - 1] if i else ""
                code = "int(VALUE)" if kind == NUMBER else "_items(VALUE)" if kind == IRIS else "text(VALUE)"
                pieces.append(SUBJECT if i == 0 else Field(i - 1, code))
        names = {"subject": encode_basestring, "text": encode_basestring, "_items": _json_items}
        fill = self.fills[shape] = compile_fill(pieces, count - 1, names)
        return fill

    def close(self) -> None:
        self.out.write(b"[]\n" if self.sep == "[\n" else b"\n]\n")


#: A value as (its compact JSON, which orders a property's values; its members as "key": value pairs, or
#: None for a bare string such as an ``@type`` IRI).
Value = tuple[str, "list[tuple[str, str]] | None"]


def node_text(subject: str, rows: list[Row], known: dict[Object, tuple[str, str]] | None = None) -> str:
    """A subject's node object, as the text it has in the document's list (indented one level); ``known``
    remembers the text of the objects that repeat (short ones) between calls."""
    if known is None:
        known = {}
    props: dict[str, list[tuple[str, str]]] = {}
    for _, p, o in rows:
        if p == TYPE and o[0] == 0:  # a class: an @type, a bare string
            text = encode_basestring(o[1])
            props.setdefault("@type", []).append((text, "   " + text))
            continue
        item = known.get(o)
        if item is None:
            value = _json_value(o)
            item = (value[0], _indented(value))
            if o[0] == 0 or len(o[4]) <= SHORT:
                if len(known) > CACHE:
                    known.clear()
                known[o] = item
        props.setdefault(p, []).append(item)
    members = [f'  "@id": {encode_basestring(subject)}']
    for key in sorted(props):
        items = ",\n".join([text for _, text in sorted(props[key])])
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


def _json_items(values: Sequence[str]) -> str:
    """IRIs as the items of a property's list, sorted as :func:`node_text` sorts them: by their compact JSON."""
    return ",\n".join([_indented(v) for v in sorted([_json_value((0, x)) for x in values])])


def _indented(value: Value) -> str:
    text, pairs = value
    if pairs is None:
        return "   " + text
    return "   {\n" + ",\n".join(f'    "{k}": {v}' for k, v in pairs) + "\n   }"


def write_all(groups: Iterable[tuple[str, list[Row] | Shaped]], writers: list[Writer]) -> int:
    """Feed each subject's rows to every writer, in one pass, a batch of subjects at a time; returns the number
    of triples."""
    n = 0
    for batch in batches(groups):
        for w in writers:
            w.write(batch)
        n += sum([len(rows) for _, rows in batch])
    for w in writers:
        w.close()
    return n


def batches(groups: Iterable[tuple[str, list[Row] | Shaped]]) -> Iterator[list[tuple[str, list[Row] | Shaped]]]:
    """The subjects in lists of :data:`BATCH`, as writers take them."""
    found = iter(groups)
    while batch := list(islice(found, BATCH)):
        yield batch
