"""The party-state's naming grammar: from (region, type path) to ids and names.

A body is identified by the region it serves and the path of body types from
its root body down to it: the Party Group of the Standing Committee of the
Quanzhou Municipal People's Congress is ``("350500", ("peoples_congress",
"standing_committee", "party_group"))``. English and Chinese extractors both
produce such references, so 泉州市人大常委会党组 and the English name meet
on one id, and every name and alias is generated here from
``data/body_types.tsv``, ``data/departments.tsv`` and
``data/national_bodies.tsv``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from kgraph.gazetteer import CHINA, Gazetteer, Region
from kgraph.lexicon import split, table

ORDINALS = [
    "Zeroth",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
    "Twenty-first",
    "Twenty-second",
    "Twenty-third",
    "Twenty-fourth",
    "Twenty-fifth",
]
ZH_NUMERALS = "零一二三四五六七八九十"


def zh_number(n: int) -> str:
    """1..99 in Chinese numerals (第十五届, 二十大)."""
    if n <= 10:
        return ZH_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (ZH_NUMERALS[tens] if tens > 1 else "") + "十" + (ZH_NUMERALS[ones] if ones else "")


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


@dataclass(frozen=True)
class BodyType:
    key: str
    parents: tuple[str, ...]
    en: str
    en_alt: tuple[str, ...]
    en_heads: tuple[str, ...]
    zh: str
    zh_alt: tuple[str, ...]
    zh_heads: tuple[str, ...]
    area: bool
    purpose: str = "no"  # no | yes | only: whether the type is named by its purpose
    en_q: str = ""
    en_q_alt: tuple[str, ...] = ()
    zh_q: str = ""
    zh_q_alt: tuple[str, ...] = ()


@dataclass(frozen=True)
class Department:
    key: str
    en_prov: str
    en_local: str
    en_alt: tuple[str, ...]
    zh_prov: str
    zh_local: str
    zh_alt: tuple[str, ...]
    en_national: str = ""
    zh_national: tuple[str, ...] = ()


@dataclass(frozen=True)
class Purpose:
    """What a group is for, as its name says: "Theme Education", 主题教育."""

    key: str
    en: str
    en_alt: tuple[str, ...]
    zh: str
    zh_alt: tuple[str, ...]


@lru_cache(maxsize=1)
def body_types() -> dict[str, BodyType]:
    return {
        r["key"]: BodyType(
            r["key"],
            tuple(p for p in r["parents"].split(",") if p and p != "-"),
            r["en"],
            tuple(split(r["en_alt"])),
            tuple(split(r["en_heads"])),
            r["zh"],
            tuple(split(r["zh_alt"])),
            tuple(split(r["zh_heads"])),
            r["area"] == "yes",
            r["purpose"],
            r["en_q"],
            tuple(split(r["en_q_alt"])),
            r["zh_q"],
            tuple(split(r["zh_q_alt"])),
        )
        for r in table("body_types.tsv")
    }


@lru_cache(maxsize=1)
def departments() -> dict[str, Department]:
    return {
        r["key"]: Department(
            r["key"],
            r["en_prov"],
            r["en_local"],
            tuple(split(r["en_alt"])),
            r["zh_prov"],
            r["zh_local"],
            tuple(split(r["zh_alt"])),
            r["en_national"],
            tuple(split(r["zh_national"])),
        )
        for r in table("departments.tsv")
    }


@lru_cache(maxsize=1)
def purposes() -> dict[str, Purpose]:
    return {
        r["key"]: Purpose(r["key"], r["en"], tuple(split(r["en_alt"])), r["zh"], tuple(split(r["zh_alt"])))
        for r in table("group_purposes.tsv")
    }


@lru_cache(maxsize=4)
def purpose_forms(lang: str = "") -> dict[str, str]:
    """A group's purpose as written in ``lang`` (all languages when empty), lower-cased -> its key."""
    out: dict[str, str] = {}
    for key, p in purposes().items():
        written = {"en": (p.en, *p.en_alt), "zh": (p.zh, *p.zh_alt)}
        for form in written.get(lang) or (*written["en"], *written["zh"]):
            out.setdefault(form.lower(), key)
    return out


@lru_cache(maxsize=1)
def national_bodies() -> dict[str, dict[str, str]]:
    return {r["path"]: r for r in table("national_bodies.tsv")}


@lru_cache(maxsize=1)
def level_names() -> dict[tuple[str, str], dict[str, str]]:
    """Names of a body type at one level or kind of region (a province's Higher People's Court)."""
    return {(r["type"], r["level"]): r for r in table("level_names.tsv")}


@lru_cache(maxsize=1)
def central_paths() -> dict[str, tuple[str, ...]]:
    """Local body type -> the path of its central counterpart (government -> the State Council)."""
    return {r["type"]: tuple(r["path"].split("/")) for r in table("national_bodies.tsv") if r["type"]}


@lru_cache(maxsize=1)
def _grammar_types() -> dict[str, str]:
    return {path[-1]: kind for kind, path in central_paths().items()}


def grammar_type(kind: str) -> str:
    """The body type a kind behaves as in the naming grammar: the Central Committee as a party committee,
    the State Council as a government (so 中央组织部 and 国务院办公厅 are their units)."""
    base = kind.split(":")[0]
    return _grammar_types().get(base, base)


def central(kind: str) -> tuple[str, ...]:
    """The path under China of a root type named at the central level (中央纪委, "the central government",
    国家统计局): its national counterpart, a ministry under the State Council, or the type itself."""
    if kind in central_paths():
        return central_paths()[kind]
    if kind.startswith("department:"):
        return central_paths().get("government", ()) + (kind,)
    return (kind,)


@dataclass(frozen=True)
class BodyRef:
    """A body: the region it belongs to and its path of types (``department:education``)."""

    region: str
    path: tuple[str, ...]

    @property
    def key(self) -> str:
        return "body/" + self.region + "/" + "/".join(p.replace(":", "-") for p in self.path)

    def lineage(self) -> list[BodyRef]:
        """This body and every body it is a unit of."""
        out: list[BodyRef] = [self]
        ref = self.parent
        while ref is not None:
            out.append(ref)
            ref = ref.parent
        return out

    @property
    def parent(self) -> BodyRef | None:
        if len(self.path) <= 1:
            return None
        return BodyRef(self.region, self.path[:-1])

    @property
    def kind(self) -> str:
        """The type of the last path element, without its qualifier."""
        return self.path[-1].split(":")[0]

    @property
    def national(self) -> bool:
        return self.region == CHINA

    def serves_area(self) -> bool:
        """Whether the body's jurisdiction is its region (roots and departments)."""
        if self.national:
            return False
        bt = body_types().get(self.kind)
        return bool(bt and bt.area)


@dataclass(frozen=True)
class Names:
    en: str
    en_alt: tuple[str, ...]
    zh: str
    zh_alt: tuple[str, ...]

    @property
    def zh_short(self) -> str:
        """The shortest Chinese name, the form that units build on (贵州省委 -> 贵州省委常委会)."""
        return min((self.zh, *self.zh_alt), key=len)


def _fill(template: str, **values: str) -> str:
    out = template
    for k, v in values.items():
        out = out.replace("{" + k + "}", v)
    return out


def _dedupe(canonical: str, items: list[str]) -> tuple[str, ...]:
    return tuple(x for x in dict.fromkeys(items) if x and x != canonical)


def _national(ref: BodyRef) -> Names | None:
    path = "/".join(ref.path)
    row = national_bodies().get(path)
    if row:
        return Names(row["en"], tuple(split(row["en_alt"])), row["zh"], tuple(split(row["zh_alt"])))
    last = ref.path[-1]
    kind, _, qual = last.partition(":")
    if kind == "steering_group" and qual.isdigit():
        n = int(qual)
        o = ORDINALS[n] if n < len(ORDINALS) else ordinal_suffix(n)
        return Names(
            f"{o} Central Steering Group",
            (
                f"Central {o} Steering Group",
                f"{o} Steering Group of the Central Committee",
                f"{o} Central Steering Group for Theme Education",
                f"{o} Central Guidance Group",
            ),
            f"中央第{zh_number(n)}指导组",
            (f"中央主题教育第{zh_number(n)}指导组",),
        )
    if kind == "circuit_guidance_group" and qual.isdigit():
        n = int(qual)
        o = ORDINALS[n] if n < len(ORDINALS) else ordinal_suffix(n)
        return Names(
            f"{o} Central Circuit Guidance Group",
            (f"Central {o} Circuit Guidance Group", f"{o} Circuit Guidance Group of the Central Committee"),
            f"中央第{zh_number(n)}巡回指导组",
            (f"中央主题教育第{zh_number(n)}巡回指导组",),
        )
    if kind == "national_congress" and qual.isdigit():
        n = int(qual)
        o = ordinal_suffix(n)
        return Names(
            f"{o} National Congress of the Communist Party of China",
            (
                f"{o} CPC National Congress",
                f"{o} National Congress of the CPC",
                f"{o} National Congress of the Party",
                f"{o} Party Congress",
            ),
            f"中国共产党第{zh_number(n)}次全国代表大会",
            (f"党的{zh_number(n)}大", f"{zh_number(n)}大"),
        )
    return None


def names(ref: BodyRef, gaz: Gazetteer, proper: Mapping[BodyRef, Names] | None = None) -> Names:
    """Canonical and alternative names of a body in English and Chinese; ``proper`` gives the names of
    bodies known by their own names (an enterprise), which its units' names build on."""
    if proper and ref in proper:
        return proper[ref]
    if ref.national:
        found = _national(ref)
        if found:
            return found
    if ref.kind == "party_congress":
        return _party_congress(ref, gaz)
    if len(ref.path) == 1:
        region = gaz.get(ref.region)
        if region is None:
            raise KeyError(f"unknown region {ref.region}")
        return _root_names(ref.path[0], region)
    parent = ref.parent
    assert parent is not None
    pn = names(parent, gaz, proper)
    kind, _, qual = ref.path[-1].partition(":")
    if kind == "department":
        region = gaz.get(ref.region)
        assert region is not None
        return _root_names(ref.path[-1], region)
    bt = body_types()[kind]
    purpose = purposes().get(qual) if bt.purpose != "no" else None
    if purpose is not None:
        return _purposed(bt, purpose, pn)
    en = _fill(bt.en, P=pn.en)
    en_alt = [_fill(t, P=p) for p in (pn.en, *pn.en_alt) for t in (bt.en, *bt.en_alt)]
    zh = _fill(bt.zh, p=pn.zh_short)
    zh_alt = [_fill(t, p=p) for p in (pn.zh_short, pn.zh) for t in (bt.zh, *bt.zh_alt)]
    return Names(en, _dedupe(en, en_alt), zh, _dedupe(zh, zh_alt))


def _purposed(bt: BodyType, purpose: Purpose, pn: Names) -> Names:
    """A group named by its purpose: "Leading Group for Theme Education of the …", 省委主题教育领导小组."""
    en = _fill(bt.en_q, P=pn.en, Q=purpose.en)
    en_alt = [
        _fill(t, P=p, Q=q)
        for p in (pn.en, *pn.en_alt)
        for q in (purpose.en, *(a.title() for a in purpose.en_alt))
        for t in (bt.en_q, *bt.en_q_alt)
    ]
    zh = _fill(bt.zh_q, p=pn.zh_short, q=purpose.zh)
    zh_alt = [
        _fill(t, p=p, q=q)
        for p in (pn.zh_short, pn.zh)
        for q in (purpose.zh, *purpose.zh_alt)
        for t in (bt.zh_q, *bt.zh_q_alt)
    ]
    return Names(en, _dedupe(en, en_alt), zh, _dedupe(zh, zh_alt))


def _level_names(row: dict[str, str], region: Region) -> Names:
    values = {"R": region.body_prefix(), "N": region.en, "E": region.full_en(), "r": region.zh, "s": region.zh_short}
    en = _fill(row["en"], **values)
    zh = _fill(row["zh"], **values)
    en_alt = [_fill(t, **values) for t in split(row["en_alt"])]
    zh_alt = [_fill(t, **values) for t in split(row["zh_alt"])]
    return Names(en, _dedupe(en, en_alt), zh, _dedupe(zh, zh_alt))


def _party_congress(ref: BodyRef, gaz: Gazetteer) -> Names:
    region = gaz.get(ref.region)
    assert region is not None
    n = int(ref.path[-1].partition(":")[2] or 0)
    o = ordinal_suffix(n)
    level = {"province": "Provincial", "autonomous_region": "Autonomous Regional"}.get(region.kind, "Municipal")
    en = f"{o} {region.en} {level} Party Congress"
    alt = [f"{o} Party Congress of {region.en}", f"{o} CPC {region.en} {level} Congress"]
    short = region.zh_short
    zh = f"中国共产党{region.zh}第{zh_number(n)}次代表大会"
    zh_alt = [f"{short}第{zh_number(n)}次党代会", f"{region.zh}第{zh_number(n)}次党代会"]
    return Names(en, _dedupe(en, alt), zh, _dedupe(zh, zh_alt))


def _root_names(kind_q: str, region: Region) -> Names:
    kind, _, qual = kind_q.partition(":")
    prefixes = region.body_prefixes()
    if kind == "department" and region.level == "country":
        dept = departments()[qual]
        return Names(dept.en_national, (), dept.zh_national[0], dept.zh_national[1:])
    for where in (region.kind, region.level):
        if (kind, where) in level_names():
            return _level_names(level_names()[(kind, where)], region)
    if kind == "department":
        dept = departments()[qual]
        provincial = region.level == "province"
        d_en = dept.en_prov if provincial else dept.en_local
        d_zh = dept.zh_prov if provincial else dept.zh_local
        en = f"{prefixes[0]} {d_en}"
        alt = [f"{p} {d}" for p in prefixes for d in (d_en, *dept.en_alt)]
        alt.append(f"{d_en} of {region.en}" + (" Province" if provincial else ""))
        zh = f"{region.zh}{d_zh}"
        zh_alt = [f"{region.zh}{d}" for d in dept.zh_alt]
        return Names(en, _dedupe(en, alt), zh, _dedupe(zh, zh_alt))
    bt = body_types()[kind]
    en = _fill(bt.en, R=prefixes[0])
    alt = [_fill(t, R=p) for p in prefixes for t in (bt.en, *bt.en_alt)]
    zh = _fill(bt.zh, r=region.zh)
    zh_alt = [_fill(t, r=region.zh) for t in bt.zh_alt]
    if region.zh_short != region.zh and region.level in ("province", "prefecture"):
        zh_alt += [_fill(t, r=region.zh_short) for t in bt.zh_alt if kind == "cppcc"]
    return Names(en, _dedupe(en, alt), zh, _dedupe(zh, zh_alt))
