"""N-Triples, Turtle and JSON-LD written straight from sorted rows, a subject at a time.

A row is ``(subject IRI, predicate IRI, object)``, the object ``(0, IRI)`` or ``(1, datatype, language,
value, lexical form)`` (see :mod:`kgraph.export.rdf`). Writing text from these plain tuples costs a couple
of microseconds a triple, where making library terms first cost several; subjects of a common :class:`Shape`
come as their fields and are written by filling a template each writer makes once, which costs less again.
The files parse back to the same triples (tests check it with rdflib and Oxigraph). All writers take the
subjects once, in one pass, so a build generates its triples once whatever the number of formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any, BinaryIO, Protocol

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
    template once and fill it for each subject, which costs a fraction of writing the same rows one by one."""

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
    def subject(self, subject: str, rows: list[Row]) -> None: ...

    def shaped(self, item: Shaped) -> None: ...

    def close(self) -> None: ...


#: Terms remembered as text (IRIs and short literals repeat: classes, predicates, regions, dates).
CACHE = 1 << 16
#: Literals longer than this (sentences, headlines) are written without being remembered: they rarely repeat.
SHORT = 64


#: A shape as a writer fills it: the text's ``format`` and a function rendering each field.
Renderer = Callable[[str, object], str]
Template = tuple[Callable[..., str], tuple[Renderer, ...]]


class NTriples:
    """One line a triple (canonical N-Triples: plain xsd:string literals, \\u escapes for controls)."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.terms: dict[object, str] = {}  # IRIs by their text, objects by their tuple
        self.templates: dict[Shape, Template] = {}

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

    def shaped(self, item: Shaped) -> None:
        fill, render = self.templates.get(item.shape) or self._template(item.shape)
        s = self._iri(item.subject)
        self.out.write(fill(s, *[r(s, v) for r, v in zip(render, item.values)]).encode("utf-8"))

    def _template(self, shape: Shape) -> Template:
        """A shape's text with ``{0}`` for the subject and ``{1}``... for its fields, and how to render each
        (from the subject's text and the field's value)."""
        text, render, n = [], [], 0
        for p, o in shape.slots:
            verb = self.iri(p)
            if not isinstance(o, str):
                text.append("{0} " + _braces(verb) + " " + _braces(self.term(o)) + " .\n")
                continue
            n += 1
            text.append(f"{{0}} {_braces(verb)} {{{n}}} .\n")
            # IRIS: a line for each, the subject and predicate repeated
            render.append(self._lines(" " + verb + " ") if o == IRIS else self._renderer(o))
        template = self.templates[shape] = ("".join(text).format, tuple(render))
        return template

    def _lines(self, verb: str) -> Renderer:
        iri = self.iri

        def lines(s: str, values: Sequence[str]) -> str:
            return (" .\n" + s + verb).join([iri(v) for v in values])

        return lines  # type: ignore[return-value]

    def _renderer(self, kind: str) -> Renderer:
        if kind == IRI:
            return lambda s, v: self.iri(v)  # type: ignore[arg-type]
        if kind == TEXT:
            return lambda s, v: quoted(v)  # type: ignore[arg-type]
        datatype = "^^" + self.iri(DATE_TYPE if kind == DATE else INTEGER)
        return lambda s, v: quoted(str(v)) + datatype

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

    def _template(self, shape: Shape) -> Template:
        text, render, n = [], [], 0
        for p, o in shape.slots:
            verb = _braces(self.verbs.get(p) or self._verb(p))
            if not isinstance(o, str):
                text.append(verb + " " + _braces(self.term(o)))
                continue
            n += 1
            text.append(f"{verb} {{{n}}}")
            render.append(self._objects() if o == IRIS else self._renderer(o))
        template = self.templates[shape] = (("\n{0} " + " ;\n    ".join(text) + " .\n").format, tuple(render))
        return template

    def _objects(self) -> Renderer:
        iri = self.iri
        return lambda s, values: " ,\n        ".join([iri(v) for v in values])  # type: ignore[attr-defined]

    def _renderer(self, kind: str) -> Renderer:
        return (lambda s, v: str(v)) if kind == NUMBER else super()._renderer(kind)


class JsonLd:
    """Expanded JSON-LD: a list of node objects, one per subject in the order given; in each, ``@id``,
    ``@type`` and the predicate IRIs in sorted order, each property's values sorted by their compact JSON
    text; IRIs as ``{"@id"}``, literals as ``{"@value"}`` with ``@language`` or ``@type``, ``xsd:integer``
    values as JSON numbers. The text is put together here rather than by ``json.dumps(indent=...)``, whose
    pure-Python encoder is several times slower."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.sep = "[\n"
        self.templates: dict[Shape, Template] = {}
        self.known: dict[Object, tuple[str, str]] = {}  # objects' texts (see node_text)

    def subject(self, subject: str, rows: list[Row]) -> None:
        self.out.write((self.sep + node_text(subject, rows, self.known)).encode("utf-8"))
        self.sep = ",\n"

    def shaped(self, item: Shaped) -> None:
        fill, render = self.templates.get(item.shape) or self._template(item.shape)
        text = fill(encode_basestring(item.subject), *[r("", v) for r, v in zip(render, item.values)])
        self.out.write((self.sep + text).encode("utf-8"))
        self.sep = ",\n"

    def _template(self, shape: Shape) -> Template:
        """The node text of a subject whose fields are markers, the markers then made placeholders (a shape's
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
        render = tuple(_json_renderer(kind) for kind in shape.fields)
        template = self.templates[shape] = (text.format, render)
        return template

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


def _json_renderer(kind: str) -> Renderer:
    if kind == NUMBER:
        return lambda s, v: str(int(v))  # type: ignore[call-overload]
    if kind == IRIS:  # sorted as node_text sorts a property's values: by their compact JSON
        return lambda s, values: ",\n".join(
            _indented(v)
            for v in sorted(_json_value((0, x)) for x in values)  # type: ignore[attr-defined]
        )
    return lambda s, v: encode_basestring(v)  # type: ignore[arg-type]


def _indented(value: Value) -> str:
    text, pairs = value
    if pairs is None:
        return "   " + text
    return "   {\n" + ",\n".join(f'    "{k}": {v}' for k, v in pairs) + "\n   }"


def write_all(groups: Iterable[tuple[str, list[Row] | Shaped]], writers: list[Writer]) -> int:
    """Feed each subject's rows to every writer, in one pass; returns the number of triples."""
    n = 0
    for subject, rows in groups:
        n += len(rows)
        if type(rows) is Shaped:
            for w in writers:
                w.shaped(rows)
        else:
            for w in writers:
                w.subject(subject, rows)  # type: ignore[arg-type]
    for w in writers:
        w.close()
    return n
