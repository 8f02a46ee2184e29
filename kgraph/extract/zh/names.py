"""Chinese personal names: where they start and end, and their pinyin.

Chinese writes no spaces, so a name's end is read from what follows it: a
delimiter (、,。), a verb that follows names (主持, 出席), or a jieba token
boundary. English names come from pypinyin with the surname readings of
``data/surnames.tsv`` (曾 Zeng, 查 Zha, 欧阳 Ouyang).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from kgraph.lexicon import table

HAN = re.compile(r"[\u4e00-\u9fff]")
DELIMITERS = set('、,，。；;:：（()）“”"《》 \n!！?？等')
#: Words that follow a name in these articles; a name never ends inside one.
AFTER_NAME = (
    "主持",
    "出席",
    "参加",
    "指出",
    "强调",
    "讲话",
    "表示",
    "要求",
    "宣布",
    "代表",
    "作",
    "就",
    "在",
    "同志",
    "总书记",
    "列席",
    "发表",
    "点评",
    "传达",
    "通报",
    "说",
    "介绍",
    "带队",
    "调研",
    "会见",
    "一行",
    "等",
    "和",
    "与",
    "及",
    "担任",
    "任",
    "为",
)


#: Characters that never occur in a given name in running text (function words, level words).
NOT_IN_NAME = set("的了是在和与等要会对把将为就从以及其各本该这那我们你他她它党省市县区委镇乡村届次")
PLACE_END = set("镇乡村街区县市省")


@lru_cache(maxsize=1)
def surnames() -> dict[str, str]:
    """Chinese surname -> pinyin (capitalised)."""
    out: dict[str, str] = {}
    for row in table("surnames.tsv"):
        out.setdefault(row["zh"], row["pinyin"])  # the first reading is the canonical one (吕 Lu)
    return out


def surname_length(text: str, pos: int) -> int:
    """1 or 2 when a surname starts at ``pos``, else 0 (compound surnames first)."""
    names = surnames()
    if text[pos : pos + 2] in names:
        return 2
    return 1 if text[pos : pos + 1] in names else 0


def name_at(text: str, pos: int, cuts: Container[int], loose: bool = False) -> int:
    """Length of the personal name starting at ``pos``, or 0.

    ``loose`` accepts a name without a known surname (a byline's pen name).
    """
    sl = surname_length(text, pos)
    if not sl and not loose:
        return 0
    sl = sl or 1
    best = 0
    for length in (sl + 2, sl + 1):
        end = pos + length
        chunk = text[pos:end]
        if len(chunk) != length or not all(HAN.match(c) for c in chunk):
            continue
        if not loose and (NOT_IN_NAME & set(chunk[sl:]) or chunk[-1] in PLACE_END or common_word(chunk)):
            continue
        nxt = text[end : end + 2]
        if end >= len(text) or text[end] in DELIMITERS or nxt.startswith(AFTER_NAME):
            return length
        if end in cuts and not best:
            best = length
    return best


def common_word(word: str) -> bool:
    """A word jieba's dictionary knows as something other than a name (关于 p, 全体 n, 应邀 v)."""
    from kgraph.extract.zh.lexicon import word_tags

    tag = word_tags().get(word)
    return tag is not None and not tag.startswith("nr")


def join_syllables(syllables: list[str]) -> str:
    """One pinyin word, with an apostrophe before a/o/e syllables (Xin'an, Xi'an) and u for ü."""
    out = ""
    for i, syl in enumerate(syllables):
        syl = syl.replace("ü", "u")
        if i and syl[:1] in "aoe":
            out += "'"
        out += syl
    return out


def romanize(name: str) -> str:
    """习近平 -> Xi Jinping, 诸葛宇杰 -> Zhuge Yujie, 欧阳锦全 -> Ouyang Jinquan."""
    from pypinyin import Style, lazy_pinyin

    sl = surname_length(name, 0) or 1
    surname = surnames().get(name[:sl]) or "".join(lazy_pinyin(name[:sl])).capitalize()
    given = join_syllables(lazy_pinyin(name[sl:], style=Style.NORMAL, v_to_u=True))
    return f"{surname} {given.capitalize()}".strip()


def pinyin_word(text: str) -> str:
    """A Chinese name as one pinyin word, as places and outlets are written: 峄山 -> Yishan, 西安 -> Xi'an."""
    from pypinyin import Style, lazy_pinyin

    return join_syllables(lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)).capitalize()


def pinyin_label(text: str) -> str:
    """Pinyin of a Chinese phrase, title-cased word by word, for names that have no English form."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(s.capitalize() for s in lazy_pinyin(text, style=Style.NORMAL, v_to_u=True) if s.strip())
