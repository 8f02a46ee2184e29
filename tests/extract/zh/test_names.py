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


@pytest.mark.parametrize(
    "text,length",
    [
        ("王凯调任省长。", 2),  # a verb ends the name
        ("张毅已相继落马。", 2),  # an adverb of its own is no part of the name (not 张毅已)
        ("刘桂花长期在基层工作。", 3),  # an adverb after a three-character name
        ("赵建国的仕途很长。", 3),  # a particle
        ("周海涛同志任县委书记。", 3),  # a word of the name context data (同志)
        ("李建波任市委书记。", 3),  # a one-character verb of appointment, however jieba cuts it
        ("吴友才、高向荣出席。", 3),  # a delimiter keeps 才 (an adverb on its own) in the name
        ("毕业后在该校工作。", 0),  # no name: a common word begins it and an adverb ends it
        ("后同时兼任主任。", 0),  # 后 cut off before a conjunction is no surname
        ("从南昌的发展说起。", 0),  # 从 before a place name is a preposition
        ("王国强主持会议。", 3),  # a name may begin like a proper noun (王国)
        ("全体起立。", 0),  # a common noun begins no name
        ("应邀参加会议。", 0),  # a name never ends inside a common word (参加)
        ("格桑达瓦同志任县委书记。", 4),  # before 同志 a name needs no known surname
        ("主要负责同志讲话。", 0),  # but it holds no common word
    ],
)
def test_a_name_ends_before_the_word_it_governs(text, length):
    assert name_at(text, 0, Cuts(text)) == length


def test_a_name_may_follow_a_particle_or_a_word_that_opens_a_slot():
    from kgraph.extract.zh.names import opens

    text = "不满50岁的李明出任副省长,任命王凯为副市长,他的工作"
    cuts = Cuts(text)
    assert opens(text, text.index("李明"), cuts) and opens(text, text.index("王凯"), cuts)
    assert not opens(text, text.index("出任"), cuts)
    other = "达到目的王凯"  # 的 in 目的 is no particle
    assert not opens(other, other.index("王凯"), Cuts(other))


def test_after_a_title_a_name_needs_no_known_surname():
    from kgraph.extract.zh.names import surnames, unknown_name_at

    text = "县委书记旦增主持会议。"
    assert "旦" not in surnames()
    assert unknown_name_at(text, 4, Cuts(text)) == 2
    assert unknown_name_at("县委书记主持会议。", 4, Cuts("县委书记主持会议。")) == 0
