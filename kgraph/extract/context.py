"""What both extractors share about one article: body mentions and how bare references resolve."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kgraph.gazetteer import CHINA, Gazetteer
from kgraph.naming import BodyRef

CITY_KINDS = ("city", "municipality")


@dataclass
class BodyMention:
    """A body named in text; ``ref`` is None for a unit whose owner the text leaves out."""

    ref: BodyRef | None
    start: int
    end: int
    unit: str = ""  # for unowned units: the unit type ("standing_committee")
    explicit_region: bool = False


class Context:
    """How an article's bare references resolve: "the Provincial Party Committee" -> a code."""

    def __init__(self, by_level: dict[str, str | None]):
        self.by_level = by_level

    def region_for(self, level: str) -> str | None:
        if level == "central":
            return CHINA
        return self.by_level.get(level)

    @property
    def home(self) -> str | None:
        return self.by_level.get("home")


def build_context(gaz: Gazetteer, counts: Counter[str], first_seen: dict[str, int]) -> Context:
    """Which region "the Provincial Party Committee", 市委 and a bare "CPPCC" mean.

    The region the text names most often on its own wins; among equals the
    most local one (a county-level city over its prefecture), then the first named.
    """
    rank = {"province": 1, "prefecture": 2, "county": 3}

    def best(codes: list[str]) -> str | None:
        if not codes:
            return None
        return min(codes, key=lambda c: (-counts[c], -rank.get(gaz.regions[c].level, 0), first_seen.get(c, 0)))

    known = [c for c in counts if c in gaz.regions and gaz.regions[c].level in rank]
    provinces = [c for c in known if gaz.regions[c].kind in ("province", "autonomous_region")]
    province = best(provinces)
    if province is None and known:
        province = gaz.province_of(best(known) or "")
    cities = [c for c in known if gaz.regions[c].kind in CITY_KINDS]
    counties = [c for c in known if gaz.regions[c].kind in ("county", "autonomous_county")]
    districts = [c for c in known if gaz.regions[c].kind == "district"]
    prefectures = [c for c in known if gaz.regions[c].level == "prefecture"]
    city = best(cities)
    home = best(cities + counties + districts) or province
    return Context(
        {
            "province": province,
            "city": city,
            "county": best(counties),
            "district": best(districts),
            "prefecture": best(prefectures),
            "home": home,
        }
    )
