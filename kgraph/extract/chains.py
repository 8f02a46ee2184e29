"""One body-chain parser for every language: atoms in naming order -> the bodies they name.

The party-state names a body as [region] [level] head (head ...), each head a
unit of the one before: 贵州省委常委会, "Guizhou Provincial Party Committee
Standing Committee". English also writes the chain backwards with "of" ("the
Standing Committee of the Guizhou Provincial Party Committee"); the language
pack says how two atoms are joined and :func:`chains` puts "of"-joined parts
back in naming order, so :func:`parse` reads every language the same way.
A level without a region (省委, "the Municipal Party Committee") takes the
article's region of that level; every body along the chain counts as named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kgraph.extract.atoms import NAME_KINDS, PREFIX_KINDS, Atom
from kgraph.extract.context import Context
from kgraph.gazetteer import CHINA
from kgraph.naming import BodyRef, body_types

#: Roots that a bare word names in local news: 政协, "the CPPCC", 人大 are the article's own.
BARE_ROOTS = ("cppcc", "peoples_congress")
JUXT, OF, BREAK = "juxt", "of", "break"


@dataclass
class BodyMention:
    """A body named in text; ``ref`` is None for a unit whose owner the text leaves out."""

    ref: BodyRef | None
    start: int
    end: int
    unit: str = ""  # for unowned units: the unit type ("standing_committee")
    explicit_region: bool = False


@dataclass
class Chain:
    """Atoms naming one body and its units, in naming order (region first, root before units)."""

    atoms: list[Atom] = field(default_factory=list)
    start: int = 0
    end: int = 0


def can_own(parent: str, unit: str) -> bool:
    """Whether a body of type ``parent`` may have a unit of type ``unit`` (the grammar's parents column)."""
    bt = body_types().get(unit.split(":")[0])
    return bool(bt and parent.split(":")[0] in bt.parents)


def is_root(kind: str) -> bool:
    """Whether a body type stands on its own under a region (party committee, government, department ...)."""
    k = kind.split(":")[0]
    bt = body_types().get(k)
    return k in ("department", "party_congress") or bool(bt and not bt.parents)


def chains(text: str, atoms: list[Atom], link: Callable[[str], str]) -> list[Chain]:
    """Group a sentence's atoms into chains; ``link`` says how the text between two atoms joins them.

    Touching atoms form a segment; a prefix (region, level, central body) after a head starts a new one.
    Segments joined by "of" form one chain, read right to left; a trailing segment of places qualifies
    the rest ("the CPPCC Committee of Guizhou").
    """
    segments: list[tuple[list[Atom], str]] = []
    prev: Atom | None = None
    for atom in atoms:
        if atom.kind not in NAME_KINDS:
            prev = None
            continue
        how = BREAK if prev is None else link(text[prev.end : atom.start])
        after_head = bool(segments) and any(a.kind in ("head", "national") for a in segments[-1][0])
        if how == JUXT and segments and not (atom.kind in (*PREFIX_KINDS, "ordinal") and after_head):
            segments[-1][0].append(atom)
        else:
            segments.append(([atom], how))
        prev = atom
    grouped: list[list[list[Atom]]] = []
    for seg, how in segments:
        if how == OF and grouped:
            grouped[-1].append(seg)
        else:
            grouped.append([seg])
    out: list[Chain] = []
    for group in grouped:
        start, end = group[0][0].start, group[-1][-1].end
        places = group.pop() if len(group) > 1 and all(a.kind == "region" for a in group[-1]) else []
        out.append(Chain(places + [a for seg in reversed(group) for a in seg], start, end))
    return out


def parse(chain: Chain, ctx: Context) -> list[BodyMention]:
    """The bodies a chain names, each path prefix included.

    Every mention starts where the chain starts and ends after the last atom naming it.
    """
    out: list[BodyMention] = []
    region: str | None = None
    level: str | None = None
    current: BodyRef | None = None
    explicit = False
    end = chain.start
    for atom in chain.atoms:
        end = max(end, atom.end)
        if atom.kind == "region":
            codes = atom.place.codes
            if codes:
                region, explicit = codes[0], True
        elif atom.kind == "level":
            level = str(atom.value)
        elif atom.kind == "national":
            current = BodyRef(CHINA, tuple(atom.value))  # type: ignore[arg-type]
            out.append(BodyMention(current, chain.start, end, explicit_region=True))
        elif atom.kind == "head":
            for kind in atom.value:  # type: ignore[attr-defined]
                if current is not None and can_own(current.path[-1], kind):
                    current = BodyRef(current.region, current.path + (kind,))
                elif is_root(kind):
                    code = region or (ctx.region_for(level) if level else None)
                    if code is None and kind in BARE_ROOTS:
                        code = ctx.home
                    if code is None:
                        current = None
                        break
                    current = BodyRef(code, (kind,))
                    region = level = None
                elif current is None:
                    out.append(BodyMention(None, atom.start, atom.end, unit=kind))
                    break
                else:
                    break
                out.append(BodyMention(current, chain.start, end, explicit_region=explicit))
    return out
