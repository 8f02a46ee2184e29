"""Chinese atoms: places, levels, body heads, central bodies, titles and campaigns in one pass.

The Chinese naming grammar reads left to right: [中共] [place] [level 省/市/县/区]
head (head ...), each head a unit of the one before (人大 → 常委会 → 党组), so
the atoms are already in naming order, except two forms this module puts in
it: 中国共产党北京市委员会 (委员会 after the place is the party committee) and
政协重庆市渝中区第十五届委员会 (the CPPCC named before its place).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Container, Iterable
from functools import lru_cache

from kgraph.extract.atoms import Atom, Head, Place, ProperName
from kgraph.extract.levels import level_forms
from kgraph.extract.zh.lexicon import SPECIAL, automaton, level_pattern, longest_word, parse_zh_number
from kgraph.extract.zh.names import name_at
from kgraph.gazetteer import Gazetteer, level_words

COMMITTEE = "委员会"
CPPCC = ("cppcc",)
WHOLE = re.compile("全(" + "|".join(sorted(level_forms("zh"), key=len, reverse=True)) + ")")


@lru_cache(maxsize=1)
def lower_pattern() -> re.Pattern[str]:
    """A place below the county by its suffix (峄山镇, 虹桥街道), starting after a delimiter or a
    preposition, and not a body or title word (镇长, 镇党委)."""
    suffixes = "|".join(sorted(level_words("zh"), key=len, reverse=True))
    return re.compile(
        r"(?:^|(?<=[、,，。;；:：(（ 对在到和与及]))(?![对在到和与及])"
        rf"([\u4e00-\u9fff]{{2,3}}?)({suffixes})(?![长委政党])"
    )


def find_atoms(text: str, gaz: Gazetteer, cuts: Container[int]) -> list[Atom]:
    """Atoms of one sentence in naming order. Short county names count only where jieba also cuts them
    out, and a short place name inside a personal name (新安 in 张新安) is none."""
    out: list[Atom] = []
    taken = bytearray(len(text))
    for m in SPECIAL.finditer(text):
        a, b, word = m.start(), m.end(), m.group(0)
        if m.lastgroup == "steer":
            kind = "circuit_guidance_group" if m.group(3) else "steering_group"
            value: object = ("cpc", "central_committee", f"{kind}:{parse_zh_number(m.group(2))}")
            out.append(Atom("national", a, b, word, value))
        elif m.lastgroup == "congress":
            out.append(Atom("national", a, b, word, ("cpc", f"national_congress:{parse_zh_number(m.group(5))}")))
        else:
            out.append(Atom("ordinal", a, b, word))
        taken[a:b] = b"\x01" * (b - a)
    for end, (word, kind, value) in automaton().iter_long(text):
        b = end + 1
        a = b - len(word)
        if any(taken[a:b]):
            continue
        atom = _atom(text, a, word, kind, value, gaz, cuts)
        if atom is None:
            # A short place name that is none here may hide a word starting inside it (新河 in 履新河北省委). The
            # automaton reads the whole of any text it is given: it gets the text a word starting there may reach.
            window = text[a + 1 : b + 2 * longest_word() + 1]
            for end2, (word2, kind2, value2) in automaton().iter_long(window):
                start2 = a + 2 + end2 - len(word2)
                if start2 >= b:
                    break
                atom = _atom(text, start2, word2, kind2, value2, gaz, cuts)
                if atom is not None:
                    break
        if atom is not None and not any(taken[atom.start : atom.end]):
            out += _head_of_place(text, atom) if text[atom.end : atom.end + 1] == "长" else [atom]
            taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
    levels = level_forms("zh")
    for m in level_pattern().finditer(text):
        if not any(taken[m.start() : m.end()]):
            out.append(Atom("level", m.start(), m.end(), m.group(0), levels[m.group(0)]))
    out.sort(key=lambda x: x.start)
    return _markers(text, _naming_order(text, _organisations(text, out, gaz)))


#: How often a word starting with a title's last character occurs in jieba's dictionary for the title not to
#: end there (北京市长远发展: 长远 20000; 北京市长王安顺: 长王 none).
COMMON_AFTER = 100


def _head_of_place(text: str, atom: Atom) -> list[Atom]:
    """A place whose level word begins its head's title (北京市长, 陕西省长: the place and 市长, 省长), else the
    atom itself."""
    from kgraph.extract.zh.lexicon import title_table, tokenizer

    if atom.kind != "region" or len(atom.text) < 3 or text[atom.end : atom.end + 1] != "长":
        return [atom]
    title = title_table().get(atom.text[-1] + "长")
    word = text[atom.end : atom.end + 2]
    if title is None or (len(word) == 2 and (tokenizer().FREQ.get(word) or 0) >= COMMON_AFTER):
        return [atom]
    place = Atom("region", atom.start, atom.end - 1, atom.text[:-1], atom.value)
    return [place, Atom("title", atom.end - 1, atom.end + 1, atom.text[-1] + "长", title)]


@lru_cache(maxsize=1)
def org_words() -> dict[str, dict[str, str]]:
    """``data/zh_org_words.tsv``: the words that end an organisation's own name (集团, 有限公司, 大学)."""
    from kgraph.lexicon import table

    return {r["word"]: r for r in table("zh_org_words.tsv")}


@lru_cache(maxsize=1)
def org_pattern() -> re.Pattern[str]:
    """An organisation's name after its place: a name, a group written in brackets (钢管(集团)有限公司), the word
    that ends it."""
    words = "|".join(sorted(org_words(), key=len, reverse=True))
    return re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,12}}?)(?P<group>[(（]?集团[)）]?)?(?P<word>{words})")


#: Atoms an organisation's own name may hold (电子科技 in 西安电子科技大学); others end it.
INSIDE_ORG = ("purpose", "campaign", "level", "ordinal")


def _organisations(text: str, atoms: list[Atom], gaz: Gazetteer) -> list[Atom]:
    """Organisations named by their own names after their place (内蒙古能源发电投资集团, 西安冶金建筑学院) as
    ``org`` atoms; an enterprise only where a post or a unit follows it (…集团董事长, …公司党委)."""
    starts = [a.start for a in atoms]  # in order: the atoms are sorted by where they start
    removed: set[int] = set()  # ids of the atoms an organisation's name holds
    orgs: list[Atom] = []
    for i, place in enumerate(atoms):
        if place.kind != "region" or not place.place.codes:
            continue
        m = org_pattern().match(text, place.end)
        if m is None:
            continue
        inside = atoms[bisect_left(starts, place.end) : bisect_left(starts, m.end())]
        if any(a.kind not in INSIDE_ORG for a in inside):
            continue
        row = org_words()[m.group("word")]
        at_end = atoms[bisect_left(starts, m.end()) : bisect_right(starts, m.end())]
        follows = [a for a in at_end if a.kind in ("title", "head")]
        if row["alone"] != "yes" and not follows and not text.startswith(post_markers(), m.end()):
            continue
        first = i
        while first > 0 and atoms[first - 1].kind == "region" and atoms[first - 1].end == atoms[first].start:
            first -= 1
        places = [a.place.codes[0] for a in atoms[first : i + 1] if a.place.codes]
        removed |= {id(a) for a in inside}  # an atom equal to one inside starts there too: it is inside
        orgs.append(
            Atom("org", place.end, m.end(), m.group(0), _proper(text[atoms[first].start : m.end()], m, places, gaz))
        )
    out = [a for a in atoms if id(a) not in removed] + orgs
    out.sort(key=lambda x: x.start)
    return out


def _proper(zh: str, m: re.Match[str], places: list[str], gaz: Gazetteer) -> ProperName:
    """The organisation's name: its key (the name without a legal form: …集团 and …集团有限公司 are one), and
    its English (places in English, the name in pinyin word by word, the ending word translated)."""
    from kgraph.extract.zh.lexicon import tokenizer
    from kgraph.extract.zh.names import pinyin_word
    from kgraph.ids import slug

    row = org_words()[m.group("word")]
    group = "集团" if m.group("group") else ""
    words = [pinyin_word(w) for w in tokenizer().cut(m.group("name"))]
    identity = m.group("name") + group + ("" if row["legal"] == "yes" else m.group("word"))
    en_words = [gaz.regions[c].en for c in places if c in gaz.regions] + words
    en_words += ["Group"] if group else []
    en = " ".join([*en_words, row["en"]])
    return ProperName(row["kind"], slug(" ".join(pinyin_word(w) for w in tokenizer().cut(identity))), en, zh)


#: Atoms a title may follow as the body or place that holds it.
HOLDING_KINDS = ("region", "head", "level", "national", "org")


@lru_cache(maxsize=1)
def post_markers() -> tuple[str, ...]:
    """Words between a body or place and its title that say how the post is held (原, 前, 时任), longest first."""
    from kgraph.lexicon import table

    return tuple(
        sorted((r["word"] for r in table("zh_post_words.tsv") if r["role"] == "marker"), key=len, reverse=True)
    )


def _markers(text: str, atoms: list[Atom]) -> list[Atom]:
    """A title keeps its body or place across a marker written between them (江西省人大常委会原副主任, 江西原副省长):
    the title atom spans the marker, whose text it keeps (the post is a former one)."""
    out = list(atoms)
    for i in range(1, len(out)):
        atom, prev = out[i], out[i - 1]
        if atom.kind != "title" or prev.kind not in HOLDING_KINDS:
            continue
        gap = text[prev.end : atom.start]
        if gap in post_markers():
            out[i] = Atom("title", prev.end, atom.end, gap + atom.text, atom.value)
    return out


def _atom(text: str, a: int, word: str, kind: str, value: object, gaz: Gazetteer, cuts: Container[int]) -> Atom | None:
    """The atom an automaton match makes, or None for a place name that is none here."""
    if kind == "region":
        codes = _region_codes(word, value, gaz, a, a + len(word), cuts)  # type: ignore[arg-type]
        if not codes or _inside_name(text, a, word, cuts):
            return None
        value = Place(codes=codes)
    return Atom(kind, a, a + len(word), word, value)


def _region_codes(word: str, codes: list[str], gaz: Gazetteer, a: int, b: int, cuts: Container[int]) -> list[str]:
    full = [c for c in codes if gaz.regions[c].zh == word]
    if full:
        return full
    # A short name ("宽城", "中山") must stand as its own word, and county-level districts' short
    # names (和平, 城关, 新华) are too common to trust at all.
    short = [c for c in codes if gaz.regions[c].kind != "district"]
    if short and not (_county_level(short, gaz) and common_place_word(word)) and a in cuts and b in cuts:
        return short
    return []


def _county_level(codes: list[str], gaz: Gazetteer) -> bool:
    return all(gaz.regions[c].level == "county" for c in codes)


def _inside_name(text: str, start: int, word: str, cuts: Container[int]) -> bool:
    """新安 in 张新安, 东方 in 刘东方: a short place name that is part of a personal name."""
    if len(word) > 2 or start == 0:
        return False
    for back in (1, 2):
        s = start - back
        if s >= 0 and name_at(text, s, cuts) >= back + len(word):
            return True
    return False


def _naming_order(text: str, atoms: list[Atom]) -> list[Atom]:
    """Put 中国共产党…委员会 and 政协…委员会 (the type before the place) in naming order."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if (isinstance(atom.value, Head) and atom.value.paths == (CPPCC,)) or (
            atom.kind == "national" and atom.value == CPPCC
        ):
            j, places = i + 1, []
            while j < len(atoms) and atoms[j].start == atoms[j - 1].end and atoms[j].kind in ("region", "ordinal"):
                places.append(atoms[j])
                j += 1
            if any(p.kind == "region" for p in places):
                end = places[-1].end
                if j < len(atoms) and atoms[j].text == COMMITTEE and atoms[j].start == end:
                    end, j = atoms[j].end, j + 1
                out += places
                out.append(Atom("head", atom.start, end, text[atom.start : end], Head((CPPCC,))))
                i = j
                continue
        if atom.text == COMMITTEE and _after_cpc(atoms, i):
            atom = Atom("head", atom.start, atom.end, COMMITTEE, Head((("party_committee",),)))
        out.append(atom)
        i += 1
    return out


def _after_cpc(atoms: list[Atom], i: int) -> bool:
    """Whether atoms[i] (委员会) follows 中共 and places directly (中共北京市委员会)."""
    j = i
    while j > 0 and atoms[j - 1].end == atoms[j].start and atoms[j - 1].kind == "region":
        j -= 1
    return j < i and j > 0 and atoms[j - 1].kind == "cpc" and atoms[j - 1].end == atoms[j].start


def whole_atoms(text: str) -> list[Atom]:
    """全省, 全市, 全县, 全区: the article's region of that level as a place."""
    levels = level_forms("zh")
    return [Atom("whole", m.start(), m.end(), m.group(0), levels[m.group(1)]) for m in WHOLE.finditer(text)]


def lower_atoms(text: str, after: Iterable[int] = ()) -> list[Atom]:
    """Places below the county by their suffix, as region atoms to be placed under their parent: after a
    delimiter (峄山镇、看庄镇), or written as an address right after a higher place (华池县南梁镇荔园堡村, where
    ``after`` holds the ends of the places found)."""
    from kgraph.extract.zh.lexicon import word_tags

    tags = word_tags()
    out: list[Atom] = []
    for m in lower_pattern().finditer(text):
        if not tags.get(m.group(1), "ns").startswith("ns"):
            continue  # 了解村, 所属村: a common word before the suffix is no place name
        out.append(_lower_atom(m))
    ends = deque(sorted(set(after) | {a.end for a in out}))
    done = {a.start for a in out}
    while ends:
        pos = ends.popleft()
        found = address_pattern().match(text, pos)
        if found is None or pos in done or common_place_word(found.group(1)) or common_place_word(found.group(0)):
            continue
        atom = _lower_atom(found)
        out.append(atom)
        done.add(pos)
        ends.append(atom.end)  # 南梁镇 then 荔园堡村
    return sorted(out, key=lambda a: a.start)


@lru_cache(maxsize=1)
def address_pattern() -> re.Pattern[str]:
    """A place below the county right after a higher one (南梁镇 after 华池县), not a body or title word."""
    suffixes = "|".join(sorted(level_words("zh"), key=len, reverse=True))
    return re.compile(rf"([\u4e00-\u9fff]{{2,3}}?)({suffixes})(?![长委政党])")


def _lower_atom(m: re.Match[str]) -> Atom:
    from kgraph.extract.zh.names import pinyin_word

    word = level_words("zh")[m.group(2)]
    en = f"{pinyin_word(m.group(1))} {word}"
    return Atom("region", m.start(), m.end(), m.group(0), Place(lower=(en, m.group(0), word)))


#: How often a word occurs in jieba's dictionary to be a common word rather than a place's name (资源 17453,
#: 延长 1229, 驿马 37, 正定 83).
COMMON_WORD = 500


def common_place_word(word: str) -> bool:
    """A word jieba's dictionary knows as common and no place (资源 n, 延长 v, 了解 v): a place by that name
    is one only with its level word (资源县)."""
    from kgraph.extract.zh.lexicon import tokenizer, word_tags

    tag = word_tags().get(word)
    freq = tokenizer().FREQ.get(word) or 0
    return tag is not None and not tag.startswith(("ns", "nr", "nz", "nt")) and freq >= COMMON_WORD
