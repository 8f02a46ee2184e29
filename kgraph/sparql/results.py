"""Query results as an aligned table, CSV, TSV, SPARQL JSON or SPARQL XML."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from xml.sax.saxutils import escape

from kgraph.sparql.engines import Result, Term

FORMATS = ("table", "csv", "tsv", "json", "xml")
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


def render(result: Result, fmt: str = "table") -> str:
    if fmt == "csv":
        return _delimited(result, ",")
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "json":
        return to_json(result)
    if fmt == "xml":
        return to_xml(result)
    return to_table(result)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_table(result: Result) -> str:
    if result.boolean is not None:
        return "yes\n" if result.boolean else "no\n"
    cells = [[str(t) if t is not None else "" for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    widths = [min(w, 80) for w in widths]

    def line(values: list[str]) -> str:
        parts = []
        for v, w in zip(values, widths):
            v = v if _width(v) <= w else v[: w - 1] + "…"
            parts.append(v + " " * max(0, w - _width(v)))
        return "  ".join(parts).rstrip()

    out = [line(result.variables), line(["-" * w for w in widths])] + [line(r) for r in cells]
    tail = f"({len(cells)} row{'s' if len(cells) != 1 else ''}{', truncated' if result.truncated else ''})"
    return "\n".join(out + [tail]) + "\n"


def _delimited(result: Result, sep: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([t.value if t is not None else "" for t in row])
    return buf.getvalue()


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    value = '"' + t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if t.lang:
        return f"{value}@{t.lang}"
    if t.datatype:
        return f"{value}^^<{t.datatype}>"
    return value


def _tsv(result: Result) -> str:
    if result.boolean is not None:
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(t: Term) -> dict[str, str]:
    if t.kind == "literal":
        out = {"type": "literal", "value": t.value}
        if t.lang:
            out["xml:lang"] = t.lang
        elif t.datatype:
            out["datatype"] = t.datatype
        return out
    return {"type": t.kind, "value": t.value}


def to_json(result: Result) -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return (
        json.dumps(
            {"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
        )
        + "\n"
    )


def to_xml(result: Result) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.boolean is not None:
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f'<variable name="{escape(v)}"/>' for v in result.variables]
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        for v, t in zip(result.variables, row):
            if t is None:
                continue
            if t.kind == "uri":
                inner = f"<uri>{escape(t.value)}</uri>"
            elif t.kind == "bnode":
                inner = f"<bnode>{escape(t.value)}</bnode>"
            elif t.lang:
                inner = f'<literal xml:lang="{escape(t.lang)}">{escape(t.value)}</literal>'
            elif t.datatype:
                inner = f'<literal datatype="{escape(t.datatype)}">{escape(t.value)}</literal>'
            else:
                inner = f"<literal>{escape(t.value)}</literal>"
            out.append(f'<binding name="{escape(v)}">{inner}</binding>')
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"
