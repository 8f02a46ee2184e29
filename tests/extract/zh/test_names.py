import pytest

from kgraph.extract.zh.lexicon import Cuts
from kgraph.extract.zh.names import name_at, romanize


@pytest.mark.parametrize(
    "zh,en",
    [
        ("习近平", "Xi Jinping"),
        ("诸葛宇杰", "Zhuge Yujie"),
        ("欧阳锦全", "Ouyang Jinquan"),
        ("查正江", "Zha Zhengjiang"),
        ("曾庆红", "Zeng Qinghong"),
        ("张新安", "Zhang Xin'an"),
        ("吕玉印", "Lu Yuyin"),  # the canonical reading of 吕, not one of its English spellings
        ("远义彬", "Yuan Yibin"),  # a surname the Hundred Family Surnames leaves out
    ],
)
def test_pinyin_with_surname_rules(zh, en):
    assert romanize(zh) == en


@pytest.mark.parametrize(
    "text,pos,length",
    [
        ("市委书记蔡奇主持会议。", 4, 2),  # ends before a verb that follows names
        ("区人大常委会主任何积光,区委", 8, 3),  # ends at a delimiter
        ("市领导游钧、杨艺文参加。", 3, 2),
        ("欧阳锦全、郭渊等", 0, 4),  # compound surname
        ("总书记关于加强", 3, 0),  # 关于 is a word, not a name
    ],
)
def test_where_names_end(text, pos, length):
    assert name_at(text, pos, Cuts(text)) == length
