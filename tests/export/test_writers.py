"""The streaming writers: N-Triples, Turtle and JSON-LD from rows parse back to exactly the triples given."""

import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kgraph.export import rdf, writers
from kgraph.export.writers import IRI, IRIS, NUMBER, TEXT, JsonLd, NTriples, Shape, Shaped, Turtle, node_text, write_all
from kgraph.pipeline import build

XSD = "http://www.w3.org/2001/XMLSchema#"
A, B = "https://w3id.org/kgraph/id/a", "https://w3id.org/kgraph/id/b%20c"
P, Q = "http://schema.org/p", "http://schema.org/q"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FORMATS = {
    NTriples: ("nt", ox.RdfFormat.N_TRIPLES),
    Turtle: ("turtle", ox.RdfFormat.TURTLE),
    JsonLd: ("json-ld", ox.RdfFormat.JSON_LD),
}


def text(s: str, lang: str = "") -> tuple:
    return (1, XSD + "string", lang, s, s)


def typed(value: object, datatype: str) -> tuple:
    return (1, XSD + datatype, "", value, str(value))


def awkward() -> list[tuple[str, list]]:
    """Every kind of term kgraph writes, with text every syntax must escape, as subject groups."""
    a = [
        (A, TYPE, (0, "http://schema.org/Z")),
        (A, TYPE, (0, "http://schema.org/A")),
        (A, P, text('quote " backslash \\ tab \t newline \n return \r bell \x07 del \x7f')),
        (A, P, text("line\u2028separator and \x85 next line")),
        (A, P, text("中共泉州市委", "zh")),
        (A, P, text("Quanzhou", "en")),
        (A, P, typed(12, "integer")),
        (A, P, typed(9, "integer")),
        (A, P, typed("2023-04-07", "date")),
        (A, P, typed("2023-04", "gYearMonth")),
        (A, P, (0, B)),
        (A, Q, text("")),
        (A, Q, (0, "http://example.org/%E6%96%B0?q=1#x")),
    ]
    return [(A, sorted(a)), (B, [(B, Q, (0, A))])]


def oxigraph_terms(groups) -> set[ox.Triple]:
    def term(o):
        if o[0] == 0:
            return ox.NamedNode(o[1])
        _, datatype, lang, _, lexical = o
        if lang:
            return ox.Literal(lexical, language=lang)
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype))

    return {ox.Triple(ox.NamedNode(s), ox.NamedNode(p), term(o)) for _, rows in groups for s, p, o in rows}


def written(cls, groups) -> bytes:
    out = io.BytesIO()
    write_all(groups, [cls(out)])
    return out.getvalue()


@pytest.mark.parametrize("cls", list(FORMATS))
def test_awkward_terms_read_back_the_same_with_oxigraph_and_rdflib(cls):
    data = written(cls, awkward())
    rdflib_name, ox_format = FORMATS[cls]
    assert {q.triple for q in ox.parse(data, format=ox_format)} == oxigraph_terms(awkward())
    assert len(Graph().parse(data=data.decode("utf-8"), format=rdflib_name)) == 14


@pytest.fixture(scope="module")
def seeds_graph(root):
    return build([root / "seeds"]).graph


@pytest.mark.parametrize("cls", list(FORMATS))
def test_the_seeds_read_back_as_the_graphs_triples(cls, seeds_graph):
    groups = list(rdf.groups(seeds_graph))
    data = written(cls, groups)
    assert {q.triple for q in ox.parse(data, format=FORMATS[cls][1])} == set(rdf.triples(seeds_graph))


def test_a_subjects_rows_come_together_once(seeds_graph):
    subjects = [s for s, _ in rdf.groups(seeds_graph)]
    assert len(subjects) == len(set(subjects))
    for s, found in rdf.groups(seeds_graph):
        rows = list(found)
        assert rows == sorted(set(rows)) and {r[0] for r in rows} == {s} and len(found) == len(rows)


def test_turtle_compacts_prefixed_names_and_keeps_the_rest_whole():
    data = written(Turtle, awkward()).decode()
    assert "@prefix schema: <http://schema.org/> ." in data
    assert "a schema:A ,\n        schema:Z ." in data and "        9 ,\n        12 ," in data
    assert "\n<https://w3id.org/kgraph/id/b%20c> schema:q kgid:a .\n" in data  # no '%' in a plain local name
    assert '"quote \\" backslash \\\\ tab \\t newline \\n return \\r bell \\u0007 del \\u007F"' in data


def test_jsonld_layout_is_json_dumps_indent_1_with_sorted_keys():
    data = written(JsonLd, awkward()).decode()
    doc = json.loads(data)
    assert data == json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert [n["@id"] for n in doc] == [A, B]
    assert doc[0]["@type"] == ["http://schema.org/A", "http://schema.org/Z"]
    assert {"@type": XSD + "integer", "@value": 9} in doc[0][P]
    assert "中共泉州市委" in data  # not \u-escaped


@pytest.mark.parametrize("cls", list(FORMATS))
def test_an_empty_graph_is_a_valid_empty_document(cls):
    data = written(cls, [])
    assert list(ox.parse(data, format=FORMATS[cls][1])) == []
    if cls is JsonLd:
        assert data == b"[]\n"


SHAPE = Shape(
    sorted(
        {
            TYPE: (0, "http://schema.org/Thing"),
            P: TEXT,
            Q: IRIS,
            "http://schema.org/n": NUMBER,
            "http://schema.org/r": IRI,
        }.items()
    )
)


def shaped_groups() -> list[tuple[str, Shaped]]:
    """Subjects of one shape, with text to escape and IRIs Turtle cannot compact."""
    values = [
        (7, 'say "x"\n{0} {1}', (A, B), "http://example.org/%E6?q=1"),
        (0, "中共泉州市委", (B,), A),
    ]
    return [(s, Shaped(SHAPE, s, v)) for s, v in zip((A, B + "/x"), values)]


@pytest.mark.parametrize("cls", list(FORMATS))
def test_a_shaped_subject_is_written_as_its_rows_are(cls):
    shaped = shaped_groups()
    as_rows = [(s, item.rows()) for s, item in shaped]
    assert [len(item) for _, item in shaped] == [len(rows) for _, rows in as_rows] == [6, 5]
    data = written(cls, shaped)
    assert data == written(cls, as_rows)
    assert {q.triple for q in ox.parse(data, format=FORMATS[cls][1])} == oxigraph_terms(as_rows)


def test_a_shaped_subjects_rows_are_sorted():
    for _, item in shaped_groups():
        rows = item.rows()
        assert rows == sorted(set(rows))
    assert node_text(A, shaped_groups()[0][1].rows()).startswith(' {\n  "@id"')


def test_a_shape_needs_its_predicates_sorted_and_distinct():
    with pytest.raises(ValueError, match="sorted"):
        Shape([(Q, IRI), (P, IRI)])
    with pytest.raises(ValueError, match="distinct"):
        Shape([(P, IRI), (P, TEXT)])


@pytest.mark.parametrize("cls", list(FORMATS))
def test_the_text_is_the_same_whatever_the_batches(cls, seeds_graph, monkeypatch):
    groups = list(rdf.groups(seeds_graph))
    whole = written(cls, groups)
    for size in (1, 7):
        monkeypatch.setattr(writers, "BATCH", size)
        assert written(cls, groups) == whole
