"""The English extractor: one article in, its Facts out.

Order matters and is the same for every article: bylines, then regions
(so that context is known), then per sentence bodies, officials with their
posts, and campaigns; relations last, from what was found.
"""

from __future__ import annotations

from collections import Counter

from kgraph.article import Article, Byline
from kgraph.extract import bodies_en, campaigns_en, posts_en
from kgraph.extract.bylines import find_bylines
from kgraph.extract.context import Context, build_context
from kgraph.extract.entities import EntityFactory
from kgraph.extract.pinyin_names import find_names
from kgraph.extract.regions_en import RegionMatch, find_regions
from kgraph.extract.relations import RelationBuilder
from kgraph.facts import OFFICIAL, PERSON, Evidence, Facts
from kgraph.gazetteer import Gazetteer
from kgraph.text import Sentence, sentences


class EnglishExtractor:
    """Extracts Facts from English articles; build once, call per article."""

    lang = "en"

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    def __call__(self, article: Article) -> Facts:
        facts = Facts(article)
        gaz = self.gaz.child()
        make = EntityFactory(gaz, facts)
        sents = sentences(article.text, "en")

        bylines, outlets = find_bylines(article.text)
        byline_spans = set()
        for b in bylines:
            ev = _evidence(article, sents, b.name.start)
            key = make.person(b.name.name, PERSON, ev, role=b.role)
            if key not in facts.authors:
                facts.authors.append(key)
            article.bylines.append(Byline(b.name.name, b.role, b.name.start, b.name.end))
            byline_spans.add((b.name.start, b.name.end))
        for outlet in outlets:
            make.outlet(outlet, _evidence(article, sents, article.text.find(outlet)))
        article.outlets = outlets

        # Regions first: they give the context that bare references resolve against.
        per_sentence: list[tuple[Sentence, list[RegionMatch]]] = []
        names_found = find_names(article.text)
        name_spans = [(n.start, n.end) for n in names_found]
        for s in sents:
            found = find_regions(s.text, gaz, s.start)
            blocked = name_spans + [(s.start + a, s.start + b) for a, b in bodies_en.national_spans(s.text)]
            found = [m for m in found if not any(a < m.end and m.start < b for a, b in blocked)]
            per_sentence.append((s, found))
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}

        def is_region(name: str) -> bool:
            return any(gaz.regions[c].level in ("province", "prefecture") for c in gaz.lookup_en(name))

        sentence_campaigns = [campaigns_en.find_campaigns(s.text, s.start, is_region) for s in sents]
        campaign_spans = [
            (c.start, c.end)
            for found in sentence_campaigns
            for c in found
            if not c.key.startswith(("safe_", "rule_of_law_in_"))
        ]
        unambiguous = [m.codes[0] for _, ms in per_sentence for m in ms if len(m.codes) == 1]
        for _, ms in per_sentence:
            for m in ms:
                if m.codes:
                    m.codes = [gaz.choose(m.codes, unambiguous) or m.codes[0]]
                    inside = any(a <= m.start < b for a, b in campaign_spans)
                    if not inside:
                        counts[m.codes[0]] += 1
                        first_seen.setdefault(m.codes[0], m.start)
        ctx = build_context(gaz, counts, first_seen)

        relations = RelationBuilder(facts, gaz, ctx)
        carried = None
        for (s, matches), found_campaigns in zip(per_sentence, sentence_campaigns):
            ev = Evidence(article.id, s.start, s.end, s.text)
            region_spans = self._regions(s, matches, gaz, ctx, make, ev, relations)
            local = [(a - s.start, b - s.start, code) for a, b, code in region_spans]
            atoms = bodies_en.find_atoms(s.text.replace("’", "'"), local)
            bodies = bodies_en.parse(s.text.replace("’", "'"), atoms, ctx)
            body_keys = []
            for b in bodies:
                if b.ref is not None:
                    body_keys.append((b.start + s.start, make.body(b.ref, ev)))
            for pos, ref in relations.unowned_units(s, bodies):
                body_keys.append((s.start + pos, make.body(ref, ev)))
            names = [n for n in names_found if s.start <= n.start < s.end and (n.start, n.end) not in byline_spans]
            posts, carried = posts_en.find_posts(
                s.text.replace("’", "'"),
                [(n.start - s.start, n.end - s.start) for n in names],
                bodies,
                local,
                ctx,
                carried,
            )
            name_keys = {}
            for n in names:
                name_keys[n.start - s.start] = make.person(n.name, OFFICIAL, ev)
            for p in posts:
                body_key = make.body(p.body, ev, mention=True)
                relations.holds_post(name_keys[p.name_start], body_key, p.title, ev)
            campaigns = [(c.start, make.campaign(c, ev)) for c in found_campaigns]
            relations.sentence(s, ev, [(a, code) for a, _, code in region_spans], body_keys, campaigns)
        relations.finish()
        return facts

    def _regions(
        self,
        s: Sentence,
        matches: list[RegionMatch],
        gaz: Gazetteer,
        ctx: Context,
        make: EntityFactory,
        ev: Evidence,
        relations: RelationBuilder,
    ) -> list[tuple[int, int, str]]:
        """Record the sentence's regions; returns (start, end, code) spans in article offsets."""
        spans: list[tuple[int, int, str]] = []
        for idx, m in enumerate(matches):
            if m.codes:
                code = m.codes[0]
            elif m.lower:
                parent = self._lower_parent(matches, idx, s, ctx)
                code = gaz.lower_region(m.lower[0], "", m.lower[1], parent).code
            elif m.feature:
                code = gaz.feature(m.surface, "", ctx.home or "100000").code
            else:
                continue
            make.region(code, ev, surface=m.surface)
            spans.append((m.start, m.end, code))
        relations.addresses(s, spans, ev)
        return spans

    @staticmethod
    def _lower_parent(matches: list[RegionMatch], idx: int, s: Sentence, ctx: Context) -> str:
        """A township's parent: the region written just before it ("Shanghai Hongqiao Street"), else the
        most local region of the article."""
        if idx > 0 and matches[idx - 1].codes and matches[idx].start - matches[idx - 1].end <= 2:
            return matches[idx - 1].codes[0]
        if idx + 1 < len(matches) and matches[idx + 1].codes and 0 <= matches[idx + 1].start - matches[idx].end <= 3:
            return matches[idx + 1].codes[0]
        return ctx.region_for("county") or ctx.region_for("district") or ctx.home or "100000"


def _evidence(article: Article, sents: list[Sentence], pos: int) -> Evidence | None:
    for s in sents:
        if s.start <= pos < s.end:
            return Evidence(article.id, s.start, s.end, s.text)
    return None
