"""China's administrative divisions: codes, names in both languages, containment.

The county-level and higher divisions come from ``data/regions.tsv`` (generated
by ``scripts/build_gazetteer.py`` from GB/T 2260 codes). Lower levels
(townships, streets, villages, communities) are not listed anywhere complete,
so they are recognised by their suffix and placed under the region the text
puts them in; their ids hang under that parent's code.
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass, field
from functools import lru_cache

from kgraph.ids import slug
from kgraph.lexicon import split, table

CHINA = "100000"


@dataclass(frozen=True)
class PlaceLevel:
    """A level word of places below the county (``data/place_levels.tsv``)."""

    word: str  # canonical English word: "Town"
    level: str  # township | community
    forms: dict[str, tuple[str, ...]]  # language -> level words (lowercase English, Chinese suffixes)


@lru_cache(maxsize=1)
def place_levels() -> dict[str, PlaceLevel]:
    """Level words below the county by their canonical English word."""
    out: dict[str, PlaceLevel] = {}
    for r in table("place_levels.tsv"):
        forms = {k.split("_")[0]: tuple(split(v)) for k, v in r.items() if k.endswith("_forms")}
        out[r["word"]] = PlaceLevel(r["word"], r["level"], forms)
    return out


def level_words(lang: str) -> dict[str, str]:
    """Level word in ``lang`` -> the canonical English word ("street" -> "Subdistrict", 镇 -> "Town")."""
    return {form: p.word for p in place_levels().values() for form in p.forms.get(lang, ())}


@dataclass(frozen=True)
class Region:
    """One administrative division (or a named place treated as one)."""

    code: str
    parent: str
    level: str
    kind: str
    zh: str
    zh_short: str
    en: str
    en_aliases: tuple[str, ...] = ()
    lon: str = ""
    lat: str = ""

    @property
    def key(self) -> str:
        return f"region/{self.code}"

    @property
    def is_city(self) -> bool:
        """Whether bodies of this region are "Municipal" (市委, 市政府)."""
        return self.kind in ("city", "municipality")

    def body_prefix(self) -> str:
        """The region with its level adjective, as bodies are named: "Guizhou Provincial"."""
        if self.kind == "province":
            return f"{self.en} Provincial"
        if self.kind == "autonomous_region":  # "Guangxi Zhuang Autonomous Region People's Government"
            return next((a for a in self.en_aliases if a.endswith("Autonomous Region")), f"{self.en} Autonomous Region")
        if self.kind in ("city", "municipality"):
            return f"{self.en} Municipal"
        if self.kind == "sar":
            return f"{self.en} Special Administrative Region"
        return self.en

    def full_en(self) -> str:
        """The name with its level noun, as in "the Supervisory Commission of Guangdong Province"."""
        nouns = {"province": "Province", "municipality": "Municipality", "city": "City"}
        if self.kind in nouns:
            return f"{self.en} {nouns[self.kind]}"
        return next((a for a in self.en_aliases if a.endswith("Autonomous Region")), self.en)

    def body_prefixes(self) -> list[str]:
        """Every form of :meth:`body_prefix`, the canonical one first."""
        out = [self.body_prefix()]
        if self.kind == "autonomous_region":
            out += [f"{self.en} Autonomous Regional", f"{self.en} Regional", f"{self.en} Autonomous Region"]
        if self.kind in ("autonomous_county", "autonomous_prefecture"):
            out += [a for a in self.en_aliases if a.endswith(("County", "Prefecture"))]
        return out


@dataclass
class Gazetteer:
    """Lookups over all regions by code, English and Chinese name."""

    regions: dict[str, Region] | ChainMap[str, Region] = field(default_factory=dict)
    by_en: dict[str, list[str]] | ChainMap[str, list[str]] = field(default_factory=dict)
    by_zh: dict[str, list[str]] | ChainMap[str, list[str]] = field(default_factory=dict)
    _first_words: frozenset[str] | None = field(default=None, repr=False)

    def add(self, region: Region) -> None:
        self.regions[region.code] = region
        for name in (region.en, *region.en_aliases):
            self.by_en[name.lower()] = [*self.by_en.get(name.lower(), []), region.code]
        for name in dict.fromkeys((region.zh, region.zh_short)):
            if name:
                self.by_zh[name] = [*self.by_zh.get(name, []), region.code]

    def child(self) -> Gazetteer:
        """A view that adds places found in one article without changing the shared gazetteer."""
        # Names stay shared: places added to a child are found by their suffix, not looked up by name.
        return Gazetteer(ChainMap({}, self.regions), self.by_en, self.by_zh, self.first_words())

    def first_words(self) -> frozenset[str]:
        """Lower-cased first words of all English names, to skip words that start none."""
        if self._first_words is None:
            self._first_words = frozenset(name.split(" ", 1)[0] for name in self.by_en)
        return self._first_words

    def get(self, code: str) -> Region | None:
        return self.regions.get(code)

    def ancestors(self, code: str) -> list[str]:
        """Codes of the enclosing regions, nearest first, ending with China."""
        out: list[str] = []
        region = self.regions.get(code)
        while region and region.parent and region.parent not in out:
            out.append(region.parent)
            region = self.regions.get(region.parent)
        return out

    def province_of(self, code: str) -> str | None:
        chain = [code, *self.ancestors(code)]
        for c in chain:
            r = self.regions.get(c)
            if r and r.level == "province":
                return c
        return None

    def lookup_en(self, name: str) -> list[str]:
        return self.by_en.get(name.lower(), [])

    def lookup_zh(self, name: str) -> list[str]:
        return self.by_zh.get(name, [])

    def choose(self, codes: list[str], context: list[str]) -> str | None:
        """Pick among same-named regions: one inside a context region, else the highest level.

        "Taoyuan County" or "Chaoyang District" name several places; the text's
        other regions say which. Without a clue the higher-level or lower-code
        one is taken, so the choice is at least deterministic.
        """
        if not codes:
            return None
        if len(codes) == 1:
            return codes[0]
        ctx = set(context)
        inside = [c for c in codes if ctx & set(self.ancestors(c))]
        if inside:
            codes = inside
        rank = {"country": 0, "province": 1, "prefecture": 2, "county": 3, "township": 4, "community": 5}
        return min(codes, key=lambda c: (rank.get(self.regions[c].level, 9), c))

    def lower_region(self, name_en: str, name_zh: str, level_word: str, parent: str) -> Region:
        """A township, street, village or community, identified under its parent."""
        pl = place_levels().get(level_word)
        level = pl.level if pl else "township"
        code = f"{parent}/{slug(name_en)}"
        if code not in self.regions:
            aliases: tuple[str, ...] = ()
            if level_word == "Subdistrict":
                aliases = (name_en.replace("Subdistrict", "Street"),)
            self.regions[code] = Region(
                code=code,
                parent=parent,
                level=level,
                kind=level_word.lower(),
                zh=name_zh,
                zh_short=name_zh,
                en=name_en,
                en_aliases=aliases,
            )
        return self.regions[code]

    def feature(self, name_en: str, name_zh: str, parent: str) -> Region:
        """A named place that is not a division (a river, a lake), kept as a region."""
        code = f"place/{slug(name_en)}"
        if code not in self.regions:
            self.regions[code] = Region(
                code=code, parent=parent, level="place", kind="place", zh=name_zh, zh_short=name_zh, en=name_en
            )
        return self.regions[code]


@lru_cache(maxsize=1)
def _base() -> tuple[Region, ...]:
    return tuple(
        Region(
            code=r["code"],
            parent=r["parent"],
            level=r["level"],
            kind=r["kind"],
            zh=r["zh"],
            zh_short=r["zh_short"],
            en=r["en"],
            en_aliases=tuple(split(r["en_aliases"])),
            lon=r["lon"],
            lat=r["lat"],
        )
        for r in table("regions.tsv")
    )


def load() -> Gazetteer:
    """A fresh gazetteer (lower-level places found in articles are added to it)."""
    gaz = Gazetteer()
    for region in _base():
        gaz.add(region)
    return gaz


@lru_cache(maxsize=1)
def shared() -> Gazetteer:
    """The listed regions, loaded once per process; extraction adds places only to its :meth:`Gazetteer.child` views."""
    return load()
