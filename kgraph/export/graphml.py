"""The graph as GraphML for Gephi and Cytoscape: lists joined with " | ", evidence as text.

XML 1.0 cannot hold some characters at all (control characters other than tab and newlines, U+FFFE,
U+FFFF, lone surrogates), not even escaped; article text may contain them, so every string is cleaned
on its way out and the file is always well-formed.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kgraph.evidence import EvidenceBook, EvidenceList

#: Characters XML 1.0 forbids; each is written as U+FFFD, the replacement character.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
TYPES = {int: "long", float: "double", str: "string"}


def to_graphml(g: nx.MultiDiGraph) -> str:
    """The graph as GraphML text (see :func:`write_graphml`)."""
    buf = io.BytesIO()
    write_graphml(g, buf)
    return buf.getvalue().decode("utf-8")


def write_graphml(g: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write the graph as GraphML, a node or an edge at a time: the layout networkx writes (``<key>``
    declarations, then nodes and edges sorted, attributes sorted), without a document tree in memory.

    The declarations come first but are known only once every element has been seen, so the elements go to a
    temporary file as they are made, each new attribute declared as it is met, and follow the declarations."""
    nodes = sorted(g.nodes)
    keys: dict[tuple[str, str, str], str] = {}
    texts = _Texts(keys)
    ids = texts.ids
    attributes = g.nodes
    with tempfile.TemporaryFile(prefix="kgraph-graphml-") as body:
        for n in nodes:
            data = texts.data("node", attributes[n])
            body.write(f"    <node id={ids(n)}>\n{data}    </node>\n".encode())
        for s, o, k, attrs in _edges(g, nodes):
            data = texts.data("edge", attrs)
            body.write(f"    <edge source={ids(s)} target={ids(o)} id={ids(k)}>\n{data}    </edge>\n".encode())
        lines = [HEAD]
        for (kind, name, typ), key in reversed(keys.items()):
            lines.append(f'  <key id="{key}" for="{kind}" attr.name={quoteattr(xml_text(name))} attr.type="{typ}" />\n')
        lines.append('  <graph edgedefault="directed">\n')
        out.write("".join(lines).encode("utf-8"))
        body.seek(0)
        shutil.copyfileobj(body, out, COPY)
    out.write(b"  </graph>\n</graphml>\n")


#: Bytes copied at a time from the temporary file of elements.
COPY = 1 << 20


class _Texts:
    """The ``<data>`` elements of nodes and edges, and their ids as attributes. What repeats is made once:
    short values (types, titles, dates, counts, empty lists), ids, and the article ids and sentences of
    evidence, which one article's edges quote again and again. Escaping for XML works a character at a time,
    so evidence escaped a piece at a time reads as the whole escaped at once."""

    #: Texts remembered before the memory is cleared (they repeat within an article's edges and a node's).
    CACHE = 1 << 14
    SHORT = 64

    def __init__(self, keys: dict[tuple[str, str, str], str]):
        self.keys = keys
        self.short: dict[tuple[str, str, object], str] = {}
        self.names: dict[str, str] = {}
        self.book: EvidenceBook | None = None
        self.articles: dict[int, str] = {}
        self.sentences: dict[int, str] = {}

    def ids(self, name: str) -> str:
        text = self.names.get(name)
        if text is None:
            if len(self.names) > self.CACHE:
                self.names.clear()
            text = self.names[name] = quoteattr(xml_text(name))
        return text

    def data(self, kind: str, attrs: dict) -> str:
        short = self.short
        parts = []
        for name, value in sorted(attrs.items()):
            cls = type(value)
            if (cls is str and len(value) <= self.SHORT) or cls is int or (cls is list and not value):
                seen = (kind, name, value if value or cls is not list else "")  # [] is written as "" is
                text = short.get(seen)
                if text is None:
                    if len(short) > self.CACHE:
                        short.clear()
                    text = short[seen] = self._element(kind, name, value)
                parts.append(text)
            elif cls is EvidenceList and value:
                key = self.key(kind, name, "string")
                parts.append(f'      <data key="{key}">{self._evidence(value)}</data>\n')
            else:
                parts.append(self._element(kind, name, value))
        return "".join(parts)

    def key(self, kind: str, name: str, typ: str) -> str:
        """The id of the ``<key>`` of this attribute, numbered when first met: elements are made in the order
        they are written and their attributes in sorted order, so the ids are numbered in that order."""
        found = (kind, name, typ)
        key = self.keys.get(found)
        if key is None:
            key = self.keys[found] = f"d{len(self.keys)}"
        return key

    def _element(self, kind: str, name: str, value: object) -> str:
        flat = _flat(value)
        key = self.key(kind, name, TYPES[type(flat)])
        text = escape(str(flat))
        return f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n'

    def _evidence(self, evidence: EvidenceList) -> str:
        """``escape(xml_text(_evidence_json(evidence)))``, each article id and sentence escaped once."""
        if evidence.book is not self.book:
            self.book, self.articles, self.sentences = evidence.book, {}, {}
        return _evidence_json(evidence, self._article, self._sentence)

    def _article(self, number: int) -> str:
        text = self.articles.get(number)
        if text is None:
            assert self.book is not None
            text = self.articles[number] = escape(xml_text(encode_basestring(self.book.article_ids[number])))
        return text

    def _sentence(self, number: int) -> str:
        text = self.sentences.get(number)
        if text is None:
            assert self.book is not None
            if len(self.sentences) > self.CACHE:
                self.sentences.clear()
            text = self.sentences[number] = escape(xml_text(encode_basestring(self.book.text(number))))
        return text


def _edges(g: nx.MultiDiGraph, nodes: list[str]) -> Iterator[tuple[str, str, str, dict]]:
    """Every edge with its attributes, sorted by source, target and key (networkx's order), without a list of
    them all: a large graph has millions."""
    succ = g.succ
    for s in nodes:
        targets = succ[s]
        for o in sorted(targets):
            edges = targets[o]
            for k in sorted(edges):
                yield s, o, k, edges[k]


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return NOT_XML.sub(REPLACEMENT, text)


def _flat(value: object) -> str | int | float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, EvidenceList):
        return xml_text(_evidence_json(value)) if value else ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return xml_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
        return xml_text(" | ".join(map(str, value)))
    return "" if value is None else xml_text(str(value))


def _evidence_json(
    evidence: EvidenceList,
    article: Callable[[int], str] | None = None,
    sentence: Callable[[int], str] | None = None,
) -> str:
    """Evidence as ``json.dumps(list(evidence), ensure_ascii=False, sort_keys=True)`` writes it, without the
    dicts: the mention evidence of a large graph is millions of records. ``article`` and ``sentence`` give the
    JSON text of an article or sentence by its number in the evidence book (GraphML's escape it for XML too,
    and remember it)."""
    book = evidence.book
    article = article or (lambda a: encode_basestring(book.article_ids[a]))
    sentence = sentence or (lambda n: encode_basestring(book.text(n)))
    data = evidence.data
    return (
        "["
        + ", ".join(
            f'{{"article": {article(data[i])}, "end": {data[i + 2]}, '
            f'"sentence": {sentence(data[i + 3])}, "start": {data[i + 1]}}}'
            for i in range(0, len(data), 4)
        )
        + "]"
    )
