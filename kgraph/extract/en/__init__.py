"""The English pack: English-language state media and translations of Chinese ones.

Names are pinyin (a surname and one to three syllables), bodies are written
in either order ("Guizhou Provincial Party Committee", "the Standing
Committee of the Provincial Party Committee"), and the actor of a sentence
comes first in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgraph.article import Article
from kgraph.extract.actors import FirstActor
from kgraph.extract.atoms import Atom
from kgraph.extract.campaigns import CampaignMatch
from kgraph.extract.chains import BREAK, JUXT, OF, BodyMention
from kgraph.extract.en import atoms as en_atoms
from kgraph.extract.en import campaigns, posts
from kgraph.extract.en.bylines import find_bylines
from kgraph.extract.en.names import NameMatch, find_names
from kgraph.extract.en.regions import find_regions
from kgraph.extract.pack import Credit, Outlet, Pack, Reading
from kgraph.extract.packs import register
from kgraph.extract.posts import Holder
from kgraph.extract.spans import overlaps
from kgraph.gazetteer import Gazetteer
from kgraph.text import LATIN_END, Sentence, sentences

GAP_JUXT = re.compile(r"^\s*(?:the\s+|CPC\s+|'s\s+|for\s+(?:the\s+)?)?$", re.I)
GAP_OF = re.compile(r"^\s+of\s+(?:the\s+)?(?:CPC\s+)?$", re.I)
GAP_PAREN = re.compile(r"^\s*[()]\s*$")
ADDRESS_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:the\s+)?capital\s+of\s+(?:[\w' ]+?'s\s+)?|in\s+)?$")
SUPERVISION_VERB = re.compile(r"\b(?:supervis|guid|urg|inspect|steer|direct)\w*\b(?!\s+(?:groups?|teams?)\b)", re.I)


@dataclass
class EnglishReading(Reading):
    names: list[NameMatch] = field(default_factory=list)  # every pinyin name of the article
    bylines: set[tuple[int, int]] = field(default_factory=set)


@register("en")
class English(Pack):
    script = re.compile(r"[A-Za-z]")
    script_weight = 1.0
    actor_rule = FirstActor()
    supervision_verb = SUPERVISION_VERB
    owner_after = True

    def read(self, article: Article) -> EnglishReading:
        # Typographic apostrophes become straight ones, character for character, so offsets hold.
        text = article.text.replace("’", "'")
        return EnglishReading(article, text, sentences(article.text, LATIN_END), find_names(text))

    def bylines(self, reading: Reading) -> tuple[list[Credit], list[Outlet]]:
        assert isinstance(reading, EnglishReading)
        people, outlets = find_bylines(reading.text)
        credits = [Credit(b.name.name, "", b.role, b.name.start, b.name.end) for b in people]
        reading.bylines = {(c.start, c.end) for c in credits}
        return credits, [Outlet(o, surface=o, start=reading.text.find(o)) for o in outlets]

    def atoms(self, reading: Reading, s: Sentence, gaz: Gazetteer) -> list[Atom]:
        assert isinstance(reading, EnglishReading)
        text = reading.text[s.start : s.end]
        blocked = [(n.start - s.start, n.end - s.start) for n in reading.names if s.start <= n.start < s.end]
        blocked += en_atoms.national_spans(text)
        places = [a for a in find_regions(text, gaz) if not any(overlaps(a.start, a.end, x, y) for x, y in blocked)]
        atoms = en_atoms.find_atoms(text, places)
        for a in atoms:
            if a.kind == "purpose" and text[max(0, a.start - 4) : a.start].lower() == "the ":
                a.value = en_atoms.anaphoric_purpose(str(a.value), reading.text)
        return atoms

    def campaigns(self, reading: Reading, s: Sentence, atoms: list[Atom], gaz: Gazetteer) -> list[CampaignMatch]:
        def is_region(name: str) -> bool:
            return any(gaz.regions[c].level in ("province", "prefecture") for c in gaz.lookup_en(name))

        return campaigns.find_campaigns(reading.text[s.start : s.end], is_region)

    def link(self, gap: str) -> str:
        if GAP_JUXT.match(gap) or GAP_PAREN.match(gap):
            return JUXT
        return OF if GAP_OF.match(gap) else BREAK

    def address(self, gap: str) -> bool:
        return bool(ADDRESS_GAP.match(gap))

    def holders(self, reading: Reading, s: Sentence, atoms: list[Atom], bodies: list[BodyMention]) -> list[Holder]:
        assert isinstance(reading, EnglishReading)
        names = [
            NameMatch(n.name, n.start - s.start, n.end - s.start)
            for n in reading.names
            if s.start <= n.start < s.end and (n.start, n.end) not in reading.bylines
        ]
        regions = [(a.start, a.end, a.place.codes[0]) for a in atoms if a.kind == "region" and a.place.codes]
        return posts.holders(reading.text[s.start : s.end], names, bodies, regions)
