"""Who carries out a campaign a sentence names: the rules a language pack chooses from.

Actors are the bodies and regions of a sentence, as (offset, key) pairs in
text order. Central leadership bodies are usually named as the source of a
decision ("the deployment of the Party Central Committee"), so they act only
when nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    objects: list[tuple[int, int]] = field(default_factory=list)  # spans acted on, whose bodies do not act


class FirstActor:
    """English puts the actor first: the first acting body or region before the campaign in the sentence,
    else a central one, else the first after it, else the subject of the paragraph."""

    def subject(self, actors: Actors, clause_start: int, pos: int, discourse: Discourse) -> str | None:
        before = [k for p, k in actors if p < pos]
        acting = [k for k in before if k not in DEPLOYERS]
        if acting:
            return acting[0]
        if before:
            return before[0]
        after = [k for p, k in actors if p >= pos and k not in DEPLOYERS]
        if after:
            return after[0]
        return discourse.paragraph_subject

    def holder(self, discourse: Discourse) -> str | None:
        """Who a steering group guides when the sentence names no one: the paragraph's subject."""
        return discourse.paragraph_subject


class NearestActor:
    """Chinese puts the actor right before the campaign (省委“1310”具体部署): the nearest acting body or
    region in the same clause, else the meeting's holder."""

    def subject(self, actors: Actors, clause_start: int, pos: int, discourse: Discourse) -> str | None:
        near = [k for p, k in actors if clause_start <= p < pos and k not in DEPLOYERS]
        return near[-1] if near else discourse.article_subject

    def holder(self, discourse: Discourse) -> str | None:
        return discourse.article_subject
