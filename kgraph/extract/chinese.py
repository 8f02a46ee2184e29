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
from kgraph.extract.zh_lexicon import boundaries
from kgraph.facts import CONTAINED_IN, OFFICIAL, PERSON, Evidence, Facts
from kgraph.gazetteer import Gazetteer
from kgraph.text import Sentence, sentences

BYLINE = re.compile(r"(?:记者|通讯员|摄影|摄|文字报道|文字|文/图|图/文|撰稿|编译)\s*[:：]?\s*")
OUTLET = re.compile(r"(?:信息)?来源\s*[:：]\s*([\u4e00-\u9fffA-Za-z]{2,12}?)(?=\s|发布|日期|$)")
OUTLET_SUFFIX = {"日报": "Daily", "晚报": "Evening News", "晨报": "Morning News", "新闻网": "News Network",
                 "电视台": "TV", "网": "Online"}
QUOTED = re.compile(r"[“\"]([^“”\"]{2,16})[”\"]")
PROGRAMME = re.compile(r"(?:经验|战略|工程|行动|机制|模式|工作法|计划|体系|活动|建设|部署)")
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
        cuts = boundaries(text)
        sents = sentences(text, "zh")
        self._bylines(article, facts, make, cuts, sents)

        per_sentence = []
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        for s in sents:
            local_cuts = {c - s.start for c in cuts if s.start <= c <= s.end}
            atoms = bodies_zh.find_atoms(s.text, gaz, local_cuts)
            per_sentence.append((s, atoms, local_cuts))
            for a in atoms:
                if a.kind == "region":
                    code = gaz.choose(a.value, [])  # type: ignore[arg-type]
                    if code:
                        counts[code] += 1
                        first_seen.setdefault(code, s.start + a.start)
        ctx = build_context(gaz, counts, first_seen)
        relations = RelationBuilder(facts, gaz, ctx)
        carried = None
        unambiguous = [c for c in counts]
        for s, atoms, local_cuts in per_sentence:
            ev = Evidence(article.id, s.start, s.end, s.text)
            bodies, addresses = bodies_zh.parse(s.text, atoms, ctx, gaz)
            regions = []
            for a in atoms:
                if a.kind == "region":
                    code = gaz.choose(a.value, unambiguous)  # type: ignore[arg-type]
                    if code:
                        make.region(code, ev)
                        regions.append((s.start + a.start, code))
            for inner, outer in addresses:
                relations.add(CONTAINED_IN, f"region/{inner}", f"region/{outer}", ev)
            regions += self._lower_regions(s, gaz, make, ev, ctx)
            body_keys = [(s.start + b.start, make.body(b.ref, ev)) for b in bodies if b.ref is not None]
            for ref in relations.unowned_units(s, bodies):
                body_keys.append((s.start, make.body(ref, ev)))
            posts, names, carried = posts_zh.find_posts(s.text, atoms, bodies, local_cuts, ctx, carried)
            keys = {}
            for n in names:
                zh = s.text[n.start : n.end]
                keys[n.start] = make.person(romanize(zh), OFFICIAL, ev, zh=zh)
            for p in posts:
                relations.holds_post(keys[p.start], make.body(p.body, ev), p.title, ev)
            campaigns = [(s.start + pos, make.campaign(c, ev, zh_surface=zh)) for pos, c, zh in self._campaigns(s, atoms)]
            relations.sentence(s, ev, regions, body_keys, campaigns)
        relations.finish()
        return facts

    def _bylines(self, article: Article, facts: Facts, make: EntityFactory, cuts: set[int],
                 sents: list[Sentence]) -> None:
        text = article.text
        for m in BYLINE.finditer(text):
            pos = m.end()
            while True:
                length = name_at(text, pos, cuts, loose=True)
                if not length:
                    break
                zh = text[pos : pos + length]
                ev = next((Evidence(article.id, s.start, s.end, s.text) for s in sents if s.start <= pos < s.end), None)
                key = make.person(romanize(zh), PERSON, ev, role="reporter", zh=zh)
                if key not in facts.authors:
                    facts.authors.append(key)
                article.bylines.append(Byline(zh, "reporter", pos, pos + length))
                pos += length
                while text[pos : pos + 1] in (" ", "、", "\u3000"):
                    pos += 1
        for m in OUTLET.finditer(text):
            zh = m.group(1)
            make.outlet(_outlet_en(zh), None, zh=zh)
            article.outlets.append(zh)

    def _lower_regions(self, s: Sentence, gaz: Gazetteer, make: EntityFactory, ev: Evidence, ctx) -> list[tuple[int, str]]:
        """Towns, townships, streets and communities by their suffix: 峄山镇、看庄镇."""
        out = []
        for m in re.finditer(r"(?<![\u4e00-\u9fff]{3})([\u4e00-\u9fff]{2,3})(镇|乡|街道|社区)(?![\u4e00-\u9fff]*[长委])", s.text):
            if m.group(2) in ("镇", "乡") and m.start() > 0 and "\u4e00" <= s.text[m.start() - 1] <= "\u9fff":
                continue
            word = {"镇": "Town", "乡": "Township", "街道": "Subdistrict", "社区": "Community"}[m.group(2)]
            parent = ctx.region_for("county") or ctx.region_for("district") or ctx.region_for("city") or ctx.home
            if not parent:
                continue
            en = f"{pinyin_label(m.group(1)).replace(' ', '')} {word}"
            region = gaz.lower_region(en, m.group(0), word, parent)
            make.region(region.code, ev)
            out.append((s.start + m.start(), region.code))
        return out

    @staticmethod
    def _campaigns(s: Sentence, atoms: list[bodies_zh.Atom]) -> list[tuple[int, CampaignMatch, str]]:
        out = [(a.start, CampaignMatch(str(a.value), a.text, a.start, a.end), a.text) for a in atoms if a.kind == "campaign"]
        known = {a.start for a in atoms if a.kind == "campaign"}
        for m in QUOTED.finditer(s.text):
            inner = m.group(1)
            if any(m.start() <= k < m.end() for k in known):
                continue
            follows = PROGRAMME.match(s.text, m.end())
            if NUMBERED.match(inner) or PROGRAMME.search(inner) or follows:
                label = pinyin_label(inner)
                key = "zh_" + re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
                out.append((m.start(), CampaignMatch(key, label, m.start(), m.end(), discovered=True), inner))
        return sorted(out, key=lambda x: x[0])


def _outlet_en(zh: str) -> str:
    for suffix, en in OUTLET_SUFFIX.items():
        if zh.endswith(suffix) and len(zh) > len(suffix):
            return f"{pinyin_label(zh[: -len(suffix)]).replace(' ', '')} {en}"
    return pinyin_label(zh)
