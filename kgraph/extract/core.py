"""The extraction core: one article in, its Facts out, the same stages for every language.

Stage order, fixed for every language:

1. bylines: credited persons (authors, never officials) and outlets;
2. atoms of every sentence, places among them, and campaigns;
3. context: which region the article's bare references mean;
4. per sentence: places, bodies (one chain parser), officials and their posts
   (one post rule), campaigns, and the relations the sentence states.

A :class:`~kgraph.extract.pack.Pack` supplies what differs between
languages. Extraction is a pure function of the article, the pack and the
gazetteer: the article is not changed, and places found below the county go
into a per-article view of the gazetteer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from kgraph.article import Article
from kgraph.extract import careers, chains, posts
from kgraph.extract.atoms import Atom
from kgraph.extract.campaigns import CampaignMatch, dated, lexicon
from kgraph.extract.careers import Held
from kgraph.extract.chains import BodyMention
from kgraph.extract.context import Context, build_context
from kgraph.extract.entities import EntityFactory
from kgraph.extract.pack import Pack
from kgraph.extract.relations import SentenceRelations
from kgraph.extract.spans import SpanIndex
from kgraph.facts import BODY, OFFICIAL, PERSON, REGION, Byline, Evidence, Facts
from kgraph.gazetteer import CHINA, Gazetteer, place_levels, shared
from kgraph.naming import BodyRef
from kgraph.structure import unit_links
from kgraph.text import Sentence

#: Levels of places, highest first: a place lies only in one of a higher level.
LEVELS = ("country", "province", "prefecture", "county", "township", "community")


class Extractor:
    """Extracts Facts with one language pack; build once, call per article."""

    def __init__(self, pack: Pack, gaz: Gazetteer | None = None):
        self.pack = pack
        self.gaz = gaz or shared()

    def __call__(self, article: Article) -> Facts:
        return _Run(self.pack, self.gaz.child(), article).facts


class _Run:
    """The state of extracting one article."""

    def __init__(self, pack: Pack, gaz: Gazetteer, article: Article):
        self.pack, self.gaz = pack, gaz
        self.facts = Facts(article)
        self.make = EntityFactory(gaz, self.facts)
        self.reading = pack.read(article)
        self.sentence_starts: list[int] = []
        self.bylines()
        analysed = [self.analyse(s) for s in self.reading.sentences]
        self.hidden: dict[int, SpanIndex] = {}  # by sentence start: spans whose places only quote
        self.ctx = self.context(analysed)
        self.relations = SentenceRelations(self.facts, gaz, pack.actor_rule, pack.supervision_verb)
        self.relations.discourse.objects = SpanIndex(pack.objects(self.reading))
        self.carried: BodyRef | None = None
        self.seen = posts.Seen()  # bodies named so far
        self.people: list[tuple[str, str]] = []  # officials named so far, in order: (English name, key)
        self.paragraph = -1
        self.held: list[Held] = []  # every post given to a person, in the order of the text
        for s, atoms, campaigns in analysed:
            self.sentence(s, atoms, campaigns)
        self.facts.post_times = careers.times(self.held)
        self.implied()

    def evidence(self, s: Sentence) -> Evidence:
        return Evidence(self.facts.article.id, s.start, s.end, s.text)

    def evidence_at(self, pos: int) -> Evidence | None:
        """The sentence around ``pos``, found by bisection (sentences are in order and do not overlap)."""
        sentences = self.reading.sentences
        if len(self.sentence_starts) != len(sentences):
            self.sentence_starts = [s.start for s in sentences]
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.evidence(sentences[i]) if i >= 0 and pos < sentences[i].end else None

    # 1. bylines
    def bylines(self) -> None:
        credits, outlets = self.pack.bylines(self.reading)
        self.byline_starts = {c.start for c in credits}
        for c in credits:
            key = self.make.person(c.name, PERSON, self.evidence_at(c.start), role=c.role, zh=c.zh)
            if key not in self.facts.authors:
                self.facts.authors.append(key)
            self.facts.bylines.append(Byline(c.zh or c.name, c.role, c.start, c.end))
        for o in outlets:
            self.make.outlet(o.name, self.evidence_at(o.start) if o.start >= 0 else None, zh=o.zh)
            self.facts.outlets.append(o.surface or o.zh or o.name)

    # 2. atoms and campaigns
    def analyse(self, s: Sentence) -> tuple[Sentence, list[Atom], list[CampaignMatch]]:
        atoms = self.pack.atoms(self.reading, s, self.gaz)
        return s, atoms, self.pack.campaigns(self.reading, s, atoms, self.gaz)

    # 3. context
    def context(self, analysed: list[tuple[Sentence, list[Atom], list[CampaignMatch]]]) -> Context:
        """Choose each listed place among its namesakes, then count the places the text names to find what
        "the province", 市委, "the county" mean. Places inside a campaign's name or a document's title count
        only where the article names no other (the Hebi regulations of an article about Hebi), and a region's
        own programme only where it names no place at all (the Eight-Eight Strategy: Zhejiang)."""
        places = [a.place for _, atoms, _ in analysed for a in atoms if a.kind == "region" and a.place.codes]
        unambiguous = [p.codes[0] for p in places if len(p.codes) == 1]
        counts: Counter[str] = Counter()
        quoted: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        for s, atoms, campaigns in analysed:
            hidden = self.hidden[s.start] = SpanIndex(self.hide(s, campaigns))
            prev: Atom | None = None
            for a in atoms:
                if a.kind != "region":
                    continue
                if a.place.codes:
                    near = prev.place.codes if prev is not None and self.joined(s, prev, a) else []
                    a.place.codes = [self.choose(a.place.codes, near, unambiguous)]
                    (quoted if hidden.covers(a.start) else counts)[a.place.codes[0]] += 1
                    first_seen.setdefault(a.place.codes[0], s.start + a.start)
                prev = a
        for counted in (counts, quoted, self.campaign_regions(analysed)):
            if any(self.gaz.regions[c].level in ("province", "prefecture", "county") for c in counted):
                return build_context(self.gaz, counted, first_seen)
        return build_context(self.gaz, counts, first_seen)

    def campaign_regions(self, analysed: list[tuple[Sentence, list[Atom], list[CampaignMatch]]]) -> Counter[str]:
        """Regions whose own programmes the article names (the Eight-Eight Strategy: Zhejiang)."""
        found: Counter[str] = Counter()
        for _, _, campaigns in analysed:
            for c in campaigns:
                code = lexicon().get(c.key, {}).get("region", "")
                if code in self.gaz.regions:
                    found[code] += 1
        return found

    def hide(self, s: Sentence, campaigns: list[CampaignMatch]) -> list[tuple[int, int]]:
        """Spans of a sentence whose places only quote: inside a campaign's name or a document's title."""
        return [(c.start, c.end) for c in campaigns if c.hides_places] + self.pack.quoted(self.reading, s)

    def choose(self, codes: list[str], near: list[str], unambiguous: list[str]) -> str:
        """One of same-named places: one inside the place written just before it, else the article's."""
        if near and any(near[0] in self.gaz.ancestors(c) for c in codes):
            return self.gaz.choose(codes, near) or codes[0]
        return self.gaz.choose(codes, unambiguous) or codes[0]

    def joined(self, s: Sentence, a: Atom, b: Atom) -> bool:
        return self.pack.address(self.reading.text[s.start + a.end : s.start + b.start])

    # 4. per sentence
    def sentence(self, s: Sentence, atoms: list[Atom], campaigns: list[CampaignMatch]) -> None:
        ev = self.evidence(s)
        if s.paragraph != self.paragraph:
            self.paragraph = s.paragraph
            self.ctx.paragraph()
        regions = self.places(s, atoms, ev)
        for a in atoms:
            if a.kind == "region" and a.place.codes and not a.place.lower and not self.hidden[s.start].covers(a.start):
                self.ctx.named(self.gaz, a.place.codes[0])
        bodies = [m for chain in chains.chains(s.text, atoms, self.pack.link) for m in chains.parse(chain, self.ctx)]
        named = [b for b in bodies if b.ref is not None]
        body_keys = [(s.start + b.start, self.make.body(b.ref, ev, proper=b.names)) for b in named]  # type: ignore[arg-type]
        for b in bodies:
            if b.ref is not None:
                self.seen.add(b.ref)
        for pos, ref in self.relations.unowned_units(bodies):
            body_keys.append((s.start + pos, self.make.body(ref, ev)))
            self.seen.add(ref)
        self.officials(s, atoms, bodies, ev)
        date = self.facts.article.date
        campaign_keys = [(s.start + c.start, self.make.campaign(dated(c, date), ev)) for c in campaigns]
        d = self.relations.discourse
        if d.article_subject is None:
            holder = self.pack.meeting_holder(self.reading, s, bodies)
            d.article_subject = holder.key if holder is not None else None
        actors = [(pos, f"region/{code}") for pos, code in regions] + body_keys
        self.relations.sentence(s, ev, actors, campaign_keys)

    def places(self, s: Sentence, atoms: list[Atom], ev: Evidence) -> list[tuple[int, str]]:
        """Record the sentence's places; returns (article offset, code) pairs, and states the addresses."""
        regions = [a for a in atoms if a.kind in ("region", "whole")]
        self.place_lower(s, regions)
        found: list[tuple[Atom, str]] = []
        for a in regions:
            if a.kind == "whole":
                code = self.ctx.region_for(str(a.value))
            elif a.place.feature and not a.place.codes:
                code = self.gaz.feature(a.place.surface, "", self.ctx.home or CHINA).code
                a.place.codes = [code]
            else:
                code = a.place.codes[0] if a.place.codes else None
            if code is None:
                continue
            self.make.region(code, ev, surface=a.place.surface if a.kind == "region" else "")
            found.append((a, code))
        pairs: list[tuple[str, str]] = []
        for (a1, c1), (a2, c2) in zip(found, found[1:]):
            if a1.kind == a2.kind == "region" and self.joined(s, a1, a2):
                if c1 in self.gaz.ancestors(c2):
                    pairs.append((c2, c1))
                elif c2 in self.gaz.ancestors(c1):
                    pairs.append((c1, c2))
        self.relations.addresses(pairs, ev)
        return [(s.start + a.start, code) for a, code in found]

    def place_lower(self, s: Sentence, regions: list[Atom]) -> None:
        """Put each place below the county under the place of a higher level written beside it as an
        address (before it: 华池县南梁镇, "Shanghai Hongqiao Street"; else after it: "Chenghe Community,
        Chengzhao Township"), else under the most local region of the article."""
        waiting = [i for i, a in enumerate(regions) if a.kind == "region" and a.place.lower and not a.place.codes]
        while waiting:
            placed = False
            for i in list(waiting):
                parent = self.beside(s, regions, i)
                if parent is not None:
                    self.lower_code(regions[i], parent)
                    waiting.remove(i)
                    placed = True
            if not placed:
                for i in waiting:
                    self.lower_code(regions[i], self.ctx.local())
                waiting = []

    def beside(self, s: Sentence, regions: list[Atom], i: int) -> str | None:
        """The code of a higher place written right before or after ``regions[i]``, once it is known."""
        rank = LEVELS.index(place_levels()[regions[i].place.lower[2]].level)  # type: ignore[index]
        for j, left, right in ((i - 1, i - 1, i), (i + 1, i, i + 1)):
            if not 0 <= j < len(regions) or regions[j].kind != "region":
                continue
            if not self.joined(s, regions[left], regions[right]):
                continue
            other = regions[j].place
            level = place_levels()[other.lower[2]].level if other.lower else None
            if other.codes:
                level = level or self.gaz.regions[other.codes[0]].level
                if level in LEVELS and LEVELS.index(level) < rank:
                    return other.codes[0]
        return None

    def lower_code(self, atom: Atom, parent: str) -> None:
        name_en, name_zh, word = atom.place.lower  # type: ignore[misc]
        atom.place.codes = [self.gaz.lower_region(name_en, name_zh, word, parent).code]

    # 5. what the named entities imply
    def implied(self) -> None:
        """Bodies and regions the named ones imply, as entities the text does not mention: every body a
        unit belongs to, a department's government, the region a body serves, the regions a region lies
        in. The relations between them are added once over the whole graph (:mod:`kgraph.structure`)."""
        for key in sorted(self.facts.entities):
            entity = self.facts.entities[key]
            if entity.type != BODY or "path" not in entity.attrs:
                continue
            ref = BodyRef(entity.attrs["region"], tuple(entity.attrs["path"].split("/")))
            for _, body in unit_links(ref):
                self.make.body(body, None, mention=False)
            if BodyRef(ref.region, ref.path[:1]).serves_area() and ref.region in self.gaz.regions:
                self.make.region(ref.region, None, mention=False)
        for key in sorted(self.facts.entities):
            entity = self.facts.entities[key]
            if entity.type == REGION and "code" in entity.attrs and entity.attrs.get("level") != "place":
                for code in self.gaz.ancestors(entity.attrs["code"]):
                    if code in self.gaz.regions:
                        self.make.region(code, None, mention=False)

    def officials(self, s: Sentence, atoms: list[Atom], bodies: list[BodyMention], ev: Evidence) -> None:
        """Named officials and their posts; posts whose body the sentence leaves out take the last body.

        A holder that only refers to a person (他, "he", an omitted subject, a surname alone: "Zhou was
        formerly ...") is the person the text last named (with that surname)."""
        holders = self.pack.holders(self.reading, s, atoms, bodies)
        holders = sorted((h for h in holders if s.start + h.start not in self.byline_starts), key=lambda h: h.start)
        for h in holders:
            key = self.person_of(h, ev)
            if key is None:
                continue
            found = posts.resolve(list(h.phrases), self.ctx, self.carried, self.pack.owner_after, self.seen)
            for post in found:
                body = self.make.body(post.body, ev)
                self.relations.add_post(key, body, post.title, ev)
                self.held.append(Held(key, body, post, ev))
                self.carried = posts.carry(post.body)

    def person_of(self, h: posts.Holder, ev: Evidence) -> str | None:
        if h.refers == posts.PERSON:
            return self.people[-1][1] if self.people else None
        if h.refers == posts.SURNAME:
            return next((key for name, key in reversed(self.people) if name.split(" ", 1)[0] == h.name), None)
        key = self.make.person(h.name, OFFICIAL, ev, zh=h.zh)
        self.people.append((h.name, key))
        return key
