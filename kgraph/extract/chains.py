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

from kgraph.extract.atoms import NAME_KINDS, PREFIX_KINDS, Atom, Head, ProperName
from kgraph.extract.context import Context
from kgraph.gazetteer import CHINA
from kgraph.naming import BodyRef, Names, body_types, central, grammar_type, purpose_forms

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
    names: Names | None = None  # for a body with a proper name: the names the text gives


@dataclass
class Chain:
    """Atoms naming one body and its units, in naming order (region first, root before units)."""

    atoms: list[Atom] = field(default_factory=list)
    start: int = 0
    end: int = 0


def can_own(parent: str, unit: str) -> bool:
    """Whether a body of type ``parent`` may have a unit of type ``unit`` (the grammar's parents column);
    a central body counts as the type it is the top of (the Central Committee as a party committee)."""
    bt = body_types().get(unit.split(":")[0])
    return bool(bt and grammar_type(parent) in bt.parents)


def is_root(kind: str) -> bool:
    """Whether a body type stands on its own under a region (party committee, government, department ...)."""
    k = kind.split(":")[0]
    bt = body_types().get(k)
    return k in ("department", "party_congress") or bool(bt and not bt.parents)


def chains(text: str, atoms: list[Atom], link: Callable[[str], str]) -> list[Chain]:
    """Group a sentence's atoms into chains; ``link`` says how the text between two atoms joins them.

    Touching atoms form a segment; a prefix (region, level, central body) after a head starts a new one.
    Segments joined by "of" form one chain, read right to left; a trailing segment of places or purposes
    qualifies the rest ("the CPPCC Committee of Guizhou", "Leading Group Office of Poverty Alleviation").
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
        start = min(a.start for seg in group for a in seg)
        end = max(a.end for seg in group for a in seg)
        qualifiers = group.pop() if len(group) > 1 and all(a.kind in QUALIFIERS for a in group[-1]) else []
        out.append(Chain(qualifiers + [a for seg in reversed(group) for a in seg], start, end))
    return out


#: Atoms that qualify a whole name when they end it after "of": places and purposes.
QUALIFIERS = ("region", "purpose")


def parse(chain: Chain, ctx: Context) -> list[BodyMention]:
    """The bodies a chain names, each path prefix included.

    Every mention starts where the chain starts and ends after the last atom naming it.
    """
    return _Parse(chain, ctx).run()


class _Parse:
    """The state of reading one chain: the place and level written so far, the body named so far, and a
    purpose waiting for its group (written before it, 扶贫开发领导小组, or right after it, "Leading Group for
    Poverty Alleviation", or at the end after "of")."""

    def __init__(self, chain: Chain, ctx: Context):
        self.chain, self.ctx = chain, ctx
        self.out: list[BodyMention] = []
        self.region: str | None = None
        self.level: str | None = None
        self.current: BodyRef | None = None
        self.purpose: str | None = None
        self.explicit = False
        self.end = chain.start

    def run(self) -> list[BodyMention]:
        atoms = self.chain.atoms
        for i, atom in enumerate(atoms):
            self.end = max(self.end, atom.end)
            if atom.kind == "region":
                if atom.place.codes:
                    self.region, self.explicit = atom.place.codes[0], True
            elif atom.kind == "level":
                self.level = str(atom.value)
            elif atom.kind in ("purpose", "campaign"):
                self.purpose = _purpose(atom) or self.purpose
            elif atom.kind == "national":
                self.current = BodyRef(CHINA, tuple(atom.value))  # type: ignore[arg-type]
                self.mention(explicit=True)
            elif atom.kind == "org":
                self.org(atom.value)  # type: ignore[arg-type]
            elif atom.kind == "head":
                after = atoms[i + 1] if i + 1 < len(atoms) else None
                if after is not None and after.kind in ("purpose", "campaign") and _purpose(after):
                    self.purpose = _purpose(after)  # "Leading Group for Theme Education": the purpose follows
                self.head(atom)
        return self.out

    def mention(self, explicit: bool = False) -> None:
        self.out.append(BodyMention(self.current, self.chain.start, self.end, explicit_region=explicit))

    def org(self, name: ProperName) -> None:
        """An organisation with its own name: under the place its name begins with, else under China."""
        self.current = BodyRef(self.region or CHINA, (f"{name.kind}:{name.key}",))
        names = Names(name.en, (), name.zh or name.en, ())
        self.out.append(
            BodyMention(self.current, self.chain.start, self.end, explicit_region=self.explicit, names=names)
        )
        self.region = self.level = None

    def head(self, atom: Atom) -> None:
        head: Head = atom.value  # type: ignore[assignment]
        if head.level and self.region is None and self.level is None:
            self.level = head.level
        for kind in self.choose(head):
            bt = body_types().get(kind.split(":")[0])
            if bt is not None and bt.purpose != "no" and ":" not in kind and self.purpose:
                kind, self.purpose = f"{kind}:{self.purpose}", None
            elif bt is not None and bt.purpose == "only" and ":" not in kind:
                return  # 委员会, "Commission": a commission only when its purpose is named
            if self.current is not None and can_own(self.current.path[-1], kind):
                self.current = BodyRef(self.current.region, self.current.path + (kind,))
            elif is_root(kind):
                code = self.region or (self.ctx.region_for(self.level) if self.level else None)
                if code is None and self.current is not None and len(self.current.path) == 1:
                    code = self.current.region  # 纪委监委: a second root of the same place
                if code is None and kind in BARE_ROOTS:
                    code = self.ctx.home
                if code is None:
                    self.current = None
                    return
                self.current = BodyRef(code, central(kind) if code == CHINA else (kind,))
                self.region = self.level = None
            elif self.current is None:
                self.out.append(BodyMention(None, atom.start, atom.end, unit=kind))
                return
            else:
                return
            self.mention(self.explicit)

    def choose(self, head: Head) -> tuple[str, ...]:
        """The head's path that fits: one the body named so far can own, else one that stands alone."""
        if self.current is not None:
            for path in head.paths:
                if can_own(self.current.path[-1], path[0]):
                    return path
        for path in head.paths:
            if is_root(path[0]):
                return path
        return head.paths[0]


def _purpose(atom: Atom) -> str:
    return str(atom.value) if atom.kind == "purpose" else purpose_of(atom.text)


def purpose_of(text: str) -> str:
    """The purpose a campaign's name gives a group (主题教育领导小组), if it is one."""
    return purpose_forms().get(text.lower(), "")
