from kgraph.text import sentences


def test_sentence_offsets_index_the_text():
    text = "Zhang Yigong presided. The meeting ended.\n\nA new paragraph; with a clause."
    out = sentences(text)
    assert [s.text for s in out] == [
        "Zhang Yigong presided.",
        "The meeting ended.",
        "A new paragraph;",
        "with a clause.",
    ]
    assert all(text[s.start : s.end] == s.text for s in out)
    assert [s.paragraph for s in out] == [0, 0, 1, 1]


def test_chinese_sentences_split_on_full_stops():
    from kgraph.extract.zh import ZH_END

    out = sentences("市委书记蔡奇主持会议。市长陈吉宁出席。", ZH_END)
    assert [s.text for s in out] == ["市委书记蔡奇主持会议。", "市长陈吉宁出席。"]
