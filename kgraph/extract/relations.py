"""Relations between the entities of one article, with their evidence.

Posts come from the post parsers; this module adds what the structure of
names and the sentences state: units of bodies, the regions bodies serve,
regions inside regions (from the gazetteer and from addresses such as
"Zhejiang Pujiang County"), who supervises whom, and which body or region
carries out which campaign.
"""

from __future__ import annotations

import re

from kgraph.extract.context import BodyMention, Context
from kgraph.facts import (
    AREA_SERVED,
    BODY,
    CAMPAIGN,
    CONTAINED_IN,
    HOLDS_POST,
    IMPLEMENTS,
    REGION,
    SUB_ORGANIZATION_OF,
    SUPERVISES,
    Evidence,
    Facts,
    Relation,
)
from kgraph.gazetteer import CHINA, Gazetteer
from kgraph.naming import BodyRef, body_types
from kgraph.text import Sentence

SUPERVISION_VERB = re.compile(
    r"\b(?:supervis|guid|urg|inspect|steer|direct)\w*\b(?!\s+(?:groups?|teams?)\b)|(?:指导|督导|巡察|巡视)(?![组团])",
    re.I,
)
ADDRESS_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:the\s+)?capital\s+of\s+(?:[\w' ]+?'s\s+)?|in\s+)?$")
DEPLOYERS = frozenset(
    {
        "body/100000/cpc/central_committee",
        "body/100000/cpc/central_committee/politburo",
        "body/100000/state_council",
        "body/100000/npc",
        "body/100000/cppcc",
    }
)
#: Units that a sentence may name without their owner ("held meetings of the Standing Committee").
UNOWNED_UNITS = ("standing_committee", "party_group", "learning_group")
GROUP_KINDS = ("steering_group", "steering_groups", "inspection_groups")
NOT_IMPLEMENTED = ("thought",)


class RelationBuilder:
    """Collects relations sentence by sentence, then adds the structural ones."""

    def __init__(self, facts: Facts, gaz: Gazetteer, ctx: Context, nearest_actor: bool = False):
        self.nearest_actor = nearest_actor
        self.facts = facts
        self.gaz = gaz
        self.ctx = ctx
        self.recent_bodies: list[BodyRef] = []
        self.paragraph_subject: tuple[int, str] | None = None
        self.article_subject: str | None = None  # the first body named: usually the meeting's holder
        self.objects: list[tuple[int, int]] = []  # spans whose bodies and regions are acted on, not acting

    def add(self, rtype: str, subject: str, obj: str, ev: Evidence | None, title: str = "") -> None:
        self.facts.add_relation(Relation(rtype, subject, obj, title, ev))

    def holds_post(self, person: str, body: str, title: str, ev: Evidence) -> None:
        self.add(HOLDS_POST, person, body, ev, title)

    def remember(self, refs: list[BodyRef]) -> None:
        self.recent_bodies = (self.recent_bodies + refs)[-12:]

    def owner_for(self, unit: str, before: list[BodyRef]) -> BodyRef | None:
        """The body an unowned unit ("the Standing Committee") belongs to: the last one that can own it,
        in this sentence or (but for a party group, which any body may have) in the ones before."""
        bt = body_types().get(unit.split(":")[0])
        if bt is None:
            return None
        for ref in reversed(before):
            if ref.kind in bt.parents:
                return ref
        if unit == "party_group":
            return None
        for ref in reversed(self.recent_bodies):
            if ref.kind in bt.parents:
                return ref
        return None

    def unowned_units(self, s: Sentence, bodies: list[BodyMention]) -> list[tuple[int, BodyRef]]:
        """Resolve the sentence's unowned units: (offset in the sentence, the body each turns out to be)."""
        named = [b.ref for b in bodies if b.ref is not None]
        out: list[tuple[int, BodyRef]] = []
        for b in bodies:
            if b.ref is None and b.unit in UNOWNED_UNITS:
                earlier = [x.ref for x in bodies if x.ref is not None and x.start < b.start]
                owner = self.owner_for(b.unit, earlier)
                if owner is not None:
                    out.append((b.start, BodyRef(owner.region, owner.path + (b.unit,))))
        self.remember(named + [ref for _, ref in out])
        return out

    def addresses(self, s: Sentence, spans: list[tuple[int, int, str]], ev: Evidence) -> None:
        """ "Zhejiang Pujiang County", "Taiyuan, capital of ... Shanxi province": stated containment."""
        for (_a1, e1, c1), (a2, _e2, c2) in zip(spans, spans[1:]):
            if not ADDRESS_GAP.match(s.text[e1 - s.start : a2 - s.start]):
                continue
            if c1 in self._chain(c2):
                self.add(CONTAINED_IN, f"region/{c2}", f"region/{c1}", ev)
            elif c2 in self._chain(c1):
                self.add(CONTAINED_IN, f"region/{c1}", f"region/{c2}", ev)

    def _chain(self, code: str) -> list[str]:
        region = self.gaz.get(code)
        out: list[str] = []
        while region is not None and region.parent and region.parent not in out:
            out.append(region.parent)
            region = self.gaz.get(region.parent)
        return out

    def sentence(
        self,
        s: Sentence,
        ev: Evidence,
        regions: list[tuple[int, str]],
        bodies: list[tuple[int, str]],
        campaigns: list[tuple[int, str]],
    ) -> None:
        # At one position the longest chain is the actor: "the party group of the Standing Committee of ...".
        actors = sorted([(pos, f"region/{code}") for pos, code in regions] + bodies, key=lambda a: (a[0], -len(a[1])))
        seen_pos: set[int] = set()
        kept: list[tuple[int, str]] = []
        for pos, key in actors:
            if pos in seen_pos or not self._can_act(key):
                continue
            seen_pos.add(pos)
            kept.append((pos, key))
        actors = kept
        if self.paragraph_subject is None or self.paragraph_subject[0] != s.paragraph:
            self.paragraph_subject = None
        if actors and self.paragraph_subject is None:
            self.paragraph_subject = (s.paragraph, self._subject(actors, None, s.end) or actors[0][1])
        if self.article_subject is None:
            bodies_first = [k for _, k in actors if k.startswith("body/") and k not in DEPLOYERS]
            self.article_subject = bodies_first[0] if bodies_first else None
        actors = [(p, k) for p, k in actors if not any(a <= p < b for a, b in self.objects)]
        self._supervision(s, ev, actors)
        for pos, campaign in campaigns:
            entity = self.facts.entities.get(campaign)
            if entity is None or entity.attrs.get("kind") in NOT_IMPLEMENTED:
                continue
            subject = self._subject(actors, self._clause_start(s, pos) if self.nearest_actor else None, pos)
            if subject is None and self.paragraph_subject is not None and not self.nearest_actor:
                subject = self.paragraph_subject[1]
            if subject is None and self.nearest_actor:
                subject = self.article_subject
            if subject:
                self.add(IMPLEMENTS, subject, campaign, ev)

    @staticmethod
    def _can_act(key: str) -> bool:
        """Meetings and congresses, outlets, the party as a whole and China do not carry out campaigns."""
        if key in (f"region/{CHINA}", "body/100000/cpc") or key.startswith("body/outlet/"):
            return False
        last = key.rsplit("/", 1)[-1]
        return not last.startswith(("national_congress", "party_congress"))

    @staticmethod
    def _clause_start(s: Sentence, pos: int) -> int:
        """Start of the clause (between commas) that holds ``pos``."""
        cut = max(s.text.rfind(c, 0, pos - s.start) for c in ",，;；")
        return s.start + cut + 1 if cut >= 0 else s.start

    def _subject(self, actors: list[tuple[int, str]], clause: int | None, pos: int) -> str | None:
        """The actor of a campaign mention: a body or region before it that is not a central leadership
        body (those are named as the source of the decision: "the deployment of the Party Central
        Committee"), else a central one, else the first after it. English puts the actor first in the
        clause; Chinese right before the campaign (省委“1310”具体部署), hence ``nearest_actor``."""
        if clause is not None:  # Chinese: the nearest actor in the same clause
            near = [k for p, k in actors if clause <= p < pos and k not in DEPLOYERS]
            return near[-1] if near else None
        before = [k for p, k in actors if p < pos]
        acting = [k for k in before if k not in DEPLOYERS]
        if acting:
            return acting[0]
        if before:
            return before[0]
        after = [k for p, k in actors if p >= pos and k not in DEPLOYERS]
        return after[0] if after else None

    def _is_group(self, key: str) -> bool:
        return key.startswith("body/") and key.rsplit("/", 1)[-1].split("-")[0] in GROUP_KINDS

    def _supervision(self, s: Sentence, ev: Evidence, actors: list[tuple[int, str]]) -> None:
        """A named steering or inspection group and a verb of guiding: the group supervises the sentence's
        places and bodies of the level below it (a central group: provinces)."""
        groups = [k for _, k in actors if self._is_group(k) and not k.endswith("/steering_groups")]
        verb = SUPERVISION_VERB.search(s.text)
        if not groups or not verb:
            return
        group = groups[0]
        group_region = group.split("/")[1]
        targets = [(p, k) for p, k in actors if p - s.start >= verb.start()]
        holder = self.article_subject if self.nearest_actor else (self.paragraph_subject or (0, None))[1]
        if not targets and holder:
            targets = [(0, holder)]  # 到会指导: the meeting's holder is guided
        for _, k in targets:
            if k == group or group.startswith(k + "/") or self._is_group(k) or k.startswith("body/100000"):
                continue
            region = k.split("/")[1] if k.startswith(("region/", "body/")) else ""
            if group_region == CHINA:
                r = self.gaz.get(region)
                if r is None or r.level != "province":
                    continue
            elif group_region not in self._chain(region) and region != group_region:
                continue
            self.add(SUPERVISES, group, k, ev)

    def finish(self) -> None:
        """Structural relations: units, jurisdictions and the containment chains."""
        from kgraph.extract.entities import EntityFactory

        make = EntityFactory(self.gaz, self.facts)
        for key in sorted(self.facts.entities):
            entity = self.facts.entities[key]
            if entity.type == BODY and "path" in entity.attrs:
                ref = BodyRef(entity.attrs["region"], tuple(entity.attrs["path"].split("/")))
                ev = (self.facts.evidence.get(key) or [None])[0]
                while ref.parent is not None and not ref.kind.startswith(("national_congress", "party_congress")):
                    parent_key = make.body(ref.parent, None, mention=False)
                    self.add(SUB_ORGANIZATION_OF, ref.key, parent_key, ev)
                    ref = ref.parent
                if ref.kind == "department":
                    gov = BodyRef(ref.region, ("government",))
                    self.add(SUB_ORGANIZATION_OF, ref.key, make.body(gov, None, mention=False), ev)
                top = BodyRef(entity.attrs["region"], tuple(entity.attrs["path"].split("/"))[:1])
                if top.serves_area() and entity.attrs["region"] in self.gaz.regions:
                    self.add(AREA_SERVED, key, make.region(entity.attrs["region"], None, mention=False), ev)
        for key in sorted(self.facts.entities):
            entity = self.facts.entities[key]
            if entity.type == REGION and "code" in entity.attrs and entity.attrs.get("level") != "place":
                code = entity.attrs["code"]
                region = self.gaz.get(code)
                while region is not None and region.parent:
                    parent = self.gaz.get(region.parent)
                    if parent is None:
                        break
                    parent_key = make.region(parent.code, None, mention=False)
                    self.add(CONTAINED_IN, region.key, parent_key, None)
                    region = parent
        self.facts.relations.sort(key=lambda r: (r.type, r.subject, r.object))
        assert all(self.facts.entities[r.object].type in (BODY, REGION, CAMPAIGN) for r in self.facts.relations)
