"""The English pack: English-language state media and translations of Chinese ones.

Names are pinyin (a surname and one to three syllables), bodies are written
in either order ("Guizhou Provincial Party Committee", "the Standing
Committee of the Provincial Party Committee", Xinhua's "CPC Zhejiang
Provincial Committee"), and the actor of a sentence comes first in it.
Xinhua names a person in full once and then by the surname or "he"; outlets
("(Xinhua)", "People's Daily") are bodies, never places; "our province", "the
city" are the article's own regions, and a place after a preposition or
before a possessive only says where or whose, not who acts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kgraph.article import Article
from kgraph.dates import article_date
from kgraph.extract.actors import FirstActor
from kgraph.extract.atoms import Atom
from kgraph.extract.campaigns import CampaignMatch
from kgraph.extract.chains import BREAK, JUXT, OF, BodyMention
from kgraph.extract.en import atoms as en_atoms
from kgraph.extract.en import campaigns, posts
from kgraph.extract.en.bylines import find_bylines
from kgraph.extract.en.dates import date_pattern, date_words
from kgraph.extract.en.names import NameMatch, find_names
from kgraph.extract.en.outlets import OutletMatch, find_outlets
from kgraph.extract.en.regions import DESCRIPTOR, find_regions, whole_atoms, whole_objects, words_of
from kgraph.extract.pack import Credit, Outlet, Pack, Reading
from kgraph.extract.packs import register
from kgraph.extract.phrases import folded
from kgraph.extract.posts import Holder
from kgraph.extract.spans import Positions, SpanIndex
from kgraph.gazetteer import Gazetteer, shared
from kgraph.text import LATIN_END, Sentence, sentences

GAP_JUXT = re.compile(r"^\s*(?:the\s+|CPC\s+|'s\s+|for\s+(?:the\s+)?)?$", re.I)
GAP_OF = re.compile(r"^\s+of\s+(?:the\s+)?(?:CPC\s+)?$", re.I)
GAP_PAREN = re.compile(r"^\s*[()]\s*$")
#: Two places written as an address: side by side or after a comma ("Zhejiang Pujiang County", "Pingli county,
#: Shaanxi province"), through an appositive noun ("Chengdu, capital of", "Jiangjiaping, a village in") or "in",
#: and before a descriptor of the second ("Southwest China's Sichuan Province", "Zhejiang's Hangzhou").
ADDRESS_GAP = re.compile(
    rf"^\s*(?:,\s*)?(?:(?:(?:the|a|an)\s+)?(?i:{words_of('relation')})\s+(?:of|in)\s+|in\s+)?(?:{DESCRIPTOR}|'s\s+)?$"
)
#: A possessive, and the place before it ("Guizhou's development"): whose a thing is, not who acts.
POSSESSIVE = re.compile(r"'s\b")
PLACE_BEFORE = re.compile(r"(?<![\w'])[A-Z][a-z]+(?: [A-Z][a-z]+)?$")


@lru_cache(maxsize=1)
def month_abbreviations() -> frozenset[str]:
    """Months written short with a full stop ("Jan.", "Sept."), which ends no sentence before the day."""
    return frozenset(w.capitalize() + "." for w in date_words()["month"] if len(w) <= 4)


def english_sentences(text: str) -> list[Sentence]:
    """Sentences as in every Latin script (``LATIN_END``), joined again where one ended at a month's
    abbreviation before its day ("BEIJING, Jan. 26 (Xinhua) -- ...", "on Sept. 16")."""
    months = month_abbreviations()
    out: list[Sentence] = []
    for nxt in sentences(text, LATIN_END):
        s = out[-1] if out else None
        if (
            s is not None
            and nxt.text[:1].isdigit()
            and s.text[-5:].rsplit(None, 1)[-1] in months
            and "\n" not in text[s.end : nxt.start]
        ):
            out[-1] = Sentence(text[s.start : nxt.end], s.start, nxt.end, s.paragraph)
        else:
            out.append(nxt)
    return out


SUPERVISION_VERB = re.compile(r"\b(?:supervis|guid|urg|inspect|steer|direct)\w*\b(?!\s+(?:groups?|teams?)\b)", re.I)


@dataclass
class EnglishReading(Reading):
    names: list[NameMatch] = field(default_factory=list)  # every pinyin name of the article
    outlets: list[OutletMatch] = field(default_factory=list)  # every outlet it names
    wholes: list[Atom] = field(default_factory=list)  # its own regions named by a level noun ("our province")
    bylines: set[tuple[int, int]] = field(default_factory=set)
    low: str = ""  # the text folded to lower case, for the phrase automata
    anchor: dt.date | None = None  # the article's date: relative dates count from it
    gone: set[str] = field(default_factory=set)  # names and surnames of the persons it has expelled so far
    purposes: dict[str, str] = field(default_factory=dict)  # "the Education": the purpose each key means here
    _surnames: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    _names: Positions[NameMatch] | None = None
    _outlets: Positions[OutletMatch] | None = None
    _wholes: Positions[Atom] | None = None

    def names_in(self, s: Sentence) -> list[NameMatch]:
        """The names that start in the sentence."""
        if self._names is None:
            self._names = Positions(self.names, [n.start for n in self.names])
        return self._names.within(s.start, s.end)

    def outlets_in(self, s: Sentence) -> list[OutletMatch]:
        """The outlets that start in the sentence."""
        if self._outlets is None:
            self._outlets = Positions(self.outlets, [o.start for o in self.outlets])
        return self._outlets.within(s.start, s.end)

    def wholes_in(self, s: Sentence) -> list[Atom]:
        """The article's own regions named in the sentence ("our province")."""
        if self._wholes is None:
            self._wholes = Positions(self.wholes, [w.start for w in self.wholes])
        return [w for w in self._wholes.within(s.start, s.end) if w.end <= s.end]

    def purpose(self, key: str) -> str:
        """The purpose "the <purpose>" means in this article (:func:`en_atoms.anaphoric_purpose`), found once."""
        if key not in self.purposes:
            self.purposes[key] = en_atoms.anaphoric_purpose(key, self.low)
        return self.purposes[key]

    def surnames_before(self, pos: int) -> frozenset[str]:
        """The surnames of the officials the article named before ``pos`` (bylines are no officials)."""
        if not self._surnames:
            seen: frozenset[str] = frozenset()
            self._surnames = [(-1, seen)]
            for n in self.names:
                if (n.start, n.end) not in self.bylines:
                    seen = seen | posts.known_surnames([n])
                    self._surnames.append((n.start, seen))
        return self._surnames[bisect.bisect_left(self._surnames, pos, key=lambda x: x[0]) - 1][1]


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
        reading = EnglishReading(article, text, english_sentences(article.text), find_names(text))
        reading.low = folded(text)
        reading.anchor = article_date(article.date)
        date_pattern()  # compiled with the pack's other patterns, before the first post needs it
        reading.outlets = find_outlets(text, shared())
        reading.wholes = whole_atoms(text)
        return reading

    def bylines(self, reading: Reading) -> tuple[list[Credit], list[Outlet]]:
        assert isinstance(reading, EnglishReading)
        people, named = find_bylines(reading.text)
        credits = [Credit(b.name.name, "", b.role, b.name.start, b.name.end) for b in people]
        reading.bylines = {(c.start, c.end) for c in credits}
        outlets = {o.name: Outlet(o.name, o.zh, o.surface, o.start) for o in reversed(reading.outlets)}
        for name in named:
            outlets.setdefault(name, Outlet(name, surface=name, start=reading.text.find(name)))
        return credits, sorted(outlets.values(), key=lambda o: o.start)

    def atoms(self, reading: Reading, s: Sentence, gaz: Gazetteer) -> list[Atom]:
        assert isinstance(reading, EnglishReading)
        text, low = reading.text[s.start : s.end], reading.low[s.start : s.end]
        blocked = [(n.start - s.start, n.end - s.start) for n in reading.names_in(s)]
        if reading.outlets:
            blocked += [(o.start - s.start, o.end - s.start) for o in reading.outlets_in(s)]
        blocked += en_atoms.national_spans(text, low)
        taken = SpanIndex(blocked)
        places = [a for a in find_regions(text, gaz, low) if not taken.overlaps(a.start, a.end)]
        wholes = [Atom("whole", w.start - s.start, w.end - s.start, w.text, w.value) for w in reading.wholes_in(s)]
        atoms = en_atoms.with_wholes(en_atoms.find_atoms(text, places, low), wholes, text)
        for a in atoms:
            if a.kind == "purpose" and text[max(0, a.start - 4) : a.start].lower() == "the ":
                a.value = reading.purpose(str(a.value))
        return atoms

    def campaigns(self, reading: Reading, s: Sentence, atoms: list[Atom], gaz: Gazetteer) -> list[CampaignMatch]:
        def is_region(name: str) -> bool:
            return any(gaz.regions[c].level in ("province", "prefecture") for c in gaz.lookup_en(name))

        assert isinstance(reading, EnglishReading)
        return campaigns.find_campaigns(reading.text[s.start : s.end], is_region, reading.low[s.start : s.end])

    def link(self, gap: str) -> str:
        if GAP_JUXT.match(gap) or GAP_PAREN.match(gap):
            return JUXT
        return OF if GAP_OF.match(gap) else BREAK

    def address(self, gap: str) -> bool:
        return bool(ADDRESS_GAP.match(gap))

    def objects(self, reading: Reading) -> list[tuple[int, int]]:
        """Places that only say where or whose, not who acts: "units in our province", "across the city",
        "Guizhou's development"."""
        assert isinstance(reading, EnglishReading)
        text, gaz = reading.text, shared()
        possessive = []
        for m in POSSESSIVE.finditer(text):
            name = PLACE_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if name is not None and gaz.lookup_en(name.group(0)):
                possessive.append((name.start(), m.start()))
        return whole_objects(text, reading.wholes) + possessive

    def holders(self, reading: Reading, s: Sentence, atoms: list[Atom], bodies: list[BodyMention]) -> list[Holder]:
        assert isinstance(reading, EnglishReading)
        names = [
            NameMatch(n.name, n.start - s.start, n.end - s.start)
            for n in reading.names_in(s)
            if (n.start, n.end) not in reading.bylines
        ]
        regions = [(a.start, a.end, a.place.codes[0]) for a in atoms if a.kind == "region" and a.place.codes]
        levels = [a for a in atoms if a.kind == "level"]
        text = reading.text[s.start : s.end]
        return posts.holders(
            text, names, bodies, regions, levels, reading.surnames_before(s.start), reading.anchor, reading.gone
        )
