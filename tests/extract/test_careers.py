"""Starts and ends of posts: as the sentences state them, and as a career implies them."""

from kgraph.dates import PartialDate
from kgraph.extract.careers import Held, times
from kgraph.extract.posts import Change, Post
from kgraph.facts import Evidence
from kgraph.naming import BodyRef

EV = [Evidence("a", i * 10, i * 10 + 9, f"sentence {i}") for i in range(6)]


def held(i: int, body: str, title: str, started=None, ended=None) -> Held:
    return Held("person/hu", f"body/{body}", Post(BodyRef("x", (body,)), title, started, ended), EV[i])


def when(*args) -> Change:
    return Change(PartialDate(*args))


def summary(found) -> set[tuple[str, str, str, str]]:
    return {(t.body, t.title, t.kind, t.date) for t in found}


def test_stated_starts_and_ends_with_or_without_a_date():
    found = times([held(0, "a", "Mayor", started=when(2022, 1, 21)), held(1, "b", "Vice Mayor", ended=Change())])
    assert summary(found) == {("body/a", "Mayor", "start", "2022-01-21"), ("body/b", "Vice Mayor", "end", "")}
    assert [t.evidence for t in found] == [EV[0], EV[1]]


def test_a_transfer_ends_the_posts_before_it_on_its_date():
    career = [
        held(0, "changsha", "Secretary", started=when(2017)),
        held(1, "shaanxi", "Deputy Secretary", started=Change(PartialDate(2020, 10), transfer=True)),
    ]
    found = summary(times(career))
    assert ("body/changsha", "Secretary", "end", "2020-10") in found


def test_a_dated_career_ends_a_post_followed_by_a_later_one_elsewhere():
    career = [
        held(0, "yiyang", "Deputy Secretary", started=when(2008)),
        held(1, "hunan_pc", "Member of the Standing Committee", started=when(2016, 11)),
        held(2, "hunan_drc", "Director", started=when(2011)),
        held(3, "hunan_pc", "Member of the Standing Committee", started=when(2017)),
        held(4, "changsha", "Secretary", started=when(2017)),
    ]
    found = summary(times(career))
    assert ("body/yiyang", "Deputy Secretary", "end", "") in found  # followed by 2011 elsewhere
    assert not any(b == "body/hunan_pc" and k == "end" for b, _, k, _ in found)  # named again: still held
    assert not any(b == "body/changsha" and k == "end" for b, _, k, _ in found)  # the last post


def test_posts_begun_together_are_held_together():
    career = [
        held(0, "a", "Deputy Secretary", started=when(2014, 12)),
        held(1, "b", "Acting Mayor", started=when(2014, 12)),
    ]
    assert {k for _, _, k, _ in summary(times(career))} == {"start"}


def test_a_transfer_before_a_post_began_does_not_end_it():
    """The post named again without a date ("时任重庆市代市长") began when another sentence says; a transfer
    the career reports from years before does not end it."""
    career = [
        held(0, "chongqing", "Acting Mayor", started=when(2021, 12, 30)),
        held(1, "chongqing", "Acting Mayor"),
        held(2, "shaanxi", "Deputy Secretary", started=Change(PartialDate(2020, 10), transfer=True)),
    ]
    assert not any(k == "end" for _, _, k, _ in summary(times(career)))


def test_an_acting_post_ends_when_its_holder_takes_the_full_post():
    career = [
        held(0, "chongqing", "Mayor", started=when(2022, 1, 21)),  # the lead reports the election first
        held(1, "chongqing", "Acting Mayor", started=when(2021, 12, 30)),
        held(2, "yiyang", "Acting Mayor", started=when(2008)),
        held(3, "changsha", "Mayor", started=when(2014)),  # another city's mayoralty ends nothing
    ]
    found = summary(times(career))
    assert ("body/chongqing", "Acting Mayor", "end", "2022-01-21") in found
    assert not any(b in ("body/yiyang", "body/chongqing") and t == "Mayor" and k == "end" for b, t, k, _ in found)
    assert ("body/yiyang", "Acting Mayor", "end", "2022-01-21") not in found
