"""Atoms: the smallest named pieces of the party-state's language in a sentence.

Both language packs cut a sentence into the same kinds of atoms, so that one
body-chain parser and one post rule serve every language:

``region``    a place; ``value`` is a :class:`Place`
``level``     a level word without a place (省, "Provincial"); ``value`` is the level
``head``      a body type word (委, "Party Committee"); ``value`` is a :class:`Head`
``national``  a central body (党中央, "State Council"); ``value`` is its path under China
``cpc``       the party's name before a body (中共, "CPC")
``ordinal``   a term or session number (第十五届, "14th"), transparent inside a body name
``purpose``   what a group is for (扶贫开发, "Comprehensively Deepening Reform"); ``value`` is its key
``org``       an organisation with a proper name (an enterprise, a university); ``value`` is a :class:`ProperName`
``title``     a post (书记, "Vice Governor"); ``value`` is a :class:`~kgraph.extract.titles.Title`
``campaign``  a lexicon campaign; ``value`` is its key
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Place:
    """What a region atom may be: listed regions (``codes``, until one is chosen), or a place below the
    county found by its level word (``lower``: English name, Chinese name, level word), or a named
    feature such as a river."""

    codes: list[str] = field(default_factory=list)
    lower: tuple[str, str, str] | None = None
    feature: bool = False
    surface: str = ""


@dataclass(frozen=True)
class Head:
    """What a head word may name: one or more type paths, the first that fits its place in the name
    (党委 after a place is a party committee, after a department that department's own), and the level it
    implies on its own (教育部 names a ministry, central)."""

    paths: tuple[tuple[str, ...], ...]
    level: str = ""


@dataclass(frozen=True)
class ProperName:
    """An organisation the text names by its own name: an enterprise (内蒙古能源发电投资集团), a university,
    a military unit. ``kind`` is its body type; ``key`` a slug of its name, unique within the type."""

    kind: str
    key: str
    en: str
    zh: str = ""


@dataclass
class Atom:
    kind: str
    start: int
    end: int
    text: str
    value: object = None

    @property
    def place(self) -> Place:
        assert isinstance(self.value, Place)
        return self.value


#: Atoms that start a body name: after a head they begin a new one ("…委 省政府", "… Committee Provincial").
PREFIX_KINDS = ("region", "level", "national", "cpc")
#: Atoms that may stand inside a body name.
NAME_KINDS = ("region", "level", "head", "national", "cpc", "ordinal", "purpose", "campaign", "org")
