"""When posts began and ended, from what one article says of each person's posts in order.

The packs report what a sentence says (任, 当选, "was appointed": a start; 免去, 不再担任, "no longer
serves as", 原, "former": an end). A career also says more than each sentence: a transfer (调任, "was
transferred to") ends the posts held before it, on its date; in a dated career, a post followed by a later
post in another body has ended, though the text gives no date for it ("2008年任益阳市委副书记 … 2011年任湖南省
发改委主任"). A post the career names again later is still held, and posts begun on the same date are held
together.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.extract.posts import Post
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
    for person in dict.fromkeys(h.person for h in held):
        out += _implied_ends([h for h in held if h.person == person])
    return out


def _time(h: Held, kind: str, date: str, evidence: Evidence) -> PostTime:
    return PostTime(h.person, h.body, h.post.title, kind, date, evidence)


def _implied_ends(career: list[Held]) -> list[PostTime]:
    out: list[PostTime] = []
    for i, earlier in enumerate(career):
        if earlier.post.ended is not None or _named_again(career, i):
            continue
        for later in career[i + 1 :]:
            if later.body == earlier.body or later.post.started is None:
                continue
            start = later.post.started
            if start.transfer and start.date is not None and _before(earlier, start.date):
                out.append(_time(earlier, "end", str(start.date), later.evidence))
                break
            began = earlier.post.started
            if began is not None and began.date is not None and start.date is not None and start.date > began.date:
                out.append(_time(earlier, "end", "", later.evidence))
                break
    return out


def _named_again(career: list[Held], i: int) -> bool:
    """Whether the post is named again later in the career (湖南省委常委 in 2016 and again in 2017)."""
    h = career[i]
    return any(later.body == h.body and later.post.title == h.post.title for later in career[i + 1 :])


def _before(h: Held, date: object) -> bool:
    """Whether a post began before ``date`` (or at a time the text does not give)."""
    began = h.post.started
    return began is None or began.date is None or began.date < date  # type: ignore[operator]
