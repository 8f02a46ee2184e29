"""What an extractor says about one article: entities, mentions, relations, evidence.

``Article -> Facts`` is a pure function of the article and the lexicons, so
articles can be extracted in parallel and cached; the graph is built from
Facts alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kgraph.article import Article
from kgraph.relations import relation_kinds

OFFICIAL, PERSON, BODY, REGION, CAMPAIGN = "Official", "Person", "Body", "Region", "Campaign"
ENTITY_TYPES = (OFFICIAL, PERSON, BODY, REGION, CAMPAIGN)

HOLDS_POST = "holds_post"
SUB_ORGANIZATION_OF = "sub_organization_of"
AREA_SERVED = "area_served"
CONTAINED_IN = "contained_in"
SUPERVISES = "supervises"
IMPLEMENTS = "implements"
RELATION_TYPES = tuple(relation_kinds())  # kgraph/data/relations.tsv; the names above are its keys


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence and its character offsets."""

    article: str
    start: int
    end: int
    sentence: str


@dataclass
class Entity:
    """One entity as an article knows it; the graph merges these by ``key``."""

    key: str
    type: str
    label_en: str
    label_zh: str = ""
    aliases_en: set[str] = field(default_factory=set)
    aliases_zh: set[str] = field(default_factory=set)
    attrs: dict[str, str] = field(default_factory=dict)

    def merge(self, other: Entity) -> None:
        self.aliases_en |= other.aliases_en
        self.aliases_zh |= other.aliases_zh
        if other.type == OFFICIAL and self.type == PERSON:
            self.type = OFFICIAL
        if not self.label_zh and other.label_zh:
            self.label_zh = other.label_zh
        for k, v in other.attrs.items():
            self.attrs.setdefault(k, v)


@dataclass(frozen=True)
class Relation:
    type: str
    subject: str
    object: str
    title: str = ""
    evidence: Evidence | None = None


@dataclass(frozen=True)
class PostTime:
    """A post's start or end as one article reports it: the post (person, body and title keys), ``kind``
    ``start`` or ``end``, the date to the precision the text gives ("" where it gives none: "former Vice
    Mayor"), and the sentence that says so."""

    person: str
    body: str
    title: str
    kind: str
    date: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Byline:
    """A person credited in the article (reporter, photographer, translator), as written."""

    name: str
    role: str
    start: int
    end: int


@dataclass
class Facts:
    """Everything extracted from one article."""

    article: Article
    bylines: list[Byline] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # outlets named beside bylines or as the source
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    post_times: list[PostTime] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    _seen: set[tuple[str, str, str, str]] = field(default_factory=set, repr=False)

    def add_entity(self, entity: Entity, evidence: Evidence | None = None, mention: bool = True) -> str:
        """Record an entity; ``mention=False`` for implied ones (a parent the text does not name)."""
        known = self.entities.get(entity.key)
        if known:
            known.merge(entity)
        else:
            self.entities[entity.key] = entity
        if mention:
            self.mentions[entity.key] += 1
            if evidence is not None:
                self.evidence.setdefault(entity.key, []).append(evidence)
        return entity.key

    def add_relation(self, relation: Relation) -> None:
        if relation.subject == relation.object:
            return
        key = (relation.type, relation.subject, relation.object, relation.title)
        if key in self._seen:
            return
        self._seen.add(key)
        self.relations.append(relation)
