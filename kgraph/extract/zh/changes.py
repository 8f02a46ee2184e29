"""Starts and ends of posts in Chinese: what the words around a list of titles say of the posts, and when.

What a post phrase says is read off the words of ``data/zh_post_words.tsv`` (its ``time`` column): the verb
before the titles (任, 当选为: a start; 调任: a transfer; 曾任, 历任: former; 免去, 不再担任, 辞去: an end; 现任,
时任: held) with the adverbs before it (曾短暂担任: former; 先后担任了A、B和C: each began, all but the last gave
way to the next), the verb before the person (任命胡衡华为…: a start; 免去张华的…职务: an end), a marker inside
the list (江西省人大常委会原副主任), the words after it (市长候选人: none; 担任市长期间: held), the clause after
it (…,直到2017年4月退休), the next post a person left the titles for (龚正由山东省长调任…) and a discipline
decision (给予张华开除党籍处分). When is read off the sentence's dates (:mod:`kgraph.extract.zh.dates`): a start or end
the article reports as news takes the date its sentence or paragraph gives, else the article's; a former post
takes none unless a career line's span gives it (2015.03—2018.06 …).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from kgraph.extract.posts import Change, PostPhrase
from kgraph.extract.zh.dates import Clock, Dating, date_words
from kgraph.extract.zh.scans import Scans
from kgraph.lexicon import table

START, TRANSFER, HELD, TENURE, FORMER, SUCCESSIVE, END, NONE, PAST = (
    "start",
    "transfer",
    "held",
    "tenure",
    "former",
    "successive",
    "end",
    "none",
    "past",
)
#: Times whose change, where its sentence gives no date, is the news of the article: its paragraph's date,
#: else the article's.
NEWS = (START, TRANSFER, END)
#: Times whose change a date may give.
DATED = (START, TRANSFER, END, TENURE, FORMER)
#: What may stand between the last title of a career's list and the clause that ends it (…副主任,直到…).
TAIL = re.compile(r"(?:等职务|等职|职务|等)?[，,]\s*")


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """``data/zh_post_words.tsv`` by role: word -> time."""
    out: dict[str, dict[str, str]] = {}
    for row in table("zh_post_words.tsv"):
        out.setdefault(row["role"], {})[row["word"]] = row["time"]
    return out


def _alternation(role: str) -> str:
    return "|".join(map(re.escape, sorted(words().get(role, {}), key=len, reverse=True))) or "(?!)"


@cache
def _ending(role: str) -> re.Pattern[str]:
    """Words of ``role`` that end where the pattern is searched up to."""
    return re.compile(rf"(?:{_alternation(role)})\Z")


@lru_cache(maxsize=1)
def _leave() -> re.Pattern[str]:
    return re.compile(_alternation("leave"))


@lru_cache(maxsize=1)
def _until() -> re.Pattern[str]:
    return re.compile(_alternation("until"))


@lru_cache(maxsize=1)
def _expel() -> re.Pattern[str]:
    return re.compile(_alternation("expel"))


@lru_cache(maxsize=1)
def _after() -> re.Pattern[str]:
    return re.compile(_alternation("after"))


def verb_time(text: str, verb: str, start: int) -> str:
    """What a verb ending a run's lead says of its posts, with the adverbs right before it (``start``: where the
    verb begins): 曾 makes it former, 先后 successive."""
    time = words().get("verb", {}).get(verb) or words().get("linker", {}).get(verb, HELD)
    said = _adverbs(text, start)
    if FORMER in said:
        return FORMER
    if SUCCESSIVE in said and time in (START, TENURE, HELD):
        return SUCCESSIVE
    return time


def past(text: str, start: int) -> bool:
    """Whether an adverb before the verb at ``start`` says its change came before the news, at a time the
    sentence alone may give (刘国中已任陕西省委书记, 去年12月他已调任…)."""
    return PAST in _adverbs(text, start)


def _adverbs(text: str, start: int) -> set[str]:
    """What the adverbs written right before ``start`` say (曾短暂担任: former; 曾先后担任: former, successive)."""
    said: set[str] = set()
    pos = start
    while pos > 0:
        m = _ending("adverb").search(text, max(0, pos - 4), pos)
        if m is None:
            break
        said.add(words()["adverb"][m.group(0)])
        pos = m.start()
    return said


def object_time(scans: Scans, end: int, right_before: bool = False) -> str | None:
    """What a verb whose object is the person says (任命, 免去), the last one before ``end`` in the sentence
    (选举张三为主任,李四为副主任), or the one ending at ``end`` (``right_before``); None where there is none."""
    if right_before:
        m = _ending("object").search(scans.text, max(0, end - 4), end)
        return words()["object"][m.group(0)] if m else None
    found = scans.last_before(_objects(), end)
    return words()["object"][found.group(0)] if found else None


@lru_cache(maxsize=1)
def _objects() -> re.Pattern[str]:
    return re.compile(_alternation("object"))


def after(text: str, end: int) -> str | None:
    """What a word right after the titles ending at ``end`` says of them, where one does: a candidate's (市长
    候选人: none has begun), or a time while they were held (担任市长期间, 在市委书记任上: held)."""
    m = _after().match(text, end)
    return words()["after"][m.group(0)] if m else None


def dating(clock: Clock | None, time: str, pos: int, describes: bool = False, news: bool = True) -> Dating:
    """The date of a change written at ``pos``: news takes its paragraph's or the article's date where its
    sentence gives none (not a change that came before the news: ``news`` False); a clause that describes a
    name (履新…的龚建华, 新任市委书记张三) only its own."""
    if clock is None:
        return Dating()
    if describes:
        return clock.at(pos, local=True)
    return clock.news(pos) if time in NEWS and news else clock.at(pos)


def changed(phrases: tuple[PostPhrase, ...], times: list[str], when: Dating) -> tuple[PostPhrase, ...]:
    """The phrases with the start and end each one's time says, at ``when``."""
    out = []
    last = len(phrases) - 1
    for i, (p, time) in enumerate(zip(phrases, times)):
        started, ended = _change(time, when, i == last)
        out.append(PostPhrase(p.title, p.body, p.unit, p.region, started, ended))
    return tuple(out)


def _change(time: str, when: Dating, last: bool) -> tuple[Change | None, Change | None]:
    span_end = Change(when.until) if when.span and when.until is not None else None
    if time in (START, TRANSFER):
        return Change(when.date, transfer=time == TRANSFER), span_end
    if time == END:
        return None, Change(when.date)
    if time == FORMER:
        if when.span:
            return Change(when.date), Change(when.until)
        return None, Change()
    if time == SUCCESSIVE:
        return Change(), None if last else Change()
    if time == TENURE and when.stated and when.date is not None:
        return Change(when.date), span_end
    if time in (HELD, TENURE) and when.span:
        return Change(when.date), span_end
    return None, None


def leaves(scans: Scans, end: int) -> bool:
    """Whether a word that ends a career's post follows ``end`` in the sentence (a cheap test)."""
    return scans.search_from(_leave(), end) is not None


def left(scans: Scans, end: int, clock: Clock | None) -> Change | None:
    """How the posts of a career's list ending at ``end`` ended, where the clause after it tells
    (…副主任,直到2017年4月退休; …陕西省委副书记,至近期赴重庆任职; …,2017年4月退休): None where it does not."""
    text = scans.text
    m = TAIL.match(text, end)
    if m is None:
        return None
    start, stop = scans.clause(m.end())
    leave = _leave().search(text, start, stop)
    if leave is None:
        return None
    until = _until().match(text, start)
    if until is not None and text.startswith(tuple(date_words()["now"]), until.end()):
        return None  # 至今仍在保定市任职: still held
    when = clock.until(start, leave.start()) if clock is not None else None
    if until is not None:
        return Change(when.date if when is not None else None)
    if when is not None and not text[start : when.start].strip() and not text[when.end : leave.start()].strip():
        return Change(when.date)
    return None


def left_from(text: str, start: int) -> int | None:
    """Where a word that says the person left the titles after it (由, 从) begins, where one ends at ``start``."""
    m = _ending("from").search(text, max(0, start - 2), start)
    return m.start() if m else None


def next_start(text: str, end: int) -> int | None:
    """Where the verb of the next post begins, right after titles ending at ``end`` (由山东省长调任…, 从…任上,
    调赴河北); None where none follows."""
    m = _next_start().match(text, end)
    return m.start("verb") if m else None


@lru_cache(maxsize=1)
def _next_start() -> re.Pattern[str]:
    verbs = [w for w, t in words().get("verb", {}).items() if t in (START, TRANSFER)]
    verbs += list(words().get("move", {}))
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return re.compile(rf"(?:{_alternation('after')})?[，,]?\s*(?P<verb>{alternation})")


def expels(text: str) -> bool:
    return _expel().search(text) is not None


def expelled(scans: Scans, names: list[tuple[int, int]]) -> dict[int, int]:
    """The names whose posts a discipline decision ends (给予张华开除党籍处分; 保定市副市长张华被开除党籍): each
    the last name before the decision's word in its clause; by the name's start, where the word stands."""
    out: dict[int, int] = {}
    ordered = sorted(names)
    starts = [s for s, _ in ordered]
    for m in _expel().finditer(scans.text):
        start, _ = scans.clause(m.start())
        # the latest name that starts in the clause and ends before the word, read back from the word
        for i in range(bisect_left(starts, m.start()) - 1, bisect_left(starts, start) - 1, -1):
            if ordered[i][1] <= m.start():
                out[ordered[i][0]] = m.start()
                break
    return out
