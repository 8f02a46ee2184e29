"""Bodies named in English: the naming grammar as a small chunk parser.

A sentence is first cut into *atoms*: region names, level adjectives
("Provincial", "Municipal"), body heads ("Party Committee", "Standing
Committee", "Department of Education"), central bodies ("Party Central
Committee") and ordinals. Atoms that touch form a *segment*
("Guizhou Provincial Party Committee Education Working Committee"); segments
joined by "of the" form a *chain* read right to left ("Party Group of the
Standing Committee of the Municipal People's Congress"). Each chain gives one
body path, and every body along the path counts as named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kgraph.extract.context import BodyMention, Context
from kgraph.extract.trie import trie_pattern
from kgraph.gazetteer import CHINA
from kgraph.lexicon import split
from kgraph.naming import ORDINALS, BodyRef, body_types, departments, national_bodies

ADJECTIVES = {
    "provincial": "province",
    "municipal": "city",
    "city": "city",
    "county": "county",
    "district": "district",
    "prefectural": "prefecture",
    "autonomous regional": "province",
    "central": "central",
}
ORDINAL_RE = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINALS[1:]) + r")"
NATIONAL_CONGRESS = re.compile(
    rf"\b(?:the\s+Party's\s+)?({ORDINAL_RE})\s+(?:CPC\s+)?National\s+Congress"
    r"(?:\s+of\s+the\s+(?:Communist\s+Party\s+of\s+China|CPC|Party))?",
    re.I,
)
PARTY_CONGRESS = re.compile(
    rf"\b({ORDINAL_RE})\s+((?:[A-Z][a-z]+\s+)?)(?:Provincial|Municipal|City)?\s*Party\s+Congress", re.I
)
STEERING = re.compile(
    rf"\b(?:Central\s+)?({ORDINAL_RE})\s+(?:Central\s+)?(?:Steering|Guidance|Supervision)\s+Group"
    r"(?:\s+of\s+the\s+(?:CPC\s+|Party\s+)?Central\s+Committee)?",
    re.I,
)
GAP_JUXT = re.compile(r"^\s*(?:the\s+|CPC\s+|'s\s+)?$", re.I)
GAP_OF = re.compile(r"^\s+of\s+(?:the\s+)?(?:CPC\s+)?$", re.I)
GAP_PAREN = re.compile(r"^\s*[()]\s*$")


def ordinal_value(word: str) -> int:
    m = re.match(r"\d+", word)
    if m:
        return int(m.group(0))
    lowered = [o.lower() for o in ORDINALS]
    return lowered.index(word.lower()) if word.lower() in lowered else 0


@lru_cache(maxsize=1)
def head_table() -> dict[str, str]:
    """Lower-cased English head phrase -> type key (``department:education`` for departments)."""
    out: dict[str, str] = {}
    for key, bt in body_types().items():
        for head in bt.en_heads:
            out.setdefault(head.lower().replace("’", "'"), key)
    for key, dept in departments().items():
        for form in (dept.en_prov, dept.en_local, *dept.en_alt):
            out.setdefault(form.lower(), f"department:{key}")
    out.pop("-", None)
    return out


@lru_cache(maxsize=1)
def national_table() -> dict[str, tuple[str, ...]]:
    """Lower-cased English name of a central body -> its path."""
    out: dict[str, tuple[str, ...]] = {}
    for path, row in national_bodies().items():
        for form in (row["en"], *split(row["en_alt"])):
            out.setdefault(form.lower().replace("’", "'"), tuple(path.split("/")))
    return out


def _alternation(phrases: list[str]) -> str:
    return trie_pattern(sorted({p.lower() for p in phrases}))


@lru_cache(maxsize=1)
def atom_table() -> dict[str, tuple[str, object]]:
    """Every atom phrase, lower-cased, with its kind and value; central names win over heads."""
    table: dict[str, tuple[str, object]] = {}
    for n, word in enumerate(ORDINALS[1:], 1):
        table[word.lower()] = ("ord", n)
    table.update({word: ("adj", level) for word, level in ADJECTIVES.items()})
    table.update({head: ("head", key) for head, key in head_table().items()})
    table.update({name: ("national", path) for name, path in national_table().items()})
    return table


@lru_cache(maxsize=1)
def atom_pattern() -> re.Pattern[str]:
    """One trie over all atom phrases, so each position costs one walk (longest phrase wins)."""
    return re.compile(rf"\b(?:{_alternation(list(atom_table()))}|\d+(?:st|nd|rd|th))\b", re.I)


@dataclass
class Atom:
    kind: str  # region | adj | head | national | ord
    start: int
    end: int
    value: object


@dataclass
class Segment:
    atoms: list[Atom] = field(default_factory=list)
    link: str = "break"  # how it joins the previous segment: "of", "juxt", "paren", "break"

    @property
    def start(self) -> int:
        return self.atoms[0].start

    @property
    def end(self) -> int:
        return self.atoms[-1].end


@lru_cache(maxsize=1)
def national_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(list(national_table()))})\b", re.I)


def national_spans(text: str) -> list[tuple[int, int]]:
    """Spans of central bodies' names, inside which a region name ("China") is not a region."""
    return [
        (m.start(), m.end()) for m in national_pattern().finditer(text.replace("’", "'")) if m.group(0).lower() != "cpc"
    ]


def find_atoms(text: str, regions: list[tuple[int, int, str]]) -> list[Atom]:
    """Atoms of one sentence; ``regions`` are (start, end, code) spans found beforehand."""
    atoms: list[Atom] = [Atom("region", s, e, code) for s, e, code in regions]
    taken = [(s, e) for s, e, _ in regions]

    def claim(a: int, b: int) -> bool:
        if any(not (b <= s or a >= e) for s, e in taken):
            return False
        taken.append((a, b))
        return True

    lowered = text.lower()
    steering = STEERING.finditer(text) if "group" in lowered else ()
    congresses = NATIONAL_CONGRESS.finditer(text) if "national congress" in lowered else ()
    party_congresses = PARTY_CONGRESS.finditer(text) if "party congress" in lowered else ()
    for m in steering:
        if "central" in m.group(0).lower() or m.group(0)[0].isupper():
            if claim(m.start(), m.end()):
                n = ordinal_value(m.group(1))
                atoms.append(Atom("national", m.start(), m.end(), ("cpc", "central_committee", f"steering_group:{n}")))
    for m in congresses:
        if claim(m.start(), m.end()):
            atoms.append(
                Atom("national", m.start(), m.end(), ("cpc", f"national_congress:{ordinal_value(m.group(1))}"))
            )
    for m in party_congresses:
        if claim(m.end() - len("Party Congress"), m.end()):
            atoms.append(
                Atom("head", m.end() - len("Party Congress"), m.end(), f"party_congress:{ordinal_value(m.group(1))}")
            )
    table = atom_table()
    for m in atom_pattern().finditer(text):
        word = re.sub(r"\s+", " ", m.group(0)).lower()
        kind, value = table.get(word, ("ord", ordinal_value(word)))
        if word == "cpc" and re.match(r"\s+[A-Z][a-z]", text[m.end() :]):
            continue  # "CPC Quanzhou Municipal Committee": a prefix, not the party itself
        if not claim(m.start(), m.end()):
            continue
        atoms.append(Atom(kind, m.start(), m.end(), value))
    atoms.sort(key=lambda a: a.start)
    return atoms


def segments(text: str, atoms: list[Atom]) -> list[Segment]:
    """Group touching atoms; a prefix (region, adjective, ordinal) after a head starts a new segment."""
    segs: list[Segment] = []
    prev: Atom | None = None
    for atom in atoms:
        gap = text[prev.end : atom.start] if prev else ""
        if prev is None:
            link = "break"
        elif GAP_JUXT.match(gap):
            link = "juxt"
        elif GAP_OF.match(gap):
            link = "of"
        elif GAP_PAREN.match(gap):
            link = "paren"
        else:
            link = "break"
        starts_prefix = atom.kind in ("region", "adj", "ord", "national")
        continues = (
            link in ("juxt", "paren")
            and segs
            and not (starts_prefix and any(a.kind in ("head", "national") for a in segs[-1].atoms))
        )
        if continues:
            segs[-1].atoms.append(atom)
        else:
            segs.append(Segment([atom], link))
        prev = atom
    return segs


def _allowed(parent_kind: str, unit: str) -> bool:
    bt = body_types().get(unit.split(":")[0])
    if bt is None:
        return False
    return parent_kind.split(":")[0] in bt.parents


def _is_root(kind: str) -> bool:
    k = kind.split(":")[0]
    if k in ("department", "party_congress"):
        return True
    bt = body_types().get(k)
    return bool(bt and not bt.parents)


def parse(text: str, atoms: list[Atom], ctx: Context) -> list[BodyMention]:
    """Bodies named in a sentence, each path prefix included."""
    segs = segments(text, atoms)
    chains: list[list[Segment]] = []
    for seg in segs:
        if seg.link == "of" and chains:
            chains[-1].append(seg)
        else:
            chains.append([seg])
    out: list[BodyMention] = []
    for chain in chains:
        out += _chain_bodies(chain, ctx)
    return out


def _chain_bodies(chain: list[Segment], ctx: Context) -> list[BodyMention]:
    # Right to left: the last segment holds the root; a bare region segment qualifies the one before.
    region: str | None = None
    explicit = False
    if chain and all(a.kind == "region" for a in chain[-1].atoms) and len(chain) > 1:
        region = str(chain[-1].atoms[-1].value)
        explicit = True
        chain = chain[:-1]
    ordered: list[Atom] = []
    for seg in reversed(chain):
        ordered += seg.atoms
    out: list[BodyMention] = []
    current: BodyRef | None = None
    level: str | None = None
    start, end = chain[0].start, chain[-1].end
    for atom in ordered:
        if atom.kind == "region":
            region, explicit = str(atom.value), True
        elif atom.kind == "adj":
            level = str(atom.value)
        elif atom.kind == "national":
            current = BodyRef(CHINA, tuple(atom.value))  # type: ignore[arg-type]
            out.append(BodyMention(current, start, end, explicit_region=True))
        elif atom.kind == "head":
            kind = str(atom.value)
            if current is not None and _allowed(current.path[-1], kind):
                current = BodyRef(current.region, current.path + (kind,))
            elif _is_root(kind):
                code = region if region else (ctx.region_for(level) if level else None)
                if code is None and kind in ("cppcc", "peoples_congress"):
                    code = ctx.home  # a bare "CPPCC" in local news is the local committee
                if code is None:
                    current = None
                    continue
                current = BodyRef(code, (kind,))
                region = level = None
            elif current is None:
                out.append(BodyMention(None, atom.start, atom.end, unit=kind))
                continue
            else:
                continue
            out.append(BodyMention(current, start, end, explicit_region=explicit))
    return out
