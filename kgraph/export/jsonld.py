"""JSON-LD written from sorted triples, a node at a time, without rdflib.

The layout is the one kgraph has always published (rdflib's expanded JSON-LD,
made stable), byte for byte what ``json.dumps(nodes, indent=1, sort_keys=True,
ensure_ascii=False)`` gives: a list of node objects sorted by ``@id``; in each,
``@id``, ``@type`` and the predicate IRIs in sorted order; each property's values
sorted by their compact JSON text; IRIs as ``{"@id"}``, literals as ``{"@value"}``
with ``@language`` or ``@type``, ``xsd:integer`` values as JSON numbers. The
text is put together here rather than by ``json.dumps(indent=...)``, whose
pure-Python encoder took most of the export time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from json.encoder import encode_basestring  # JSON string literal, non-ASCII kept (ensure_ascii=False)
from typing import BinaryIO

import pyoxigraph as ox

from kgraph.namespaces import prefixes

TYPE = prefixes()["rdf"] + "type"
STRING, INTEGER = prefixes()["xsd"] + "string", prefixes()["xsd"] + "integer"

#: A value as (its compact JSON, which orders a property's values; its members as "key": value pairs,
#: or None for a bare string such as an ``@type`` IRI).
Value = tuple[str, "list[tuple[str, str]] | None"]


def write_jsonld(triples: Iterable[ox.Triple], out: BinaryIO) -> None:
    """Write ``triples``, which must be sorted by subject, as JSON-LD (UTF-8) to ``out``."""
    sep = "[\n"
    for node in _nodes(triples):
        out.write((sep + node).encode("utf-8"))
        sep = ",\n"
    out.write(b"[]\n" if sep == "[\n" else b"\n]\n")


def _nodes(triples: Iterable[ox.Triple]) -> Iterator[str]:
    """Each subject's node object, as the text it has in the document's list (indented one level)."""
    for subject, group in groupby(triples, key=lambda t: t.subject):
        props: dict[str, list[Value]] = {}
        for t in group:
            predicate, o = t.predicate.value, t.object
            if predicate == TYPE and isinstance(o, ox.NamedNode):
                text = encode_basestring(o.value)
                props.setdefault("@type", []).append((text, None))
            else:
                assert not isinstance(o, ox.Triple)  # kgraph writes no RDF-star
                props.setdefault(predicate, []).append(_value(o))
        members = [f'  "@id": {encode_basestring(subject.value)}']
        for key in sorted(props):
            items = ",\n".join(_indented(v) for v in sorted(props[key]))
            members.append(f"  {encode_basestring(key)}: [\n{items}\n  ]")
        yield " {\n" + ",\n".join(members) + "\n }"


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> Value:
    if isinstance(term, ox.NamedNode):
        pairs = [("@id", encode_basestring(term.value))]
    elif isinstance(term, ox.BlankNode):
        pairs = [("@id", encode_basestring(f"_:{term.value}"))]
    elif term.language:
        pairs = [("@language", encode_basestring(term.language)), ("@value", encode_basestring(term.value))]
    elif term.datatype.value == STRING:
        pairs = [("@value", encode_basestring(term.value))]
    else:
        datatype = term.datatype.value
        value = repr(int(term.value)) if datatype == INTEGER else encode_basestring(term.value)
        pairs = [("@type", encode_basestring(datatype)), ("@value", value)]
    return "{" + ", ".join(f'"{k}": {v}' for k, v in pairs) + "}", pairs


def _indented(value: Value) -> str:
    text, pairs = value
    if pairs is None:
        return "   " + text
    return "   {\n" + ",\n".join(f'    "{k}": {v}' for k, v in pairs) + "\n   }"
