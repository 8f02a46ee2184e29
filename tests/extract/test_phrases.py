from kgraph.extract.phrases import Phrases, folded


def test_whole_words_longest_first_left_to_right():
    p = Phrases([("party committee", 1), ("party", 2), ("committee", 3), ("standing committee", 4)])
    text = folded("The Party Committee and Standing Committees of the party")
    assert p.find(text) == [(4, 19, 1), (51, 56, 2)]  # "Committees" is no "committee"
    assert p.at(text, 4) == (4, 19, 1) and p.at(text, 5) is None


def test_a_longer_match_that_is_no_whole_word_gives_way_to_a_shorter_one():
    p = Phrases([("member", 1), ("members of", 2), ("member of the party", 3)])
    assert p.find(folded("a member of the partys")) == [(2, 8, 1)]


def test_hyphens_bound_campaign_names():
    p = Phrases([("two firsts", 1)], edges="hyphen")
    assert p.find(folded("the two firsts, two-firsts and x-two firsts")) == [(4, 14, 1)]


def test_folding_keeps_offsets():
    text = "Guizhou\tİstanbul PROVINCE"
    assert len(folded(text)) == len(text) and folded("AB\tC") == "ab c"
