"""The Chinese extractor: one article in, its Facts out, on the same ids as the English one.

jieba (with kgraph's words) segments the article once; the atoms (regions,
body heads, titles, central bodies, campaigns) come from one trie over the
lexicons, and jieba's cuts decide only where a personal name ends.
"""

from __future__ import annotations

import re
from collections import Counter

from kgraph.article import Article, Byline
from kgraph.extract import bodies_zh, posts_zh
from kgraph.extract.campaigns_en import CampaignMatch
from kgraph.extract.context import build_context
from kgraph.extract.entities import EntityFactory
from kgraph.extract.names_zh import name_at, pinyin_label, romanize
from kgraph.extract.relations import RelationBuilder
from kgraph.extract.zh_lexicon import Cuts
from kgraph.facts import CONTAINED_IN, OFFICIAL, PERSON, Evidence, Facts
from kgraph.gazetteer import Gazetteer
from kgraph.text import Sentence, sentences

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
QUOTED = re.compile(r"[“\"]([^“”\"]{2,16})[”\"]")
PROGRAMME = re.compile(r"(?:经验|战略|工程|行动|机制|模式|工作法|计划|体系|活动|建设|部署)")
LOWER = re.compile(
    r"(?:^|(?<=[、,，。;；:：(（ 对在到和与及]))(?![对在到和与及])"  # a place name starts after a delimiter
    r"([\u4e00-\u9fff]{2,3}?)(镇|乡|街道|社区)(?![长委政党])"
)
HOLDS = re.compile(r"(?:主持)?(?:召开|举行|举办)")
OBJECT = re.compile(r"对([^，,。；;]{2,60}?)(?:开展|进行|实施|展开)")
NOT_OUTLET = ("本站", "本网", "原创", "网络")
WHOLE = {"全省": "province", "全市": "city", "全县": "county", "全区": "district"}
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百千万两双]|\d)")


class ChineseExtractor:
    """Extracts Facts from Chinese articles; build once, call per article."""

    lang = "zh"

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    def __call__(self, article: Article) -> Facts:
        facts = Facts(article)
        gaz = self.gaz.child()
        make = EntityFactory(gaz, facts)
        text = article.text
        cuts = Cuts(text)
        sents = sentences(text, "zh")
        byline_starts = self._bylines(article, facts, make, cuts, sents)

        per_sentence = []
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        for s in sents:
            local_cuts = Cuts(s.text)
            atoms = bodies_zh.find_atoms(s.text, gaz, local_cuts)
            places = [a for a in atoms if a.kind == "region" and not self._inside_name(s.text, a, local_cuts)]
            per_sentence.append((s, atoms, places, local_cuts))
            for a in places:
                code = gaz.choose(a.value, [])  # type: ignore[arg-type]
                if code:
                    counts[code] += 1
                    first_seen.setdefault(code, s.start + a.start)
        ctx = build_context(gaz, counts, first_seen)
        relations = RelationBuilder(facts, gaz, ctx, nearest_actor=True)
        relations.objects = [(m.start(1), m.end(1)) for m in OBJECT.finditer(text)]
        carried = None
        unambiguous = list(counts)
        for s, atoms, places, local_cuts in per_sentence:
            ev = Evidence(article.id, s.start, s.end, s.text)
            bodies, addresses = bodies_zh.parse(s.text, atoms, ctx, gaz)
            regions = []
            for a in places:
                code = gaz.choose(a.value, unambiguous)  # type: ignore[arg-type]
                if code:
                    make.region(code, ev)
                    regions.append((s.start + a.start, code))
            for m in re.finditer("全[省市县区]", s.text):
                code = ctx.region_for(WHOLE[m.group(0)])
                if code:
                    make.region(code, ev)
                    regions.append((s.start + m.start(), code))
            for inner, outer in addresses:
                relations.add(CONTAINED_IN, f"region/{inner}", f"region/{outer}", ev)
            regions += self._lower_regions(s, gaz, make, ev, ctx)
            body_keys = [(s.start + b.start, make.body(b.ref, ev)) for b in bodies if b.ref is not None]
            for pos, ref in relations.unowned_units(s, bodies):
                body_keys.append((s.start + pos, make.body(ref, ev)))
            posts, names, carried = posts_zh.find_posts(s.text, atoms, bodies, local_cuts, ctx, carried)
            names = [n for n in names if s.start + n.start not in byline_starts]
            keys = {}
            for n in names:
                zh = s.text[n.start : n.end]
                keys[n.start] = make.person(romanize(zh), OFFICIAL, ev, zh=zh)
            for p in posts:
                relations.holds_post(keys[p.start], make.body(p.body, ev), p.title, ev)
            campaigns = [
                (s.start + pos, make.campaign(c, ev, zh_surface=zh)) for pos, c, zh in self._campaigns(s, atoms)
            ]
            if relations.article_subject is None:
                relations.article_subject = self._meeting_holder(s, bodies)
            relations.sentence(s, ev, regions, body_keys, campaigns)
        relations.finish()
        return facts

    def _bylines(
        self, article: Article, facts: Facts, make: EntityFactory, cuts: Cuts, sents: list[Sentence]
    ) -> set[int]:
        """Credited reporters (persons and authors) and outlets; returns where the names start."""
        text = article.text
        starts: set[int] = set()
        for m in BYLINE.finditer(text):
            pos = m.end()
            while not BYLINE.match(text, pos):
                length = name_at(text, pos, cuts, loose=True)
                if not length:
                    break
                zh = text[pos : pos + length]
                ev = next((Evidence(article.id, s.start, s.end, s.text) for s in sents if s.start <= pos < s.end), None)
                key = make.person(romanize(zh), PERSON, ev, role="reporter", zh=zh)
                if key not in facts.authors:
                    facts.authors.append(key)
                article.bylines.append(Byline(zh, "reporter", pos, pos + length))
                starts.add(pos)
                pos += length
                while text[pos : pos + 1] in (" ", "、", "\u3000"):
                    pos += 1
        for m in OUTLET.finditer(text):
            zh = m.group(1)
            if zh.startswith(NOT_OUTLET):
                continue
            make.outlet(_outlet_en(zh), None, zh=zh)
            article.outlets.append(zh)
        return starts

    def _lower_regions(
        self, s: Sentence, gaz: Gazetteer, make: EntityFactory, ev: Evidence, ctx
    ) -> list[tuple[int, str]]:
        """Towns, townships, streets and communities by their suffix: 峄山镇、看庄镇."""
        out = []
        for m in LOWER.finditer(s.text):
            word = {"镇": "Town", "乡": "Township", "街道": "Subdistrict", "社区": "Community"}[m.group(2)]
            # Under the most local region the article names; China when it names none.
            parent = ctx.region_for("county") or ctx.region_for("district") or ctx.region_for("city") or ctx.home
            parent = parent or "100000"
            en = f"{pinyin_label(m.group(1)).replace(' ', '')} {word}"
            region = gaz.lower_region(en, m.group(0), word, parent)
            make.region(region.code, ev)
            out.append((s.start + m.start(), region.code))
        return out

    @staticmethod
    def _meeting_holder(s: Sentence, bodies: list) -> str | None:
        """The body that holds the meeting: 区政协党组召开…, 县委书记张成主持召开…常委会."""
        for b in sorted((b for b in bodies if b.ref is not None), key=lambda b: (b.start, -len(b.ref.path))):
            if HOLDS.match(s.text, b.end):
                return b.ref.key
        for m in HOLDS.finditer(s.text):
            after = [b for b in bodies if b.ref is not None and b.start >= m.end()]
            if after:
                return max(after, key=lambda b: (-b.start, len(b.ref.path))).ref.key
        return None

    @staticmethod
    def _inside_name(text: str, atom: bodies_zh.Atom, cuts: Cuts) -> bool:
        """新安 in 张新安, 东方 in 刘东方: a short region name that is part of a personal name."""
        if len(atom.text) > 2 or atom.start == 0:
            return False
        for back in (1, 2):
            s = atom.start - back
            if s >= 0 and name_at(text, s, cuts) >= back + len(atom.text):
                return True
        return False

    @staticmethod
    def _campaigns(s: Sentence, atoms: list[bodies_zh.Atom]) -> list[tuple[int, CampaignMatch, str]]:
        out = [
            (a.start, CampaignMatch(str(a.value), a.text, a.start, a.end), a.text)
            for a in atoms
            if a.kind == "campaign"
        ]
        known = {a.start for a in atoms if a.kind == "campaign"}
        for m in QUOTED.finditer(s.text):
            inner = m.group(1)
            if any(m.start() <= k < m.end() for k in known):
                continue
            follows = PROGRAMME.match(s.text, m.end())
            if (NUMBERED.match(inner) and (len(inner) >= 4 or inner.isdigit())) or PROGRAMME.search(inner) or follows:
                label = pinyin_label(inner)
                key = "zh_" + re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
                out.append((m.start(), CampaignMatch(key, label, m.start(), m.end(), discovered=True), inner))
        return sorted(out, key=lambda x: x[0])


def _outlet_en(zh: str) -> str:
    for suffix, en in OUTLET_SUFFIX.items():
        if zh.endswith(suffix) and len(zh) > len(suffix):
            return f"{pinyin_label(zh[: -len(suffix)]).replace(' ', '')} {en}"
    return pinyin_label(zh)
