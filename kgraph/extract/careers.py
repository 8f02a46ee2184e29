"""When posts began and ended, from what one article says of each person's posts in order.

The packs report what a sentence says (任, 当选, "was appointed": a start; 免去, 不再担任, "no longer
serves as", 原, "former": an end). A career also says more than each sentence: a transfer (调任, "was
transferred to") ends the posts held before it, on its date; in a dated career, a post followed by a later
post in another body has ended, though the text gives no date for it ("2008年任益阳市委副书记 … 2011年任湖南省
发改委主任"). A post the career names again later is still held, and posts begun on the same date are held
together. An acting post ends when its holder takes the full post (代市长, then 当选为市长).
"""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.dates import PartialDate
from kgraph.extract.posts import Post
from kgraph.extract.titles import titles
from kgraph.facts import Evidence, PostTime


@dataclass(frozen=True)
class Held:
    """One post one sentence gives a person, in the order of the text."""

    person: str
    body: str  # the body's key
    post: Post
    evidence: Evidence


def times(held: list[Held]) -> list[PostTime]:
    """The starts and ends of the posts, as the text states them and as the careers imply."""
    out: list[PostTime] = []
    for h in held:
        for kind, change in (("start", h.post.started), ("end", h.post.ended)):
            if change is not None:
                out.append(_time(h, kind, str(change.date) if change.date else "", h.evidence))
    careers: dict[str, list[Held]] = {}
    for h in held:
        careers.setdefault(h.person, []).append(h)
    for career in careers.values():
        out += _implied_ends(career) + _confirmed(career)
    return out


def _time(h: Held, kind: str, date: str, evidence: Evidence) -> PostTime:
    return PostTime(h.person, h.body, h.post.title, kind, date, evidence)


def _implied_ends(career: list[Held]) -> list[PostTime]:
    out: list[PostTime] = []
    began = _starts(career)
    last = {(h.body, h.post.title): i for i, h in enumerate(career)}  # where each post is named last
    for i, earlier in enumerate(career):
        if earlier.post.ended is not None or last[earlier.body, earlier.post.title] > i:  # named again later
            continue
        for later in career[i + 1 :]:
            if later.body == earlier.body or later.post.started is None:
                continue
            start = later.post.started
            own = earlier.post.started
            first = (
                own.date if own is not None and own.date is not None else began.get((earlier.body, earlier.post.title))
            )
            if start.transfer and start.date is not None and (first is None or first < start.date):
                out.append(_time(earlier, "end", str(start.date), later.evidence))
                break
            if first is not None and start.date is not None and start.date > first:
                out.append(_time(earlier, "end", "", later.evidence))
                break
    return out


def _confirmed(career: list[Held]) -> list[PostTime]:
    """An acting post ends on the date its holder takes the full post in the same body (代市长, then 当选为
    市长), wherever the article says each: the two are posts in sequence."""
    out: list[PostTime] = []
    acting = [h for h in career if h.post.ended is None and _acts_for(h.post.title)]
    if not acting:
        return out
    fulls: dict[tuple[str, str], list[tuple[PartialDate, Held]]] = {}  # dated starts of each post, in text order
    for full in career:
        start = full.post.started
        if start is not None and start.date is not None:
            fulls.setdefault((full.body, full.post.title), []).append((start.date, full))
    found: dict[tuple[str, str, PartialDate | None], tuple[PartialDate, Held] | None] = {}
    for h in acting:
        began = h.post.started.date if h.post.started is not None else None
        key = (h.body, _acts_for(h.post.title), began)
        if key not in found:  # the first full post begun after the acting one
            dated = fulls.get((key[0], key[1]), [])
            found[key] = next(((d, f) for d, f in dated if began is None or began < d), None)
        taken = found[key]
        if taken is not None:
            out.append(_time(h, "end", str(taken[0]), taken[1].evidence))
    return out


def _acts_for(name: str) -> str:
    known = titles().get(name)
    return known.acts_for if known is not None else ""


def _starts(career: list[Held]) -> dict[tuple[str, str], PartialDate]:
    """The earliest start the article dates for each post, wherever it says it: a post named without a date
    ("时任重庆市代市长") is the post begun on the date another sentence gives, so a transfer years before that
    date does not end it."""
    out: dict[tuple[str, str], PartialDate] = {}
    for h in career:
        change = h.post.started
        if change is not None and change.date is not None:
            key = (h.body, h.post.title)
            if key not in out or change.date < out[key]:
                out[key] = change.date
    return out
