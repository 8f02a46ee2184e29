import csv
import io
import json
import xml.etree.ElementTree as ET

from kgraph.sparql.engines import Result, Term
from kgraph.sparql.results import render

RESULT = Result(
    ["who", "what"],
    [
        [Term("uri", "https://w3id.org/kgraph/id/person/cai-qi"), Term("literal", "蔡奇", lang="zh")],
        [Term("uri", "https://w3id.org/kgraph/id/person/xi-jinping"), None],
        [Term("bnode", "b0"), Term("literal", "3", datatype="http://www.w3.org/2001/XMLSchema#integer")],
    ],
)


def display_column(line: str, text: str) -> int:
    import unicodedata

    prefix = line[: line.index(text)]
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in prefix)


def test_table_aligns_wide_characters():
    result = Result(
        ["name", "kind"],
        [[Term("literal", "蔡奇"), Term("literal", "Official")], [Term("literal", "Xi"), Term("literal", "Body")]],
    )
    lines = render(result, "table").splitlines()
    assert lines[-1] == "(2 rows)"
    assert display_column(lines[0], "kind") == display_column(lines[2], "Official") == display_column(lines[3], "Body")
    assert render(RESULT, "table").splitlines()[-1] == "(3 rows)"


def test_sparql_json():
    doc = json.loads(render(RESULT, "json"))
    assert doc["head"]["vars"] == ["who", "what"]
    assert doc["results"]["bindings"][0]["what"] == {"type": "literal", "value": "蔡奇", "xml:lang": "zh"}
    assert "what" not in doc["results"]["bindings"][1]


def test_sparql_xml_csv_tsv():
    root = ET.fromstring(render(RESULT, "xml"))
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["who", "what"]
    assert len(root.findall("s:results/s:result", ns)) == 3
    assert list(csv.reader(io.StringIO(render(RESULT, "csv"))))[1] == [
        "https://w3id.org/kgraph/id/person/cai-qi",
        "蔡奇",
    ]
    tsv = render(RESULT, "tsv").splitlines()
    assert tsv[0] == "?who\t?what" and tsv[1].endswith('"蔡奇"@zh') and tsv[3].startswith("_:b0")


def test_ask_results():
    assert render(Result([], boolean=True), "json").strip() == '{"head": {}, "boolean": true}'
    assert render(Result([], boolean=False), "table") == "no\n"
