from kgraph.extract.spans import Claims, inside, overlaps


def test_half_open_spans_overlap_only_when_they_share_a_character():
    assert overlaps(0, 5, 4, 6) and overlaps(2, 3, 0, 10)
    assert not overlaps(0, 5, 5, 8) and not overlaps(5, 8, 0, 5)


def test_a_claimed_span_is_not_given_twice():
    claims = Claims([(10, 20)])
    assert claims.claim(0, 10) and not claims.claim(5, 12) and not claims.free(19, 25) and claims.free(20, 25)
    assert inside(15, claims.spans) and not inside(20, [(10, 20)])
