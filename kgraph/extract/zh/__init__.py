"""The Chinese pack: Chinese originals of party-state media.

Chinese writes no spaces: atoms come from one automaton over the lexicons,
jieba's cuts decide only where a personal name or a short place name ends,
bodies are written in naming order (贵州省委常委会), and the actor of a
campaign stands right before it (省委“1310”具体部署).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from kgraph.article import Article
from kgraph.dates import PartialDate, article_date
from kgraph.extract.actors import NearestActor
from kgraph.extract.atoms import Atom
from kgraph.extract.campaigns import CampaignMatch, discovered_key
from kgraph.extract.chains import BREAK, JUXT, BodyMention
from kgraph.extract.pack import Credit, Outlet, Pack, Reading
from kgraph.extract.packs import register
from kgraph.extract.posts import Holder
from kgraph.extract.spans import SpanIndex
from kgraph.extract.zh import atoms as zh_atoms
from kgraph.extract.zh import posts
from kgraph.extract.zh.dates import Clock, last_date
from kgraph.extract.zh.lexicon import Cuts
from kgraph.extract.zh.names import name_at, pinyin_label, pinyin_word, romanize
from kgraph.gazetteer import Gazetteer
from kgraph.naming import BodyRef
from kgraph.text import Sentence, sentences

ZH_END = re.compile(r"(?<=[。！？；])[”’）)]*|\n+")
BYLINE = re.compile(r"(?:记者|通讯员|摄影|摄|文字报道|文字|文/图|图/文|撰稿|编译)\s*[:：]?\s*")
OUTLET = re.compile(r"(?:信息)?来源\s*[:：]\s*([\u4e00-\u9fffA-Za-z]{2,12}?)(?=\s|发布|日期|$)")
OUTLET_SUFFIX = {
    "日报": "Daily",
    "晚报": "Evening News",
    "晨报": "Morning News",
    "新闻网": "News Network",
    "电视台": "TV",
    "网": "Online",
}
NOT_OUTLET = ("本站", "本网", "原创", "网络")
QUOTED = re.compile(r"[“\"]([^“”\"]{2,16})[”\"]")
PROGRAMME = re.compile(r"(?:经验|战略|工程|行动|机制|模式|工作法|计划|体系|活动|建设|部署)")
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百千万两双]|\d)")
HOLDS = re.compile(r"(?:主持)?(?:召开|举行|举办)")
OBJECT = re.compile(r"对([^，,。；;]{2,60}?)(?:开展|进行|实施|展开)")
SUPERVISION_VERB = re.compile(r"(?:指导|督导|巡察|巡视)(?![组团])")
BYLINE_GAP = (" ", "、", "\u3000")


@dataclass
class ChineseReading(Reading):
    cuts: Cuts | None = None  # jieba's cuts over the whole text, for bylines
    sentence_cuts: dict[int, Cuts] = field(default_factory=dict)  # by sentence start
    last_dates: dict[int, PartialDate | None] = field(default_factory=dict)  # by sentence start
    starts: list[int] = field(default_factory=list)  # of the sentences, in order
    carries: dict[int, PartialDate | None] = field(default_factory=dict)  # by sentence index: see :meth:`carried`

    def cuts_of(self, s: Sentence) -> Cuts:
        if s.start not in self.sentence_cuts:
            self.sentence_cuts[s.start] = Cuts(s.text)
        return self.sentence_cuts[s.start]

    def clock(self, s: Sentence) -> Clock:
        """The dates of a sentence, with the last date the sentences before it in its paragraph gave (found
        only where the sentence gives none)."""
        anchor = article_date(self.article.date)

        def carried() -> PartialDate | None:
            if not self.starts:
                self.starts = [other.start for other in self.sentences]
            return self.carried(bisect_left(self.starts, s.start), s.paragraph, anchor)

        return Clock(s.text, anchor, carried)

    def carried(self, i: int, paragraph: int, anchor: dt.date | None) -> PartialDate | None:
        """The last date the sentences before sentence ``i`` in its ``paragraph`` gave, read back from it; what
        each sentence carries is kept, so a paragraph of many sentences without dates is read back once."""
        walked: list[int] = []
        found: PartialDate | None = None
        j = i - 1
        while j >= 0 and self.sentences[j].paragraph == paragraph:
            if j + 1 in self.carries:  # what sentence j + 1 carries is what j gives, else what j carries
                found = self.carries[j + 1]
                break
            walked.append(j + 1)
            other = self.sentences[j]
            if other.start not in self.last_dates:
                self.last_dates[other.start] = last_date(other.text, anchor)
            if self.last_dates[other.start] is not None:
                found = self.last_dates[other.start]
                break
            j -= 1
        for k in walked:
            self.carries[k] = found
        return found


@register("zh")
class Chinese(Pack):
    script = re.compile(r"[\u3400-\u9fff]")
    script_weight = 5.0
    actor_rule = NearestActor()
    supervision_verb = SUPERVISION_VERB
    owner_after = False

    def read(self, article: Article) -> ChineseReading:
        return ChineseReading(article, article.text, sentences(article.text, ZH_END), Cuts(article.text))

    def bylines(self, reading: Reading) -> tuple[list[Credit], list[Outlet]]:
        """Credited reporters (记者 刘菲菲 武红利) and outlets (来源:泉州晚报)."""
        assert isinstance(reading, ChineseReading) and reading.cuts is not None
        text = reading.text
        credits: list[Credit] = []
        for m in BYLINE.finditer(text):
            pos = m.end()
            while not BYLINE.match(text, pos):
                length = name_at(text, pos, reading.cuts, loose=True)
                if not length:
                    break
                zh = text[pos : pos + length]
                credits.append(Credit(romanize(zh), zh, "reporter", pos, pos + length))
                pos += length
                while text[pos : pos + 1] in BYLINE_GAP:
                    pos += 1
        outlets = [
            Outlet(_outlet_en(m.group(1)), m.group(1), m.group(1))
            for m in OUTLET.finditer(text)
            if not m.group(1).startswith(NOT_OUTLET)
        ]
        return credits, outlets

    def atoms(self, reading: Reading, s: Sentence, gaz: Gazetteer) -> list[Atom]:
        assert isinstance(reading, ChineseReading)
        found = zh_atoms.find_atoms(s.text, gaz, reading.cuts_of(s))
        places = {a.end for a in found if a.kind == "region"}
        extra = zh_atoms.whole_atoms(s.text) + zh_atoms.lower_atoms(s.text, places)
        taken = SpanIndex((a.start, a.end) for a in found if a.kind != "level")
        return _merge(found, [x for x in extra if not taken.overlaps(x.start, x.end)])

    def campaigns(self, reading: Reading, s: Sentence, atoms: list[Atom], gaz: Gazetteer) -> list[CampaignMatch]:
        """Lexicon campaigns, and quoted names the text treats as programmes: numbered formulas
        (“四下基层”), names with a programme word (“晋江经验”) or followed by one (“1310”具体部署)."""
        out = [CampaignMatch(str(a.value), a.text, a.start, a.end, zh=a.text) for a in atoms if a.kind == "campaign"]
        known = sorted(a.start for a in atoms if a.kind == "campaign")
        for m in QUOTED.finditer(s.text):
            inner = m.group(1)
            if bisect_left(known, m.start()) < bisect_left(known, m.end()):  # a lexicon campaign starts inside
                continue
            follows = PROGRAMME.match(s.text, m.end())
            if (NUMBERED.match(inner) and (len(inner) >= 4 or inner.isdigit())) or PROGRAMME.search(inner) or follows:
                label = pinyin_label(inner)
                key = discovered_key(label, "zh_")
                out.append(CampaignMatch(key, label, m.start(), m.end(), discovered=True, zh=inner))
        return sorted(out, key=lambda c: c.start)

    def link(self, gap: str) -> str:
        """Touching atoms, or atoms with a marker between them (河南省原省委常委: former), are one name."""
        return JUXT if gap == "" or gap in zh_atoms.post_markers() else BREAK

    def address(self, gap: str) -> bool:
        return gap == ""

    def holders(self, reading: Reading, s: Sentence, atoms: list[Atom], bodies: list[BodyMention]) -> list[Holder]:
        assert isinstance(reading, ChineseReading)
        return posts.holders(s.text, atoms, bodies, reading.cuts_of(s), lambda: reading.clock(s))

    def meeting_holder(self, reading: Reading, s: Sentence, bodies: list[BodyMention]) -> BodyRef | None:
        """The body that holds the meeting: 区政协党组召开…, 县委书记张成主持召开…常委会."""
        named = [b for b in bodies if b.ref is not None]
        for b in sorted(named, key=lambda b: (b.start, -len(b.ref.path))):  # type: ignore[union-attr]
            if HOLDS.match(s.text, b.end):
                return b.ref
        for m in HOLDS.finditer(s.text):
            after = [b for b in named if b.start >= m.end()]
            if after:
                return max(after, key=lambda b: (-b.start, len(b.ref.path))).ref  # type: ignore[union-attr]
        return None

    def objects(self, reading: Reading) -> list[tuple[int, int]]:
        """对…开展: the bodies and places named between are acted on."""
        return [(m.start(1), m.end(1)) for m in OBJECT.finditer(reading.text)]


def _merge(atoms: list[Atom], extra: list[Atom]) -> list[Atom]:
    """Insert ``extra`` atoms by position into atoms in naming order: each before the first atom that starts
    after it (the first whose start passes the furthest start so far)."""
    if not extra:
        return list(atoms)
    furthest = list(accumulate((a.start for a in atoms), max))
    before: dict[int, list[Atom]] = {}  # by the index of the atom each goes before
    for x in sorted(extra, key=lambda a: a.start):
        before.setdefault(bisect_right(furthest, x.start), []).append(x)
    out: list[Atom] = []
    for i, a in enumerate(atoms):
        out += before.get(i, [])
        out.append(a)
    return out + before.get(len(atoms), [])


def _outlet_en(zh: str) -> str:
    for suffix, en in OUTLET_SUFFIX.items():
        if zh.endswith(suffix) and len(zh) > len(suffix):
            return f"{pinyin_word(zh[: -len(suffix)])} {en}"
    return pinyin_label(zh)
