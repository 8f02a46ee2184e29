"""Compiled fills: a shape's text in one call, constant text passed as values, never made code."""

import pytest

from kgraph.export.fill import SUBJECT, Field, compile_fill


def test_constants_fields_and_the_subject_are_joined_in_order():
    calls = []

    def subject(s: str) -> str:
        calls.append(s)
        return f"<{s}>"

    fill = compile_fill(
        [SUBJECT, " p ", Field(1, "VALUE * 2"), " q ", Field(0, "upper(VALUE)"), SUBJECT],
        2,
        {"subject": subject, "upper": str.upper},
    )
    assert fill("a", "x", 21) == "<a> p 42 q X<a>"
    assert calls == ["a"]  # rendered once, however often it stands


def test_constant_text_that_looks_like_code_is_written_as_it_is():
    text = "{0} {s} {{v0}} \"'\\ \n f\"{__import__('os')}\" }"
    fill = compile_fill([text, Field(0, "VALUE"), text], 1, {"subject": str})
    assert fill("s", "-") == text + "-" + text


def test_a_fields_code_may_not_hold_quotes_braces_or_backslashes():
    for code in ('VALUE + "x"', "VALUE + 'x'", "{VALUE}", "VALUE\\n"):
        with pytest.raises(ValueError, match="quotes, braces or backslashes"):
            compile_fill([Field(0, code)], 1, {"subject": str})


def test_a_field_outside_the_shape_or_an_unknown_subject_function_is_an_error():
    with pytest.raises(ValueError, match="a field 2 of a shape of 2 fields"):
        compile_fill([Field(2, "VALUE")], 2, {"subject": str})
    with pytest.raises(ValueError, match="no function 'render'"):
        compile_fill([Field(0, "VALUE")], 1, {"subject": str}, subject="render")
    with pytest.raises(ValueError, match="no function"):
        compile_fill([Field(0, "VALUE")], 1, {"x": str}, subject="x; import os")
