"""How an article's bare references resolve: "the Provincial Party Committee", 市委, 全县, a bare "CPPCC".

The region the text names most often on its own wins; among equals the most
local one (a county-level city over its prefecture), then the first named.
"""

from __future__ import annotations

from collections import Counter

from kgraph.gazetteer import CHINA, Gazetteer

CITY_KINDS = ("city", "municipality")
COUNTY_KINDS = ("county", "autonomous_county")
PROVINCE_KINDS = ("province", "autonomous_region")
RANK = {"province": 1, "prefecture": 2, "county": 3}


class Context:
    """The article's region for each level word, and its home: the most local region it is about; and the
    regions the current paragraph has named, which win for their level (a round-up of several counties:
    定南县委召开… then 乐安也不例外,…县委召开 — the second 县委 is Le'an's)."""

    def __init__(self, by_level: dict[str, str | None]):
        self.by_level = by_level
        self.near: dict[str, str] = {}

    def region_for(self, level: str) -> str | None:
        if level == "central":
            return CHINA
        return self.near.get(level) or self.by_level.get(level)

    def paragraph(self) -> None:
        """A new paragraph: forget the regions the last one named."""
        self.near = {}

    def named(self, gaz: Gazetteer, code: str) -> None:
        """The text named this region on its own: it is what its level's words mean here."""
        region = gaz.regions.get(code)
        if region is None:
            return
        for level in levels_of(region.kind, region.level):
            self.near[level] = code

    @property
    def home(self) -> str | None:
        return self.by_level.get("home")

    def local(self) -> str:
        """Where a place named below the county lies when the text does not say: the most local region."""
        return self.region_for("county") or self.region_for("district") or self.home or CHINA


def levels_of(kind: str, level: str) -> list[str]:
    """The level words a region of this kind answers to ("city" and "prefecture" for a prefectural city)."""
    out = []
    if kind in PROVINCE_KINDS:
        out.append("province")
    if kind in CITY_KINDS:
        out.append("city")
    if kind in COUNTY_KINDS:
        out.append("county")
    if kind == "district":
        out.append("district")
    if level == "prefecture":
        out.append("prefecture")
    return out


def build_context(gaz: Gazetteer, counts: Counter[str], first_seen: dict[str, int]) -> Context:
    """The context of an article whose regions were named ``counts`` times, first at ``first_seen``."""

    def best(codes: list[str]) -> str | None:
        if not codes:
            return None
        return min(codes, key=lambda c: (-counts[c], -RANK.get(gaz.regions[c].level, 0), first_seen.get(c, 0)))

    known = [c for c in counts if c in gaz.regions and gaz.regions[c].level in RANK]
    kinds = {c: gaz.regions[c].kind for c in known}
    province = best([c for c in known if kinds[c] in PROVINCE_KINDS])
    if province is None and known:
        province = gaz.province_of(best(known) or "")
    cities = [c for c in known if kinds[c] in CITY_KINDS]
    counties = [c for c in known if kinds[c] in COUNTY_KINDS]
    districts = [c for c in known if kinds[c] == "district"]
    prefectures = [c for c in known if gaz.regions[c].level == "prefecture"]
    return Context(
        {
            "province": province,
            "city": best(cities),
            "county": best(counties),
            "district": best(districts),
            "prefecture": best(prefectures),
            "home": best(cities + counties + districts) or province,
        }
    )
