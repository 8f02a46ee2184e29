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
    """The article's region for each level word, and its home: the most local region it is about."""

    def __init__(self, by_level: dict[str, str | None]):
        self.by_level = by_level

    def region_for(self, level: str) -> str | None:
        if level == "central":
            return CHINA
        return self.by_level.get(level)

    @property
    def home(self) -> str | None:
        return self.by_level.get("home")

    def local(self) -> str:
        """Where a place named below the county lies when the text does not say: the most local region."""
        return self.region_for("county") or self.region_for("district") or self.home or CHINA


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
