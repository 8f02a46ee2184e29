from hypothesis import given
from hypothesis import strategies as st

from kgraph.extract.spans import Claims, Positions, SpanIndex, inside, overlaps


def test_half_open_spans_overlap_only_when_they_share_a_character():
    assert overlaps(0, 5, 4, 6) and overlaps(2, 3, 0, 10)
    assert not overlaps(0, 5, 5, 8) and not overlaps(5, 8, 0, 5)


def test_a_claimed_span_is_not_given_twice():
    claims = Claims([(10, 20)])
    assert claims.claim(0, 10) and not claims.claim(5, 12) and not claims.free(19, 25) and claims.free(20, 25)
    assert inside(15, claims.spans) and not inside(20, [(10, 20)])


# Spans asked about by bisection answer as a scan of them all.

SPAN = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))  # may be empty


@given(st.lists(SPAN, max_size=12), st.lists(SPAN, min_size=1, max_size=12))
def test_a_span_index_answers_as_a_scan_of_its_spans(spans, queries):
    index = SpanIndex(spans)
    for start, end in queries:
        assert index.overlaps(start, end) == any(overlaps(start, end, s, e) for s, e in spans)
        assert index.covers(start) == inside(start, spans)


@given(st.lists(SPAN, max_size=6), st.lists(SPAN, min_size=1, max_size=20))
def test_claims_answer_as_a_scan_of_what_was_taken(given_spans, claimed):
    claims = Claims(given_spans)
    taken = list(given_spans)
    for start, end in claimed:
        free = not any(overlaps(start, end, s, e) for s, e in taken)
        assert claims.free(start, end) == free
        assert claims.claim(start, end) == free
        if free:
            taken.append((start, end))
    assert claims.spans == taken


def test_positions_take_the_items_that_start_in_a_range_in_their_order():
    items = ["a", "b", "c", "d"]
    assert Positions(items, [1, 5, 5, 9]).within(5, 9) == ["b", "c"]
    assert Positions(items, [9, 1, 5, 5]).within(5, 10) == ["a", "c", "d"]  # out of order: all are read
