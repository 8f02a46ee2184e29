"""Chinese atoms and body chains: 中共渝中区委, 区政协党组, 市人大常委会, 中央第五指导组.

The Chinese naming grammar reads left to right: [中共] [region] [level 省/市/县/区]
head (head ...), each head a unit of the one before (人大 → 常委会 → 党组). A
level character without a region (省委, 区政协) takes the article's region of
that level.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from kgraph.extract.context import BodyMention, Context
from kgraph.extract.zh_lexicon import LEVEL, SPECIAL, parse_zh_number
from kgraph.extract.zh_lexicon import atoms as atom_trie
from kgraph.gazetteer import CHINA, Gazetteer
from kgraph.naming import BodyRef, body_types

LEVEL_OF = {"省": "province", "市": "city", "县": "county", "区": "district", "州": "prefecture"}
BARE_ROOTS = ("cppcc", "peoples_congress")  # 政协 and 人大 alone mean the local ones


@dataclass
class Atom:
    kind: str  # region | level | head | national | title | campaign | cpc | session
    start: int
    end: int
    text: str
    value: object


def find_atoms(text: str, gaz: Gazetteer, cuts: Container[int]) -> list[Atom]:
    """Atoms of one sentence. Short county names count only where jieba also cuts them out."""
    out: list[Atom] = []
    taken = bytearray(len(text))
    for m in SPECIAL.finditer(text):
        a, b, word = m.start(), m.end(), m.group(0)
        if m.lastgroup == "steer":
            value: object = ("cpc", "central_committee", f"steering_group:{parse_zh_number(m.group(2))}")
            out.append(Atom("national", a, b, word, value))
        elif m.lastgroup == "congress":
            out.append(Atom("national", a, b, word, ("cpc", f"national_congress:{parse_zh_number(m.group(4))}")))
        else:
            out.append(Atom("session", a, b, word, None))
        taken[a:b] = b"\x01" * (b - a)
    for end, (word, kind, value) in atom_trie(gaz).iter_long(text):
        b = end + 1
        a = b - len(word)
        if any(taken[a:b]):
            continue
        if kind == "region":
            value = _region_codes(word, value, gaz, a, b, cuts)  # type: ignore[arg-type]
            if not value:
                continue
        out.append(Atom(kind, a, b, word, value))
        taken[a:b] = b"\x01" * (b - a)
    for m in LEVEL.finditer(text):
        if not taken[m.start()]:
            out.append(Atom("level", m.start(), m.end(), m.group(0), LEVEL_OF[m.group(0)]))
    out.sort(key=lambda x: x.start)
    return out


def _region_codes(word: str, codes: list[str], gaz: Gazetteer, a: int, b: int, cuts: Container[int]) -> list[str]:
    full = [c for c in codes if gaz.regions[c].zh == word]
    if full:
        return full
    # A short name ("宽城", "中山") must stand as its own word, and county-level districts' short
    # names (和平, 城关, 新华) are too common to trust at all.
    short = [c for c in codes if gaz.regions[c].kind != "district"]
    if short and a in cuts and b in cuts:
        return short
    return []


def _allowed(parent: str, unit: str) -> bool:
    bt = body_types().get(unit.split(":")[0])
    return bool(bt and parent.split(":")[0] in bt.parents)


def _is_root(kind: str) -> bool:
    k = kind.split(":")[0]
    if k == "department":
        return True
    bt = body_types().get(k)
    return bool(bt and not bt.parents)


def parse(
    text: str, atoms: list[Atom], ctx: Context, gaz: Gazetteer
) -> tuple[list[BodyMention], list[tuple[str, str]]]:
    """Body mentions of a sentence, and (inner, outer) region pairs written as addresses (重庆市渝中区)."""
    out: list[BodyMention] = []
    addresses: list[tuple[str, str]] = []
    region: str | None = None
    level: str | None = None
    current: BodyRef | None = None
    cpc = False
    start = 0
    prev_end = -1
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        i += 1
        if atom.start != prev_end and atom.kind != "session":
            region, level, current, cpc, start = None, None, None, False, atom.start
        prev_end = atom.end
        if atom.kind == "session":
            continue
        if atom.kind == "cpc":
            cpc, start = True, atom.start
        elif atom.kind == "region":
            code = gaz.choose(atom.value, [region] if region else [])  # type: ignore[arg-type]
            if region and code and region in gaz.ancestors(code):
                addresses.append((code, region))
            if current is None:
                region = code
            if cpc and region and text.startswith("委员会", atom.end):  # 中国共产党北京市委员会
                current = BodyRef(region, ("party_committee",))
                prev_end = atom.end + 3
                out.append(BodyMention(current, start, prev_end, explicit_region=True))
        elif atom.kind == "level":
            level = str(atom.value)
        elif atom.kind in ("national", "head") and _is_cppcc(atom):
            # 政协重庆市渝中区第十五届委员会 / 中国人民政治协商会议重庆市渝中区…: the region follows.
            j, code = i, None
            while j < len(atoms) and atoms[j].start == atoms[j - 1].end and atoms[j].kind in ("region", "session"):
                if atoms[j].kind == "region":
                    outer = code
                    code = gaz.choose(atoms[j].value, [code] if code else [])  # type: ignore[arg-type]
                    if outer and code and outer in gaz.ancestors(code):
                        addresses.append((code, outer))
                j += 1
            if code:
                current = BodyRef(code, ("cppcc",))
                end = atoms[j - 1].end + (3 if text.startswith("委员会", atoms[j - 1].end) else 0)
                out.append(BodyMention(current, atom.start, end, explicit_region=True))
                i, prev_end = j, end
                continue
            if atom.kind == "national":
                current = BodyRef(CHINA, ("cppcc",))
                out.append(BodyMention(current, atom.start, atom.end, explicit_region=True))
            else:
                current = _extend(current, ("cppcc",), region, level, ctx, out, start, atom)
        elif atom.kind == "national":
            current = BodyRef(CHINA, tuple(atom.value))  # type: ignore[arg-type]
            out.append(BodyMention(current, atom.start, atom.end, explicit_region=True))
        elif atom.kind == "head":
            current = _extend(current, atom.value, region, level, ctx, out, start, atom)  # type: ignore[arg-type]
        else:
            region, level, current, cpc = None, None, None, False
    return out, addresses


def _is_cppcc(atom: Atom) -> bool:
    return atom.value == ("cppcc",)


def _extend(
    current: BodyRef | None,
    path: tuple[str, ...],
    region: str | None,
    level: str | None,
    ctx: Context,
    out: list[BodyMention],
    start: int,
    atom: Atom,
) -> BodyRef | None:
    """Add a head's types to the chain; record every body it names."""
    for kind in path:
        if current is not None and _allowed(current.path[-1], kind):
            current = BodyRef(current.region, current.path + (kind,))
        elif _is_root(kind) and current is None:
            code = region or (ctx.region_for(level) if level else None)
            if code is None and kind in BARE_ROOTS:
                code = ctx.home
            if code is None or (kind == "party_committee" and not (region or level)):
                return None
            current = BodyRef(code, (kind,))
        elif current is None:
            out.append(BodyMention(None, atom.start, atom.end, unit=kind))
            return None
        else:
            return current
        out.append(BodyMention(current, start, atom.end, explicit_region=region is not None))
    return current
