"""Relations a sentence states: units whose owner it leaves out, addresses, supervision, campaigns.

Posts come from :mod:`kgraph.extract.posts`; the structure that follows from
names alone (units of bodies, jurisdictions, containment) is added once over
the whole graph by :mod:`kgraph.structure`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from kgraph.extract.actors import DEPLOYERS, Actors, Discourse, FirstActor, InOrder, NearestActor, can_act
from kgraph.extract.campaigns import NOT_IMPLEMENTED
from kgraph.extract.chains import BodyMention, can_own
from kgraph.facts import CONTAINED_IN, HOLDS_POST, IMPLEMENTS, SUPERVISES, Evidence, Facts, Relation
from kgraph.gazetteer import CHINA, Gazetteer
from kgraph.naming import BodyRef
from kgraph.text import Sentence

#: Units that a sentence may name without their owner ("held meetings of the Standing Committee").
UNOWNED_UNITS = ("standing_committee", "party_group", "learning_group")
GROUP_KINDS = ("steering_group", "steering_groups", "circuit_guidance_group", "inspection_groups")
RECENT = 12
#: Kinds of campaign that central leadership bodies are said to carry out: programmes, not formulas.
DEPLOYED = ("campaign", "discovered")


class SentenceRelations:
    """Collects one article's stated relations, sentence by sentence."""

    def __init__(self, facts: Facts, gaz: Gazetteer, actor_rule: FirstActor | NearestActor, verb: re.Pattern[str]):
        self.facts = facts
        self.gaz = gaz
        self.actor_rule = actor_rule
        self.verb = verb
        self.discourse = Discourse()
        self.recent_bodies: list[BodyRef] = []

    def add(self, rtype: str, subject: str, obj: str, ev: Evidence | None, title: str = "") -> None:
        self.facts.add_relation(Relation(rtype, subject, obj, title, ev))

    def add_post(self, person: str, body: str, title: str, ev: Evidence) -> None:
        self.add(HOLDS_POST, person, body, ev, title)

    def owner_for(self, unit: str, in_sentence: BodyRef | None) -> BodyRef | None:
        """The body an unowned unit ("the Standing Committee") belongs to: the last one that can own it, in this
        sentence (``in_sentence``: see :class:`Owners`) or (but for a party group, which any body may have) in
        the ones before."""
        if in_sentence is not None or unit == "party_group":
            return in_sentence
        for ref in reversed(self.recent_bodies):
            if can_own(ref.path[-1], unit):
                return ref
        return None

    def unowned_units(self, bodies: list[BodyMention]) -> list[tuple[int, BodyRef]]:
        """Resolve a sentence's unowned units: (offset in the sentence, the body each turns out to be)."""
        named = [b.ref for b in bodies if b.ref is not None]
        out: list[tuple[int, BodyRef]] = []
        owners: dict[str, Owners] = {}
        for b in bodies:
            if b.ref is None and b.unit in UNOWNED_UNITS:
                if b.unit not in owners:
                    owners[b.unit] = Owners(bodies, b.unit)
                owner = self.owner_for(b.unit, owners[b.unit].last_before(b.start))
                if owner is not None:
                    out.append((b.start, BodyRef(owner.region, owner.path + (b.unit,))))
        self.recent_bodies = (self.recent_bodies + named + [ref for _, ref in out])[-RECENT:]
        return out

    def addresses(self, pairs: list[tuple[str, str]], ev: Evidence) -> None:
        """Containment the text states as an address: "Zhejiang Pujiang County", 重庆市渝中区."""
        for inner, outer in pairs:
            self.add(CONTAINED_IN, f"region/{inner}", f"region/{outer}", ev)

    def sentence(self, s: Sentence, ev: Evidence, actors: Actors, campaigns: list[tuple[int, str]]) -> None:
        """Supervision and campaigns of one sentence; ``actors`` are its bodies and regions in text order."""
        # At one position the longest chain is the actor: "the party group of the Standing Committee of ...".
        ordered = sorted(actors, key=lambda a: (a[0], -len(a[1])))
        seen: set[int] = set()
        kept: Actors = []
        for pos, key in ordered:
            if pos in seen or not can_act(key):
                continue
            seen.add(pos)
            kept.append((pos, key))
        d = self.discourse
        kept = [(p, k) for p, k in kept if not d.objects.covers(p)]
        in_order = InOrder(kept)
        if d.paragraph != s.paragraph:
            d.paragraph, d.paragraph_subject = s.paragraph, None
        if kept and d.paragraph_subject is None:
            d.paragraph_subject = FirstActor().subject(in_order, s.start, s.end, d) or kept[0][1]
        if d.article_subject is None:
            bodies_first = [k for _, k in kept if k.startswith("body/") and k not in DEPLOYERS]
            d.article_subject = bodies_first[0] if bodies_first else None
        self._supervision(s, ev, kept)
        commas: list[int] | None = None
        for pos, campaign in campaigns:
            entity = self.facts.entities.get(campaign)
            if entity is None or entity.attrs.get("kind") in NOT_IMPLEMENTED:
                continue
            commas = _commas(s) if commas is None else commas
            subject = self.actor_rule.subject(in_order, _clause_start(s, pos, commas), pos, d)
            if subject in DEPLOYERS and entity.attrs.get("kind") not in DEPLOYED:
                continue  # the Central Committee deploys programmes; formulas are what others uphold
            if subject:
                self.add(IMPLEMENTS, subject, campaign, ev)

    def _supervision(self, s: Sentence, ev: Evidence, actors: Actors) -> None:
        """A named steering or inspection group and a verb of guiding: the group supervises the sentence's
        places and bodies of the level below it (a central group: provinces)."""
        groups = [k for _, k in actors if _is_group(k) and not k.endswith("/steering_groups")]
        verb = self.verb.search(s.text) if groups else None
        if not groups or not verb:
            return
        group = groups[0]
        group_region = group.split("/")[1]
        targets = [(p, k) for p, k in actors if p - s.start >= verb.start()]
        holder = self.actor_rule.holder(self.discourse)
        if not targets and holder:
            targets = [(0, holder)]  # 到会指导: the meeting's holder is guided
        for _, k in targets:
            if k == group or group.startswith(k + "/") or _is_group(k) or k.startswith(f"body/{CHINA}"):
                continue
            region = k.split("/")[1]
            if group_region == CHINA:
                r = self.gaz.get(region)
                if r is None or r.level != "province":
                    continue
            elif group_region not in self.gaz.ancestors(region) and region != group_region:
                continue
            self.add(SUPERVISES, group, k, ev)


class Owners:
    """The bodies of a sentence that can own one kind of unit, asked which was named last (in the order of the
    bodies) before an offset: by bisection, as a sentence may name thousands of bodies."""

    def __init__(self, bodies: list[BodyMention], unit: str):
        able = sorted((b.start, i) for i, b in enumerate(bodies) if b.ref is not None and can_own(b.ref.path[-1], unit))
        self.bodies = bodies
        self.starts = [start for start, _ in able]
        self.latest = list(accumulate((i for _, i in able), max))  # the last body among the first k by start

    def last_before(self, pos: int) -> BodyRef | None:
        k = bisect_left(self.starts, pos)
        return self.bodies[self.latest[k - 1]].ref if k else None


def _is_group(key: str) -> bool:
    return key.startswith("body/") and key.rsplit("/", 1)[-1].split("-")[0] in GROUP_KINDS


#: What parts a sentence's clauses.
CLAUSE_MARKS = re.compile("[,，;；]")


def _commas(s: Sentence) -> list[int]:
    """Where the sentence's clauses part, in order (offsets in the sentence)."""
    return [m.start() for m in CLAUSE_MARKS.finditer(s.text)]


def _clause_start(s: Sentence, pos: int, commas: list[int]) -> int:
    """Start of the clause (between commas) that holds ``pos``; ``commas``: :func:`_commas` of the sentence."""
    i = bisect_left(commas, pos - s.start) - 1
    return s.start + commas[i] + 1 if i >= 0 else s.start
