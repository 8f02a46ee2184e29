"""Records of plain values: read back as written, a file cut short is an error, never fewer values."""

import io

import pytest

from kgraph import framed


def test_records_read_back_as_written_and_the_end_says_so():
    values = [{"a": [1, 2.5, "中文"], "b": (None, True)}, b"\x00\xff", frozenset({"x"}), ("tag", [])]
    out = io.BytesIO()
    for v in values:
        framed.write(out, v)
    stream = io.BytesIO(out.getvalue())
    assert [framed.read(stream) for _ in values] == values
    with pytest.raises(EOFError):
        framed.read(stream)


@pytest.mark.parametrize("cut", [2, 4, 9])
def test_a_record_cut_short_is_an_error(cut):
    out = io.BytesIO()
    framed.write(out, ["a value long enough", 12345])
    with pytest.raises(ValueError, match="middle of a record"):
        framed.read(io.BytesIO(out.getvalue()[:cut]))


def test_values_marshal_cannot_write_are_refused():
    with pytest.raises(ValueError):
        framed.write(io.BytesIO(), object())
