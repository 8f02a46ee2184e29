from kgraph.extract.zh.lexicon import parse_zh_number, tokenizer


def test_user_dictionary_keeps_party_state_units_whole():
    tokens = list(tokenizer().cut("贵州省委召开市委常委会,省政协和中央第五指导组推动主题教育。"))
    for unit in ("贵州省委", "市委常委会", "省政协", "中央第五指导组", "主题教育"):
        assert unit in tokens, (unit, tokens)


def test_chinese_numbers():
    assert [parse_zh_number(x) for x in ("五", "十", "十五", "二十", "二十三")] == [5, 10, 15, 20, 23]
