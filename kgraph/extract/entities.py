"""Entities with their canonical keys, labels and aliases in both languages.

Every pack goes through this factory, so an English and a Chinese mention of
the same official, body, region or campaign get the same key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.campaigns import CampaignMatch, lexicon
from kgraph.facts import BODY, CAMPAIGN, REGION, Entity, Evidence, Facts
from kgraph.gazetteer import Gazetteer, shared
from kgraph.ids import slug
from kgraph.lexicon import split
from kgraph.naming import BodyRef, Names, names


@lru_cache(maxsize=65536)
def _listed_names(ref: BodyRef) -> Names:
    """Names of bodies of listed regions are the same in every article: computed once."""
    return names(ref, shared())


class EntityFactory:
    """Adds entities to one article's Facts."""

    def __init__(self, gaz: Gazetteer, facts: Facts):
        self.gaz = gaz
        self.facts = facts
        self.proper: dict[BodyRef, Names] = {}  # bodies with their own names, as the text gives them

    def person(self, name: str, etype: str, ev: Evidence | None, role: str = "", zh: str = "") -> str:
        attrs = {"role": role} if role else {}
        entity = Entity(f"person/{slug(name)}", etype, name, zh, {name}, {zh} if zh else set(), attrs)
        return self.facts.add_entity(entity, ev)

    def outlet(self, name: str, ev: Evidence | None, zh: str = "") -> str:
        entity = Entity(f"body/outlet/{slug(name)}", BODY, name, zh, {name}, {zh} if zh else set(), {"kind": "outlet"})
        return self.facts.add_entity(entity, ev)

    def region(self, code: str, ev: Evidence | None, surface: str = "", mention: bool = True) -> str:
        r = self.gaz.regions[code]
        aliases = {r.en, *r.en_aliases}
        if surface:
            aliases.add(surface)
        zh = {x for x in (r.zh, r.zh_short) if x}
        attrs = {"level": r.level, "code": code, "kind": r.kind}
        if r.lon and r.lat:
            attrs |= {"lon": r.lon, "lat": r.lat}
        return self.facts.add_entity(Entity(r.key, REGION, r.en, r.zh, aliases, zh, attrs), ev, mention)

    def body(self, ref: BodyRef, ev: Evidence | None, mention: bool = True, proper: Names | None = None) -> str:
        if proper is not None:
            self.proper[ref] = proper
        if any(r in self.proper for r in ref.lineage()):
            n = names(ref, self.gaz, self.proper)
        else:
            n = _listed_names(ref) if ref.region.isdigit() else names(ref, self.gaz)
        entity = Entity(
            ref.key,
            BODY,
            n.en,
            n.zh,
            {n.en, *n.en_alt},
            {n.zh, *n.zh_alt},
            {"region": ref.region, "path": "/".join(ref.path)},
        )
        return self.facts.add_entity(entity, ev, mention)

    def campaign(self, match: CampaignMatch, ev: Evidence | None) -> str:
        row = lexicon().get(match.key)
        if row:
            entity = Entity(
                f"campaign/{match.key}",
                CAMPAIGN,
                row["en"],
                split(row["zh"])[0] if row["zh"] else "",
                {row["en"], *split(row["en_alt"]), _clean(match.label)},
                set(split(row["zh"])),
                {"kind": row["kind"]},
            )
        else:
            label = _clean(match.label)
            entity = Entity(
                f"campaign/{match.key}",
                CAMPAIGN,
                label[:1].upper() + label[1:],
                match.zh,
                {label},
                {match.zh} if match.zh else set(),
                {"kind": "discovered"},
            )
        return self.facts.add_entity(entity, ev)


def _clean(label: str) -> str:
    return re.sub(r"\s+", " ", label.replace("“", "").replace("”", "").replace("’", "'")).strip()
