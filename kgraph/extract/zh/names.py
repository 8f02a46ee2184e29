"""Chinese personal names: where they start and end, and their pinyin.

Chinese writes no spaces, so a name is read from what stands around it: it
starts where a slot opens (after a delimiter, a particle or preposition, or a
word of ``data/zh_name_context.tsv``: 任命, 接受, 由) and ends before the word it
governs, one that jieba's dictionary tags as a verb, adverb, preposition,
conjunction or particle (王凯调任, 肖毅已相继落马), a title (习近平总书记), a verb of
appointment (``data/zh_post_words.tsv``) or a word of the name context (同志,
等, 一行); before 同志 a name needs no known surname (巴音朝鲁同志). jieba's cuts
are asked only where the dictionary leaves it open. English names come from
pypinyin with the surname readings of ``data/surnames.tsv`` (曾 Zeng, 查 Zha,
欧阳 Ouyang).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from kgraph.lexicon import table

HAN = re.compile(r"[\u4e00-\u9fff]")
#: Han characters only (a cheaper test than each character's).
ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
DELIMITERS = set('、,，。；;:：（()）“”"《》 \n!！?？等')
#: jieba's part-of-speech tags of the words that end a name: verbs, adverbs, prepositions, conjunctions,
#: particles (王凯调任, 肖毅已相继落马, 龚建华的仕途).
CLOSING_TAGS = ("v", "d", "p", "c", "u")
#: Tags of a word that is no part of a given name when jieba cuts it out alone (已 d, 后 f): 肖毅 in 肖毅已.
FUNCTION_TAGS = ("d", "p", "c", "u", "f", "r", "m", "q", "y", "e")
#: Tags of proper names: a word before 同志 that jieba knows as a place (巴音朝鲁 ns) is a person's name there.
PROPER_TAGS = ("nr", "ns", "nz", "nt")
#: How often a word occurs in jieba's dictionary for a name never to end inside it (先烈 212, 平作 3).
COMMON = 100
#: How far a name's surroundings are read, in characters.
WORD_REACH = 4

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


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """Words that close a name slot (``after``, ``person``: 同志, 等, 一行, and the verbs of appointment) and
    words after which one opens (``before``: 任命, 接受, 由), from ``data/zh_name_context.tsv`` and
    ``data/zh_post_words.tsv``."""
    sides: dict[str, set[str]] = {"after": set(), "person": set(), "before": set(), "linker": set()}
    for row in table("zh_name_context.tsv"):
        sides[row["side"]].add(row["word"])
    sides["after"] |= sides["person"]
    sides["after"] |= {r["word"] for r in table("zh_post_words.tsv") if r["role"] in ("verb", "linker")}
    # adverbs of more than one character before a verb of appointment (王凯此前任…)
    sides["after"] |= {r["word"] for r in table("zh_post_words.tsv") if r["role"] == "adverb" and len(r["word"]) > 1}
    sides["linker"] = {r["word"] for r in table("zh_post_words.tsv") if r["role"] == "linker"}
    return {side: frozenset(words) for side, words in sides.items()}


def surname_length(text: str, pos: int) -> int:
    """1 or 2 when a surname starts at ``pos``, else 0 (compound surnames first)."""
    names = surnames()
    if text[pos : pos + 2] in names:
        return 2
    return 1 if text[pos : pos + 1] in names else 0


def word_at(text: str, pos: int, cuts: Container[int]) -> str:
    """The word jieba cuts out at ``pos`` (up to ``WORD_REACH`` characters)."""
    for end in range(pos + 1, min(len(text), pos + WORD_REACH) + 1):
        if end in cuts:
            return text[pos:end]
    return text[pos : pos + WORD_REACH]


def word_before(text: str, pos: int, cuts: Container[int]) -> str:
    """The word jieba cuts out that ends at ``pos`` (empty where ``pos`` is no word boundary)."""
    if pos not in cuts:
        return ""
    for start in range(pos - 1, max(0, pos - WORD_REACH) - 1, -1):
        if start in cuts:
            return text[start:pos]
    return text[max(0, pos - WORD_REACH) : pos]


def closes(text: str, end: int, cuts: Container[int]) -> bool:
    """Whether a name may end at ``end``: the text ends, a delimiter or a digit follows, or a word that ends a name:
    one jieba tags as a verb, adverb, preposition, conjunction or particle (调任, 已, 在, 和, 的), a title
    (习近平总书记), a verb of appointment or a word of ``data/zh_name_context.tsv`` (同志, 等, 一行)."""
    from kgraph.extract.zh.lexicon import title_table, word_tags

    if end >= len(text) or text[end] in DELIMITERS or text[end].isdigit():  # 陈敏尔1月30日当选…
        return True
    if _closing_pattern().match(text, end):
        return True
    if not may_close(text, end) or end not in cuts:  # jieba is asked only where a closing word may start
        return False
    word = word_at(text, end, cuts)
    if word in context_words()["after"] or word in title_table():
        return True
    # The word or a word it begins with (主持 in 主持会议, jieba's one token).
    tags = word_tags()
    return any(tags.get(word[:n], "").startswith(CLOSING_TAGS) for n in range(len(word), min(len(word), 2) - 1, -1))


@lru_cache(maxsize=1)
def closing_words() -> frozenset[str]:
    """Every word that ends a name (see :func:`closes`): jieba's verbs, adverbs, prepositions, conjunctions and
    particles, the titles and the words of the data files."""
    from kgraph.extract.zh.lexicon import title_table, word_tags

    tagged = {w for w, tag in word_tags().items() if len(w) <= WORD_REACH and tag.startswith(CLOSING_TAGS)}
    return frozenset(tagged | set(title_table()) | context_words()["after"])


def may_close(text: str, end: int) -> bool:
    """Whether a name could end at ``end`` (a cheap test before jieba is asked): the text ends, a delimiter or
    a word that ends a name starts there, or a digit."""
    if end >= len(text) or text[end] in DELIMITERS or text[end].isdigit():
        return True
    words = closing_words()
    return any(text[end : end + k] in words for k in range(1, WORD_REACH + 1))


@lru_cache(maxsize=1)
def _closing_pattern() -> re.Pattern[str]:
    # Single characters (任) end a name only as words of their own; a linking 为 also where jieba glues it to
    # the name's end (胡衡华为: 华为).
    words = sorted(
        (w for w in context_words()["after"] if len(w) > 1 or w in context_words()["linker"]), key=len, reverse=True
    )
    return re.compile("|".join(map(re.escape, words)))


def opens(text: str, pos: int, cuts: Container[int]) -> bool:
    """Whether a name may start at ``pos``: at the start, after a delimiter, after a word that opens a name
    slot (任命, 接受, 由, 领导: ``data/zh_name_context.tsv``) or after a particle or preposition of one character
    (不满48岁的景俊海, 被王某)."""
    from kgraph.extract.zh.lexicon import word_tags

    if pos == 0 or text[pos - 1] in DELIMITERS:
        return True
    before = context_words()["before"]
    if any(text[pos - k : pos] in before for k in range(1, min(pos, WORD_REACH) + 1)):
        return True
    return word_tags().get(text[pos - 1], "").startswith(("u", "p")) and not in_word(text, pos - 1, pos)


def in_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer word of jieba's dictionary, one character either side
    (的 in 目的, 任 in 主任 or 责任): a cheap test where jieba need not be asked."""
    freq = _frequencies()
    return bool(freq.get(text[max(0, start - 1) : end]) or freq.get(text[start : end + 1]))


def _frequencies() -> dict[str, int]:
    from kgraph.extract.zh.lexicon import tokenizer

    return tokenizer().FREQ


@lru_cache(maxsize=1)
def _slot_pattern() -> re.Pattern[str]:
    """What a name may follow (see :func:`opens`): a delimiter, a word that opens a name slot, or a particle or
    preposition of one character."""
    from kgraph.extract.zh.lexicon import word_tags

    chars = {w for w, tag in word_tags().items() if len(w) == 1 and tag.startswith(("u", "p"))} | DELIMITERS
    words = sorted(context_words()["before"], key=len, reverse=True)
    return re.compile("|".join([*map(re.escape, words), "[" + re.escape("".join(sorted(chars))) + "]"]))


def slot_starts(text: str) -> list[int]:
    """Offsets where a name may start, as far as the characters before them say (:func:`opens` decides)."""
    return [0, *(m.end() for m in _slot_pattern().finditer(text))]


def name_at(text: str, pos: int, cuts: Container[int], loose: bool = False, bounded: bool = False) -> int:
    """Length of the personal name starting at ``pos``, or 0.

    A name is a surname and one or two characters that end where the name does (see :func:`closes`); the
    longest such wins, unless its last character is a word of its own that is no part of a name (肖毅 in
    肖毅已相继落马) or begins one that ends a name (王凯 in 王凯此前任). ``bounded``: the slot itself says a
    name stands here (after a title, before a title), so a jieba word boundary is enough for its end.
    ``loose`` accepts a name without a known surname (a byline's pen name) and ends it at any word boundary.
    """
    sl = surname_length(text, pos)
    if not sl and not loose:
        return _before_honorific(text, pos, cuts)
    sl = sl or 1
    best = 0
    lengths = [n for n in (sl + 2, sl + 1) if pos + n <= len(text) and (loose or plain_name(text[pos : pos + n], sl))]
    if not loose and not lengths:
        return _before_honorific(text, pos, cuts)
    if not (loose or bounded):  # no jieba cut where no word that ends a name could follow
        lengths = [n for n in lengths if may_close(text, pos + n)]
    for length in lengths:
        end = pos + length
        chunk = text[pos:end]
        if not ALL_HAN.fullmatch(chunk):
            continue
        if not loose and not is_name(text, pos, end, sl, cuts):
            continue
        longest = length == sl + 2
        if longest and (_ends_in_function_word(text, end, cuts) or _closing_word_at(text, end - 1)):
            continue
        if closes(text, end, cuts) or (longest and _closing_character(text, end)):
            return length
        if (loose or bounded) and end in cuts and not best:
            best = length
    if not best and not loose:
        best = _before_honorific(text, pos, cuts)
    return best


def _closing_word_at(text: str, pos: int) -> bool:
    """Whether a word that ends a name, of two characters or more, starts at ``pos`` (此前 in 王凯此前任…)."""
    m = _closing_pattern().match(text, pos)
    return m is not None and m.end() - pos > 1


def is_name(text: str, start: int, end: int, sl: int, cuts: Container[int]) -> bool:
    """Whether ``text[start:end]``, a surname of ``sl`` characters and a given name, may be a personal name:
    no character that never stands in a given name, no common word that it begins with (关于, 全体, 毕业 in
    毕业后) or that begins its given name after a surname that is a function word (后同时, 从南昌, 向革命), no
    verb of appointment (曾任). These are read off jieba's dictionary, not its cuts: ``cuts`` is unused."""
    chunk = text[start:end]
    if not plain_name(chunk, sl):
        return False
    if any(_common(text[start:k], PROPER_TAGS) for k in range(start + sl + 1, end + 1)):
        return False
    if not _function_word(chunk[:sl]):
        return True
    given = start + sl
    return not (
        _function_word(text[given]) or any(_common(text[given:k]) for k in range(given + 2, given + WORD_REACH))
    )


def _common(word: str, names: tuple[str, ...] = ("nr",)) -> bool:
    """A common word that is no name: one that ends a name (曾任), or one frequent in jieba's dictionary whose
    tag is none of ``names`` (应邀 v, 同时 c, 全体 n)."""
    if word in context_words()["after"]:
        return True
    return common_word(word, names) and (_frequencies().get(word) or 0) >= COMMON


def plain_name(chunk: str, sl: int) -> bool:
    """What a name's characters alone say (no jieba cut needed): Han characters, none that never stands in a
    given name, not ending in a level word, no word jieba knows as something else, no verb of appointment."""
    if not ALL_HAN.fullmatch(chunk) or NOT_IN_NAME & set(chunk[sl:]) or chunk[-1] in PLACE_END:
        return False
    return not common_word(chunk) and not _closing_pattern().match(chunk)


def _closing_character(text: str, end: int) -> bool:
    """Whether the character at ``end`` is a word that ends a name on its own (作, 任, 在), however jieba cuts
    it (胡衡/华任: jieba's window glues a verb to an unknown name)."""
    from kgraph.extract.zh.lexicon import word_tags

    char = text[end : end + 1]
    if not (char in context_words()["after"] or word_tags().get(char, "").startswith(CLOSING_TAGS)):
        return False
    return not splits_word(text, end)


def splits_word(text: str, end: int) -> bool:
    """Whether ``end`` falls inside a common word that is no name (主持 in 蔡奇主持, 强调 in 陈希强调): one of
    jieba's dictionary at least ``COMMON`` times as frequent as its rarest words."""
    from kgraph.extract.zh.lexicon import tokenizer, word_tags

    freq, tags = tokenizer().FREQ, word_tags()
    for word in (text[end - 1 : end + 1], text[end - 1 : end + 2]):
        if len(word) > 1 and (freq.get(word) or 0) >= COMMON and not tags.get(word, "").startswith("nr"):
            return True
    return False


def _ends_in_function_word(text: str, end: int, cuts: Container[int]) -> bool:
    """Whether the last character before ``end`` is a word of its own that is no part of a name (已, 后)."""
    from kgraph.extract.zh.lexicon import word_tags

    if end >= len(text) or text[end] in DELIMITERS:
        return False  # 吴友才、: a name ends at a delimiter, an adverb does not
    # the tag first: jieba is asked only about a character that may be a function word
    return word_tags().get(text[end - 1], "").startswith(FUNCTION_TAGS) and end - 1 in cuts and end in cuts


def _before_honorific(text: str, pos: int, cuts: Container[int]) -> int:
    """A name of two to four characters right before a word that follows only persons (巴音朝鲁同志): a name
    with no known surname (a Mongolian or Tibetan name) is still one."""
    for length in (4, 3, 2):
        end = pos + length
        chunk = text[pos:end]
        if len(chunk) != length or not ALL_HAN.fullmatch(chunk) or NOT_IN_NAME & set(chunk):
            continue
        if any(text.startswith(w, end) for w in context_words()["person"]) and not common_word(chunk, PROPER_TAGS):
            if pos in cuts and end in cuts and not _has_common_word(text, pos, end, cuts):
                return length
    return 0


def _has_common_word(
    text: str, start: int, end: int, cuts: Container[int], shortest: int = 2, names: tuple[str, ...] = PROPER_TAGS
) -> bool:
    """Whether jieba cuts a word of ``shortest`` characters or more that it knows as no name out of
    ``text[start:end]`` (主要负责 in 主要负责同志)."""
    pos = start
    while pos < end:
        word = word_at(text, pos, cuts)
        if len(word) >= shortest and pos + len(word) <= end and common_word(word, names):
            return True
        pos += len(word)
    return False


def _function_word(word: str) -> bool:
    """A preposition, conjunction, adverb, localizer or particle (从, 和, 又, 后, 的): no surname before a word."""
    from kgraph.extract.zh.lexicon import word_tags

    return word_tags().get(word, "").startswith(("p", "c", "d", "f", "u"))


def unknown_name_at(text: str, pos: int, cuts: Container[int]) -> int:
    """Length of a name of two or three characters without a known surname where the slot says a name stands
    (right after a title: 市委书记远义彬听取), or 0: it ends where a name ends and is no word jieba knows."""
    for length in (3, 2):
        end = pos + length
        chunk = text[pos:end]
        if len(chunk) != length or not ALL_HAN.fullmatch(chunk) or NOT_IN_NAME & set(chunk):
            continue
        if chunk[-1] in PLACE_END or common_word(chunk) or _closing_pattern().match(chunk):
            continue
        if pos in cuts and closes(text, end, cuts) and not _has_common_word(text, pos, end, cuts):
            return length
    return 0


def common_word(word: str, names: tuple[str, ...] = ("nr",)) -> bool:
    """A word jieba's dictionary knows as something other than a name (关于 p, 全体 n, 应邀 v); ``names``: the
    tags that count as names."""
    from kgraph.extract.zh.lexicon import word_tags

    tag = word_tags().get(word)
    return tag is not None and not tag.startswith(names)


def join_syllables(syllables: list[str]) -> str:
    """One pinyin word, with an apostrophe before a/o/e syllables (Xin'an, Xi'an) and u for ü."""
    out = ""
    for i, syl in enumerate(syllables):
        syl = syl.replace("ü", "u")
        if i and syl[:1] in "aoe":
            out += "'"
        out += syl
    return out


@lru_cache(maxsize=4096)
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
