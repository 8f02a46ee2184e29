import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kgraph.export.jsonld import write_jsonld
from kgraph.export.rdf import triples
from kgraph.pipeline import build

XSD = "http://www.w3.org/2001/XMLSchema#"


def jsonld(ts: list[ox.Triple]) -> str:
    out = io.BytesIO()
    write_jsonld(ts, out)
    return out.getvalue().decode("utf-8")


def rdflib_stable(ts: list[ox.Triple]) -> str:
    """What kgraph wrote before its own writer: rdflib's JSON-LD, nodes and values sorted for stable bytes."""
    g = Graph().parse(data=ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    nodes = json.loads(g.serialize(format="json-ld"))

    def key(v: object) -> str:
        return json.dumps(v, sort_keys=True, ensure_ascii=False)

    for node in nodes:
        for prop, values in node.items():
            if isinstance(values, list):
                node[prop] = sorted(values, key=key)
    nodes = sorted(nodes, key=lambda n: n.get("@id", ""))
    return json.dumps(nodes, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def awkward() -> list[ox.Triple]:
    """Every kind of term kgraph writes, with text that JSON must escape, sorted as the export sorts."""
    a, b = ox.NamedNode("https://w3id.org/kgraph/id/a"), ox.NamedNode("https://w3id.org/kgraph/id/b")
    p, q = ox.NamedNode("http://schema.org/p"), ox.NamedNode("http://schema.org/q")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    ts = [
        ox.Triple(a, rdf_type, ox.NamedNode("http://schema.org/Z")),
        ox.Triple(a, rdf_type, ox.NamedNode("http://schema.org/A")),
        ox.Triple(a, p, ox.Literal('quote " backslash \\ tab \t newline \n bell \x07')),
        ox.Triple(a, p, ox.Literal("中共泉州市委", language="zh")),
        ox.Triple(a, p, ox.Literal("Quanzhou", language="en")),
        ox.Triple(a, p, ox.Literal("12", datatype=ox.NamedNode(XSD + "integer"))),
        ox.Triple(a, p, ox.Literal("9", datatype=ox.NamedNode(XSD + "integer"))),
        ox.Triple(a, p, ox.Literal("2023-04-07", datatype=ox.NamedNode(XSD + "date"))),
        ox.Triple(a, p, b),
        ox.Triple(a, q, ox.Literal("")),
        ox.Triple(b, q, a),
    ]
    return sorted(ts, key=lambda t: t.subject.value)


@pytest.fixture(scope="module")
def seeds(root) -> list[ox.Triple]:
    return triples(build([root / "seeds"]).graph)


def test_same_triples_as_the_turtle(seeds):
    text = jsonld(seeds)
    back = set(Graph().parse(data=text, format="json-ld"))
    turtle = set(Graph().parse(data=ox.serialize(seeds, format=ox.RdfFormat.TURTLE).decode(), format="turtle"))
    assert back == turtle and len(back) == len(seeds)


def test_same_bytes_as_rdflib_made_stable(seeds):
    assert jsonld(seeds) == rdflib_stable(seeds)
    assert jsonld(awkward()) == rdflib_stable(awkward())


def test_layout(seeds):
    text = jsonld(awkward())
    doc = json.loads(text)
    assert text == json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert [n["@id"] for n in doc] == ["https://w3id.org/kgraph/id/a", "https://w3id.org/kgraph/id/b"]
    a = doc[0]
    assert a["@type"] == ["http://schema.org/A", "http://schema.org/Z"]
    assert {"@type": XSD + "integer", "@value": 9} in a["http://schema.org/p"]
    assert {"@language": "zh", "@value": "中共泉州市委"} in a["http://schema.org/p"]
    assert "中共泉州市委" in text  # not \u-escaped
    ids = [n["@id"] for n in json.loads(jsonld(seeds))]
    assert ids == sorted(ids) and len(ids) == len({t.subject.value for t in seeds})


def test_empty_graph():
    assert jsonld([]) == "[]\n" == json.dumps([], indent=1) + "\n"
    assert set(Graph().parse(data=jsonld([]), format="json-ld")) == set()
