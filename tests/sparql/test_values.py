"""VALUES blocks written into a query: one value as Oxigraph's substitution binds, several as one query for all."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kgraph.sparql.engines import QueryError, Term, UsageError
from kgraph.sparql.values import bind_choices, bind_values, query_form, slices

TEXT = """PREFIX x: <urn:x#>
# a comment with { braces }, ?a and ?b, and LIMIT 3
SELECT ?a ?b ?c WHERE {
  ?a x:p ?c . ?c x:s "a string with { and ?a, OFFSET 2" .
  { SELECT ?a (COUNT(?d) AS ?n) WHERE { ?a x:q ?d } GROUP BY ?a }
  { SELECT ?other WHERE { ?other x:q ?b } }
  { SELECT * WHERE { ?a x:r ?b } }
}"""
A1, A2, B1, B2 = (Term("uri", f"urn:{n}") for n in ("a1", "a2", "b1", "b2"))


NESTED = """PREFIX x: <urn:x#>
SELECT ?a ?b ?n WHERE {
  { SELECT ?a ?b (COUNT(?c) AS ?n) WHERE {
      { SELECT * WHERE { ?a x:p ?c . ?c x:r ?b } }
    } GROUP BY ?a ?b }
}"""


def test_every_value_in_the_outer_group_and_the_subqueries_projecting_it():
    bound = bind_choices(TEXT, {"a": [A1, A2], "b": [B1, B2, B1]})
    assert bound.count("VALUES ?a { <urn:a1> <urn:a2> }") == 3  # the outer group, the subquery projecting it, *
    assert bound.count("VALUES ?b { <urn:b1> <urn:b2> }") == 2  # the outer group, SELECT *; each value once
    assert "SELECT ?other WHERE { ?other" in bound  # projects neither: left alone
    assert "# a comment with { braces }, ?a and ?b, and LIMIT 3" in bound
    assert '"a string with { and ?a, OFFSET 2"' in bound
    ox.Store().query(bound)  # a valid query


def test_a_subquery_leaves_its_variables_to_the_subquery_inside_it():
    """Virtuoso 7.2 hangs or crashes on several values both in a grouped subquery and around it."""
    bound = bind_choices(NESTED, {"a": [A1, A2], "b": [B1]})
    outer, grouped, inner = bound.split("SELECT")[1:]
    assert "VALUES ?a { <urn:a1> <urn:a2> } VALUES ?b { <urn:b1> }" in outer
    assert "VALUES" not in grouped
    assert "VALUES ?a { <urn:a1> <urn:a2> } VALUES ?b { <urn:b1> }" in inner
    # one value each goes everywhere it is projected, as it always went to the endpoint
    assert bind_values(NESTED, {"a": A1}).count("VALUES ?a { <urn:a1> }") == 3


def test_several_values_answer_as_each_combination_substituted_in_turn():
    store = ox.Store()
    x = "urn:x#"
    for s, p, o in [("a1", "p", "c1"), ("a2", "p", "c2"), ("a1", "q", "d1"), ("a1", "q", "d2"), ("a2", "q", "d3")]:
        store.add(ox.Quad(ox.NamedNode(f"urn:{s}"), ox.NamedNode(x + p), ox.NamedNode(f"urn:{o}")))
    for s, o in [("a1", "b1"), ("a1", "b2"), ("a2", "b1"), ("a2", "b2"), ("c1", "b1"), ("c1", "b2"), ("c2", "b2")]:
        store.add(ox.Quad(ox.NamedNode(f"urn:{s}"), ox.NamedNode(x + "r"), ox.NamedNode(f"urn:{o}")))
    store.add(ox.Quad(ox.NamedNode("urn:c1"), ox.NamedNode(x + "s"), ox.Literal("a string with { and ?a, OFFSET 2")))
    store.add(ox.Quad(ox.NamedNode("urn:c2"), ox.NamedNode(x + "s"), ox.Literal("a string with { and ?a, OFFSET 2")))
    text = TEXT.replace("?b ?c WHERE", "?b ?c ?n WHERE")

    def solutions(answer) -> set[tuple[str, ...]]:
        return {tuple(str(s[v]) for v in ("a", "b", "c", "n")) for s in answer}

    for query, n in ((text, 4), (NESTED, 3)):
        one_each: set[tuple[str, ...]] = set()
        for a, b in [(A1, B1), (A1, B2), (A2, B1), (A2, B2)]:
            subs = {ox.Variable("a"): ox.NamedNode(a.value), ox.Variable("b"): ox.NamedNode(b.value)}
            one_each |= solutions(store.query(query, substitutions=subs))
        assert len(one_each) == n
        assert solutions(store.query(bind_choices(query, {"a": [A1, A2], "b": [B1, B2]}))) == one_each


def test_terms_are_escaped_and_names_checked():
    nasty = Term("literal", 'x" } DROP ALL { " \\ \n\t 中文', lang="zh")
    year = Term("literal", "2015", datatype="http://www.w3.org/2001/XMLSchema#gYear")
    bound = bind_choices("SELECT ?v ?y WHERE { }", {"v": [nasty], "y": [year, Term("literal", "plain")]})
    assert [[s["v"], s["y"]] for s in ox.Store().query(bound)] == [
        [ox.Literal(nasty.value, language="zh"), ox.Literal("2015", datatype=ox.NamedNode(year.datatype))],
        [ox.Literal(nasty.value, language="zh"), ox.Literal("plain")],
    ]
    with pytest.raises(UsageError, match="not a variable name"):
        bind_choices("SELECT ?v WHERE { }", {"v }": [A1]})
    with pytest.raises(UsageError, match="blank node"):
        bind_choices("SELECT ?v WHERE { }", {"v": [A1, Term("bnode", "b0")]})
    with pytest.raises(QueryError, match="no WHERE group"):
        bind_choices("SELECT ?v WHERE ?v", {"v": [A1]})
    with pytest.raises(ValueError, match="no value"):
        bind_choices("SELECT ?v WHERE { }", {"v": []})
    assert bind_choices(TEXT, {}) == TEXT


def test_one_binding_is_one_block_per_variable_as_the_endpoint_is_sent():
    bound = bind_values(TEXT, {"a": A1, "b": B1})
    assert bound.count("VALUES ?a { <urn:a1> }") == 3 and bound.count("VALUES ?b { <urn:b1> }") == 2
    assert bind_values(TEXT, {}) == TEXT


def test_slices_are_found_outside_strings_and_comments():
    assert not slices(TEXT)
    assert slices(TEXT + " LIMIT 50") and slices(TEXT + "\noffset 2")
    assert slices("SELECT * WHERE { { SELECT ?a WHERE { ?a ?b ?c } LIMIT 1 } }")
    assert not slices('SELECT * WHERE { ?a <urn:LIMIT> "LIMIT 1" } # LIMIT 1')


def test_query_form():
    assert query_form("# SELECT\nASK { ?a ?b ?c }") == "ASK"
    assert query_form("PREFIX x: <urn:SELECT> CONSTRUCT WHERE { ?a ?b ?c }") == "CONSTRUCT"
    with pytest.raises(QueryError, match="not a SPARQL query"):
        query_form("INSERT DATA { }")
