"""Who carries out a campaign a sentence names: the rules a language pack chooses from.

Actors are the bodies and regions of a sentence, as (offset, key) pairs in
text order. Central leadership bodies are usually named as the source of a
decision ("the deployment of the Party Central Committee"), so they act only
when nothing else does.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from kgraph.extract.spans import SpanIndex
from kgraph.gazetteer import CHINA

Actors = list[tuple[int, str]]

#: Central bodies that deploy campaigns rather than carry them out.
DEPLOYERS = frozenset(
    {
        "body/100000/cpc/central_committee",
        "body/100000/cpc/central_committee/politburo",
        "body/100000/state_council",
        "body/100000/npc",
        "body/100000/cppcc",
    }
)


def can_act(key: str) -> bool:
    """Meetings and congresses, outlets, the party as a whole and China do not carry out campaigns."""
    if key in (f"region/{CHINA}", f"body/{CHINA}/cpc") or key.startswith("body/outlet/"):
        return False
    last = key.rsplit("/", 1)[-1]
    return not last.startswith(("national_congress", "party_congress"))


@dataclass
class Discourse:
    """What earlier sentences said: the subject of the paragraph and of the article (the meeting's holder)."""

    paragraph: int = -1
    paragraph_subject: str | None = None
    article_subject: str | None = None
    objects: SpanIndex = field(default_factory=SpanIndex)  # spans acted on, whose bodies do not act


class InOrder:
    """A sentence's actors in text order, with the acting ones (no deployers) found by bisection: a sentence
    may name thousands of actors and campaigns."""

    def __init__(self, actors: Actors):
        self.actors = actors
        self.acting = [(p, k) for p, k in actors if k not in DEPLOYERS]
        self.acting_at = [p for p, _ in self.acting]

    def first_before(self, pos: int) -> str | None:
        """The first actor, if it stands before ``pos``."""
        return self.actors[0][1] if self.actors and self.actors[0][0] < pos else None

    def first_acting_from(self, pos: int) -> str | None:
        """The first acting one at or after ``pos`` (any, for ``pos`` 0)."""
        i = bisect_left(self.acting_at, pos)
        return self.acting[i][1] if i < len(self.acting) else None

    def last_acting_in(self, start: int, end: int) -> str | None:
        """The last acting one in ``[start, end)``."""
        i = bisect_left(self.acting_at, end) - 1
        return self.acting[i][1] if i >= 0 and self.acting_at[i] >= start else None


class FirstActor:
    """English puts the actor first: the first acting body or region before the campaign in the sentence,
    else a central one, else the first after it, else the subject of the paragraph."""

    def subject(self, actors: InOrder, clause_start: int, pos: int, discourse: Discourse) -> str | None:
        acting = actors.acting[0] if actors.acting else None
        if acting is not None and acting[0] < pos:
            return acting[1]
        return actors.first_before(pos) or actors.first_acting_from(pos) or discourse.paragraph_subject

    def holder(self, discourse: Discourse) -> str | None:
        """Who a steering group guides when the sentence names no one: the paragraph's subject."""
        return discourse.paragraph_subject


class NearestActor:
    """Chinese puts the actor right before the campaign (省委“1310”具体部署): the nearest acting body or
    region in the same clause, else the meeting's holder."""

    def subject(self, actors: InOrder, clause_start: int, pos: int, discourse: Discourse) -> str | None:
        return actors.last_acting_in(clause_start, pos) or discourse.article_subject

    def holder(self, discourse: Discourse) -> str | None:
        return discourse.article_subject
