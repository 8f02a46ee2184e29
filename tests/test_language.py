from kgraph.language import detect


def test_chinese_with_latin_digits_is_chinese():
    assert detect("8月21日下午,中国人民政治协商会议重庆市渝中区第十五届委员会第四次会议开幕。GDP") == "zh"


def test_english_with_a_chinese_source_line_is_english():
    assert detect("Source:常德市政府网 Cao Zhiqiang, Secretary of Changde Municipal Party Committee, visited") == "en"
