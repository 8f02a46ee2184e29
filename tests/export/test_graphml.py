import io
import xml.etree.ElementTree as ET

import networkx as nx

from kgraph.export.graphml import to_graphml, xml_text
from kgraph.pipeline import build


def test_graphml_reads_back_in_networkx(root):
    g = build([root / "seeds" / "004_05ce2b8e58cacf5d.txt"]).graph
    back = nx.read_graphml(io.BytesIO(to_graphml(g).encode("utf-8")))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["body/500000/party_committee"]["label"] == "Chongqing Municipal Party Committee"


def test_graphml_is_well_formed_whatever_the_text_holds():
    # The reproducer: a control character in an article made graph.graphml ill-formed XML.
    g = nx.MultiDiGraph()
    g.add_node("article/a\x01", type="Article", label="Head\x01line\x0b \ufffe end", lang="en", outlets=["X\x1f"])
    g.add_node("person/x", type="Person", label="X", aliases_en=["a\x02", "b"], mentions=1)
    g.add_edge(
        "article/a\x01",
        "person/x",
        key="mentions",
        type="mentions",
        evidence=[{"article": "a\x01", "start": 0, "end": 3, "sentence": "X\x0csaid"}],
    )
    text = to_graphml(g)
    ET.fromstring(text.encode("utf-8"))  # raises on ill-formed XML
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert back.nodes["article/a\ufffd"]["label"] == "Head\ufffdline\ufffd \ufffd end"
    assert back.nodes["article/a\ufffd"]["outlets"] == "X\ufffd"
    assert back.nodes["person/x"]["aliases_en"] == "a\ufffd | b"
    assert xml_text("tab\tline\nreturn\r\u2028\x85\U0001f600") == "tab\tline\nreturn\r\u2028\x85\U0001f600"


def test_packed_evidence_is_written_as_json_dumps_writes_the_dicts() -> None:
    import json

    from kgraph.evidence import EvidenceBook, EvidenceList
    from kgraph.export.graphml import _evidence_json

    items = [
        {"article": 'a"1', "start": 0, "end": 4, "sentence": 'He said "yes"\\n\t<b>&amp; 中文 \u2028 \x01'},
        {"article": "文章", "start": 10**6, "end": 10**6 + 2, "sentence": ""},
    ]
    assert _evidence_json(EvidenceList(EvidenceBook(), items)) == json.dumps(items, ensure_ascii=False, sort_keys=True)


def test_packed_evidence_in_the_file_is_the_escaped_json_of_its_dicts() -> None:
    import json
    from xml.sax.saxutils import escape

    from kgraph.evidence import EvidenceBook, EvidenceList

    book = EvidenceBook()
    items = [
        {"article": "a&1", "start": 0, "end": 4, "sentence": 'He said "yes" <b>&amp; 中文 \x01 \ud800 \ufffe'},
        {"article": "a&1", "start": 9, "end": 12, "sentence": 'He said "yes" <b>&amp; 中文 \x01 \ud800 \ufffe'},
        {"article": "文章", "start": 10**6, "end": 10**6 + 2, "sentence": ""},
    ]
    g = nx.MultiDiGraph()
    g.add_edge("article/a", "person/x", key="mentions", type="mentions", evidence=EvidenceList(book, items))
    g.add_edge("article/b", "person/x", key="mentions", type="mentions", evidence=EvidenceList(book, items[1:]))
    text = to_graphml(g)
    for found in (items, items[1:]):
        assert escape(xml_text(json.dumps(found, ensure_ascii=False, sort_keys=True))) in text
    ET.fromstring(text.encode("utf-8"))


def test_keys_are_declared_in_the_order_elements_and_their_sorted_attributes_first_use_them():
    """Each attribute (name, type) is numbered where it is first met, nodes by key, then edges, each element's
    attributes by name: the numbers networkx gives, declared in reverse as it declares them."""
    g = nx.MultiDiGraph()
    g.add_node("b", weight="heavy", label="B")  # met second: its attributes come after a's
    g.add_node("a", weight=3, type="Person", aliases=[])
    g.add_node("c", weight=2.5, flag=True)
    g.add_edge("a", "b", key="k", type="t", count=1, evidence=[])
    g.add_edge("b", "c", key="k", count="many")
    text = to_graphml(g)
    declared = [line.strip() for line in text.splitlines() if line.strip().startswith("<key ")]
    expected = [
        ("d0", "node", "aliases", "string"),
        ("d1", "node", "type", "string"),
        ("d2", "node", "weight", "long"),
        ("d3", "node", "label", "string"),
        ("d4", "node", "weight", "string"),
        ("d5", "node", "flag", "string"),
        ("d6", "node", "weight", "double"),
        ("d7", "edge", "count", "long"),
        ("d8", "edge", "evidence", "string"),
        ("d9", "edge", "type", "string"),
        ("d10", "edge", "count", "string"),
    ]
    assert declared == [
        f'<key id="{i}" for="{kind}" attr.name="{name}" attr.type="{typ}" />'
        for i, kind, name, typ in reversed(expected)
    ]
    node_a = '<node id="a">\n      <data key="d0" />\n      <data key="d1">Person</data>\n      <data key="d2">3</data>'
    assert node_a in text
    assert text.index("<graph ") > text.index('<key id="d0"') and text.endswith("  </graph>\n</graphml>\n")
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert back.nodes["a"]["weight"] == 3 and back.nodes["b"]["weight"] == "heavy" and back.nodes["c"]["weight"] == 2.5
