"""Chinese lexicon: jieba with kgraph's own words, and one automaton over every Chinese atom word.

jieba's own dictionary splits 渝中区委 into 渝中区/委副 and tags 弘扬 as a
name; a user dictionary built from the gazetteer, body grammar, titles and
campaigns makes 贵州省委, 市委常委会, 省政协, 中央第五指导组 and 主题教育
segment as units. jieba's tokens are then used only where Chinese gives no
other clue: the end of a personal name. jieba is imported on first use.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from kgraph.extract.atoms import Head
from kgraph.extract.campaigns import forms as campaign_forms
from kgraph.extract.levels import level_forms
from kgraph.extract.titles import Title
from kgraph.extract.titles import forms as title_forms
from kgraph.gazetteer import CHINA, shared
from kgraph.lexicon import split, table
from kgraph.naming import body_types, departments, national_bodies, purpose_forms, zh_number

if TYPE_CHECKING:
    import jieba

ZH_DIGITS = "零一二三四五六七八九十百"
USER_FREQ = 200000
#: Titles that say a party post (书记 is a party secretary wherever it stands).
PARTY_TITLE = "书记"


@lru_cache(maxsize=1)
def head_table() -> dict[str, Head]:
    """Chinese body head -> what it names (人大常委会 adds two levels; 党委 is a party committee or a unit's)."""
    paths: dict[str, list[tuple[str, ...]]] = {}
    for key, bt in body_types().items():
        for head in bt.zh_heads:
            paths.setdefault(head, []).append((key,))
    out = {word: Head(tuple(dict.fromkeys(p))) for word, p in paths.items()}
    for key, dept in departments().items():
        for form in (dept.zh_prov, dept.zh_local, *dept.zh_alt):
            out.setdefault(form, Head(((f"department:{key}",),)))
        for form in dept.zh_national:
            out.setdefault(form, Head(((f"department:{key}",),), level="central"))
    out["人大常委会"] = Head((("peoples_congress", "standing_committee"),))
    out["委常委会"] = Head((("party_committee", "standing_committee"),))
    out["巡察组"] = Head((("inspection_groups",),))
    return out


def purpose_table() -> dict[str, str]:
    """Chinese purpose of a group (扶贫开发) -> its key; those that are campaigns stay campaign atoms."""
    return purpose_forms("zh")


@lru_cache(maxsize=1)
def title_table() -> dict[str, Title]:
    return {form: (t.as_party() if PARTY_TITLE in form else t) for form, t in title_forms("zh").items()}


@lru_cache(maxsize=1)
def national_table() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for path, row in national_bodies().items():
        for form in (row["zh"], *split(row["zh_alt"])):
            out.setdefault(form, tuple(path.split("/")))
    return out


@lru_cache(maxsize=1)
def campaign_table() -> dict[str, str]:
    out: dict[str, str] = {}
    for form, key in campaign_forms("zh").items():
        out.setdefault(form.replace("“", "").replace("”", ""), key)
    return out


def region_names() -> dict[str, list[str]]:
    """Chinese region names worth matching in text: full names and short names (the atom finder
    drops short names of districts and those jieba does not cut out)."""
    out: dict[str, list[str]] = {}
    for code, region in shared().regions.items():
        if region.level == "country":
            continue
        out.setdefault(region.zh, []).append(code)
        if region.zh_short != region.zh and len(region.zh_short) >= 2:
            out.setdefault(region.zh_short, []).append(code)
    out["中国"] = [CHINA]
    return out


#: Numbered and structural atoms that the word list cannot hold: 中央第五指导组, 党的二十大, 第十五届.
SPECIAL = re.compile(
    rf"(?P<steer>中央(?:主题教育)?第([{ZH_DIGITS}]+)(巡回)?指导组)"
    rf"|(?P<congress>(?:党的|中国共产党第)([{ZH_DIGITS}]+)(?:次全国代表大会|大))"
    rf"|(?P<session>第?[{ZH_DIGITS}]+届)"
)


@lru_cache(maxsize=1)
def level_pattern() -> re.Pattern[str]:
    return re.compile("|".join(sorted(level_forms("zh"), key=len, reverse=True)))


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over every Chinese atom word (leftmost-longest matches), built once:
    places are those of the shared gazetteer, so every article's view uses the same automaton."""
    kinds: dict[str, tuple[str, object]] = {}
    for name, codes in region_names().items():
        kinds[name] = ("region", codes)
    for word, row in title_table().items():
        kinds[word] = ("title", row)
    for word, key in purpose_table().items():
        if word not in campaign_table():  # 主题教育 stays a campaign; as a group's purpose the parser reads it
            kinds[word] = ("purpose", key)
    for word, head in head_table().items():
        kinds[word] = ("head", head)
    for word, path in national_table().items():
        kinds[word] = ("national", path)
    for word, key in campaign_table().items():
        kinds.setdefault(word, ("campaign", key))
    kinds["中共"] = ("cpc", None)
    found = ahocorasick.Automaton()
    for word, (kind, value) in kinds.items():
        found.add_word(word, (word, kind, value))
    found.make_automaton()
    return found


@lru_cache(maxsize=1)
def longest_word() -> int:
    """The length of the automaton's longest word: how far a match may reach from where it starts."""
    return max(len(word) for word, _, _ in automaton().values())


def parse_zh_number(text: str) -> int:
    """十五 -> 15, 二十 -> 20, 七 -> 7."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in text:
        return digits.get(text[-1:], 0)
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer of its own (the global one is left alone) with kgraph's words added."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    words: set[str] = set(title_table()) | set(national_table()) | set(campaign_table())
    levels = sorted(word for word, level in level_forms("zh").items() if level != "central")
    for head in head_table():
        words.add(head)
        for level in levels:
            words.add(level + head)
            words.add(level + "委" + head)
    for level in levels:
        words |= {level + "委", level + "委书记", level + "委副书记", level + "委常委"}
    for n in range(1, 31):  # 中央第五指导组, 中央第十巡回指导组
        words |= {f"中央第{zh_number(n)}指导组", f"中央第{zh_number(n)}巡回指导组"}
    for row in table("regions.tsv"):
        words.add(row["zh"])
        words.add(row["zh"] + "委")  # 贵州省委, 渝中区委
        # Short county names (新安, 东方) are common words too: adding them would cut 新安/排.
        if len(row["zh_short"]) >= 2 and row["level"] in ("province", "prefecture"):
            words.add(row["zh_short"])
    for word in sorted(words):
        if len(word) >= 2:
            tk.add_word(word, USER_FREQ)
    return tk


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's dictionary words (what jieba.posseg consults), read once."""
    import jieba

    tags: dict[str, str] = {}
    with jieba.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


class Cuts:
    """jieba's token boundaries in a text, computed only around the offsets that are asked about.

    Only a name's end and a short place name need them, a few offsets a sentence;
    segmenting a window of ``BEHIND + AHEAD`` characters around it costs a fraction of
    segmenting the whole text, and jieba's choice at an offset depends on little
    more than its neighbours.
    """

    #: Windows reach further ahead than behind: a name's start is asked about first, then its end and the word
    #: after it, so one window serves all three.
    BEHIND, AHEAD = 5, 11

    def __init__(self, text: str):
        self.text = text
        self.known: dict[int, bool] = {0: True, len(text): True}

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int) or offset < 0 or offset > len(self.text):
            return False
        if offset not in self.known:
            lo = max(0, offset - self.BEHIND)
            hi = min(len(self.text), offset + self.AHEAD)
            pos = lo
            inner: set[int] = set()
            for token in tokenizer().cut(self.text[lo:hi], HMM=False):
                pos += len(token)
                inner.add(pos)
            # Trust the window's verdict away from its artificial edges.
            for i in range(max(lo + 3, 1), min(hi - 3, len(self.text)) + 1):
                self.known.setdefault(i, i in inner)
            self.known.setdefault(offset, offset in inner)
        return self.known[offset]
