"""One rule for every language: which body a title names, given what the sentence says around it.

A language pack reads *post phrases* off the text (a title, the body written
with it, a unit without its owner, a region: "governor of Shaanxi"); this
module decides the body of each, in order:

1. a title that names a central body is held there (总书记, "General Secretary");
2. a unit whose owner is left out belongs to the nearest body named with it that
   can own it ("secretary of the party group and director of the Department");
3. a title with a region and an implied body type: "Governor of Shaanxi";
4. a title that implies a level of government takes the region of the body named
   with it, or the article's region of that level ("Deputy Secretary and Mayor");
5. a title that implies a body type takes the region of a body named with it
   (主席 after 政协党组书记 is the CPPCC's), else it is held in the body of that type
   the article last named (大会执行主席 of the CPPCC whose session it is), never in
   one it does not name ("President Xi Jinping");
6. otherwise the body named with it, else the body the text last spoke of;
7. a post of a party group, and a party secretary of a body that is no party
   body, sit in that body's party group.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kgraph.dates import PartialDate
from kgraph.extract.chains import can_own
from kgraph.extract.context import Context
from kgraph.extract.titles import Title
from kgraph.gazetteer import CHINA
from kgraph.naming import BodyRef

PARTY_GROUP = "party_group"
#: Party bodies of their own: a secretary there is theirs, not a party group's.
PARTY_KINDS = ("party_group", "party_branch", "discipline_commission", "org_party_committee", "party_working_committee")
#: Titles too general to carry over from an earlier sentence.
NOT_CARRIED = ("Member", "Head")


@dataclass(frozen=True)
class Change:
    """That a post began or ended, as the text reports it: ``date`` to the precision the text gives, None where
    it gives none ("former Vice Mayor", 曾任); ``transfer`` for a start that moves the person on from the posts
    held before (调任, "was transferred to"), which ends them."""

    date: PartialDate | None = None
    transfer: bool = False


@dataclass(frozen=True)
class PostPhrase:
    """A title as the text writes it, with the body, unowned unit or region written beside it, and the start
    or end of the post the text reports with it."""

    title: Title
    body: BodyRef | None = None
    unit: str = ""
    region: str | None = None
    started: Change | None = None
    ended: Change | None = None


@dataclass(frozen=True)
class Post:
    """A post resolved to its body, with the start and end the text reports."""

    body: BodyRef
    title: str
    started: Change | None = None
    ended: Change | None = None


#: How a holder refers to a person it does not name in full: a pronoun or an omitted subject (他, "he",
#: "2008年任益阳市委副书记"), or a surname alone ("Zhou was formerly ...", Xinhua's second references).
PERSON, SURNAME = "person", "surname"


@dataclass(frozen=True)
class Holder:
    """A person named in a sentence (offsets in the sentence) and the post phrases that are theirs."""

    start: int
    end: int
    name: str  # in English (pinyin); for a surname reference, the surname
    zh: str = ""  # in Chinese, where the text writes it so
    phrases: tuple[PostPhrase, ...] = ()
    refers: str = ""  # PERSON or SURNAME: the holder is the person the text last named (with that surname)


def party_body(body: BodyRef) -> bool:
    """Party committees and their units: a "Party Secretary" there is the body's own secretary."""
    return body.path[0] == "party_committee" or body.kind in PARTY_KINDS or body.national


def attach(unit: str, candidates: list[BodyRef]) -> BodyRef | None:
    """The unit of the first candidate that can own it, itself or through the bodies it belongs to
    (a party group's organization department is its party committee's)."""
    for body in candidates:
        if body.kind == unit.split(":")[0]:
            return body
        ref: BodyRef | None = body
        while ref is not None:
            if can_own(ref.path[-1], unit):
                return BodyRef(ref.region, ref.path + (unit,))
            ref = ref.parent
    return None


class Seen:
    """The bodies an article has named so far, the last of each path kept: a long article names thousands, and
    a title such as "President" asks for the last of its type each time it is written."""

    def __init__(self, bodies: Iterable[BodyRef] = ()):
        self.last: dict[tuple[str, ...], BodyRef] = {}
        for body in bodies:
            self.add(body)

    def add(self, body: BodyRef) -> None:
        self.last[body.path] = body

    def last_of(self, path: tuple[str, ...]) -> BodyRef | None:
        return self.last.get(path)


def resolve(
    phrases: list[PostPhrase],
    ctx: Context,
    carried: BodyRef | None,
    owner_after: bool,
    seen: Seen | Iterable[BodyRef] = (),
) -> list[Post]:
    """The post of each phrase. ``owner_after``: the language names a unit's owner after the
    unit ("of the party group and director of the Department"), not before (市委常委、组织部部长);
    ``seen``: the bodies the article has named so far, in order."""
    seen = seen if isinstance(seen, Seen) else Seen(seen)
    out: list[Post] = []
    named = [p.body for p in phrases if p.body is not None]
    for idx, p in enumerate(phrases):
        title, body = p.title, p.body
        later = [q.body for q in phrases[idx + 1 :] if q.body is not None]
        earlier = [q.body for q in reversed(phrases[:idx]) if q.body is not None]
        if title.national:
            body = BodyRef(CHINA, tuple(title.implies.split("/")))
        if body is None and p.unit:
            owners = later + earlier if owner_after else earlier + later
            body = attach(p.unit, owners + ([carried] if carried is not None else []))
        if body is None and p.region is not None and title.implies:
            body = BodyRef(p.region, (title.implies,))
        if body is None and title.level:
            anchor = named[0].region if named else ctx.region_for(title.level)
            body = BodyRef(anchor, (title.implies,)) if anchor else None
        if body is None and title.implies and title.implies != "party_committee" and not p.unit:
            if named:
                body = BodyRef(named[0].region, (title.implies,))
            else:
                body = seen.last_of((title.implies,))
        if body is None and not p.unit:
            nearest = (later + earlier) if owner_after else (earlier + later)
            body = nearest[0] if nearest else None
        if body is None and carried is not None and title.title not in NOT_CARRIED and not p.unit:
            body = carried
        if body is None:
            continue
        name = title.title
        if title.unit == PARTY_GROUP and body.kind != PARTY_GROUP:
            body = BodyRef(body.region, body.path + (PARTY_GROUP,))
        elif body.kind == PARTY_GROUP and name in ("Secretary", "Deputy Secretary", "Member"):
            name = f"{name} of the Party Group"
        elif title.party and name in ("Secretary", "Deputy Secretary") and not party_body(body):
            body = BodyRef(body.region, body.path + (PARTY_GROUP,))
            name = f"{name} of the Party Group"
        out.append(Post(body, name, p.started, p.ended))
    return out


def carry(body: BodyRef) -> BodyRef:
    """The body later sentences mean when they leave it out: a party group's own body."""
    return body.parent or body if body.kind == PARTY_GROUP else body
