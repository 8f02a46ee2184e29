"""What a language pack supplies to the extraction core: only what differs between languages.

The core (:mod:`kgraph.extract.core`) runs the same stages for every
language; a pack says how that language splits sentences, which atoms its
words are, how atoms join into body names, where personal names and their
post phrases stand, who its bylines are, which campaigns it names, and how
the actor of a sentence is chosen. Packs hold no per-article state: what one
article needs is in the :class:`Reading` the pack makes of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kgraph.article import Article
from kgraph.extract.actors import FirstActor, NearestActor
from kgraph.extract.atoms import Atom
from kgraph.extract.campaigns import CampaignMatch
from kgraph.extract.chains import BodyMention
from kgraph.extract.posts import Holder
from kgraph.gazetteer import Gazetteer
from kgraph.lexicon import split, table
from kgraph.naming import BodyRef
from kgraph.text import Sentence


@dataclass
class Reading:
    """One article as a pack reads it: the text its stages match on (same length and offsets as the
    article's) and its sentences; packs add what they compute once per article."""

    article: Article
    text: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Credit:
    """A person credited in a byline; offsets in the article."""

    name: str  # English (pinyin) name
    zh: str
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Outlet:
    """A news outlet named beside a byline or as the source; ``start`` is -1 where no sentence says it."""

    name: str
    zh: str = ""
    surface: str = ""
    start: int = -1


class Pack:
    """A language: the base class every pack derives from (see :mod:`kgraph.extract.packs`)."""

    lang = ""
    #: Characters of the language's script, and how much one counts (a Han character carries a word).
    script: re.Pattern[str] = re.compile(r"(?!)")
    script_weight = 1.0
    #: How the actor of a campaign is chosen.
    actor_rule: FirstActor | NearestActor = FirstActor()
    #: A verb of guiding or supervising, for steering groups.
    supervision_verb: re.Pattern[str] = re.compile(r"(?!)")
    #: Whether a unit's owner is written after it ("of the party group and director of the Department").
    owner_after = False

    def read(self, article: Article) -> Reading:
        raise NotImplementedError

    def bylines(self, reading: Reading) -> tuple[list[Credit], list[Outlet]]:
        raise NotImplementedError

    def atoms(self, reading: Reading, s: Sentence, gaz: Gazetteer) -> list[Atom]:
        """The sentence's atoms, offsets in the sentence, sorted, none overlapping."""
        raise NotImplementedError

    def campaigns(self, reading: Reading, s: Sentence, atoms: list[Atom], gaz: Gazetteer) -> list[CampaignMatch]:
        """Campaigns of the sentence, offsets in the sentence."""
        raise NotImplementedError

    def link(self, gap: str) -> str:
        """How the text between two atoms joins them: ``juxt``, ``of`` or ``break`` (see :mod:`chains`)."""
        raise NotImplementedError

    def address(self, gap: str) -> bool:
        """Whether two places with this between them are written as an address ("Zhejiang Pujiang County")."""
        raise NotImplementedError

    def holders(self, reading: Reading, s: Sentence, atoms: list[Atom], bodies: list[BodyMention]) -> list[Holder]:
        """The officials a sentence names (offsets in the sentence), each with the post phrases that are theirs."""
        raise NotImplementedError

    def meeting_holder(self, reading: Reading, s: Sentence, bodies: list[BodyMention]) -> BodyRef | None:
        """The body a sentence says holds the meeting, where the language marks it; None by default."""
        return None

    def objects(self, reading: Reading) -> list[tuple[int, int]]:
        """Spans (in the article) whose bodies are acted on, not acting; none by default."""
        return []

    def quoted(self, reading: Reading, s: Sentence) -> list[tuple[int, int]]:
        """Spans (in the sentence) that only quote a title: documents (《…》, 梧州市…管理条例, "the … Plan"),
        whose places are not where the article is."""
        if not any(cue in s.text for cue in document_cues(self.lang)):
            return []
        return [(m.start(), m.end()) for m in document_pattern(self.lang).finditer(s.text)]


@cache
def document_cues(lang: str) -> tuple[str, ...]:
    """What a sentence must hold for a document title to be in it: a document word or a quotation mark."""
    words = tuple(w for r in table("document_words.tsv") if r["lang"] == lang for w in split(r["words"]))
    return (*words, "《", "“", '"')


@cache
def document_pattern(lang: str) -> re.Pattern[str]:
    """Titles of documents in ``lang``: between quotation marks, or a name ending in a document word."""
    words = "|".join(w for r in table("document_words.tsv") if r["lang"] == lang for w in split(r["words"]))
    if not words:
        return re.compile(r"(?!)")
    quoted = rf"《[^》]{{1,80}}》|[“\"][^”\"]{{0,80}}\b(?:{words})\b[^”\"]{{0,40}}[”\"]"
    if lang == "en":
        return re.compile(rf"{quoted}|(?:[A-Z][\w'-]*\s+){{1,8}}(?:{words})\b")
    listed = rf"(?:^|(?<=[、，,：:；;了]))[^、，,：:；;。《》“”]{{2,40}}?(?:{words})(?=[、，,。；;等]|$)"
    return re.compile(rf"{quoted}|{listed}")
