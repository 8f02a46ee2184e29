"""Extraction stays linear in the size of an article: an article of one line, and one sentence that never ends.

A single-line article of 2 MB once took 4.7 s against 1.8 s for 1 MB, and an article written as one sentence
grew with the square (in Chinese the cube) of its length: each sentence scanned lists of the whole article, and
each name of a long sentence scanned the whole sentence.

The measure is CPU time, the best of three runs, of an article four times as long as another. Counting work
instead would miss most of what went wrong: much of it was C code (a regular expression searched from the start
of the sentence, an automaton that copies the whole text it is given, a slice up to a name), which no count of
Python calls or lines sees. A ratio of times does not depend on the machine's speed: four times the text takes
about four times as long when extraction is linear, sixteen times when it grows with the square. The bound, six,
leaves half as much again as linear for noise; the runs alternate between the sizes, so that a load on the
machine slows both, and the garbage collector is off while they run. The unfixed code took 8.3 times as long for
the English line, 31 times for the English sentence and 50 times for the Chinese one; its Chinese line grew
little faster than linear at these sizes (4.5), and the test keeps it from growing worse.
"""

from __future__ import annotations

import gc
import re
import time

import pytest

from kgraph.article import Article
from kgraph.extract import packs
from kgraph.extract.core import Extractor

#: Characters of the smaller article, and how many times longer the larger one is.
SMALL = {"en": 60_000, "zh": 10_000}
FACTOR = 4
BOUND = 6.0
RUNS = 3

#: Sentences that name what extraction looks for, densely: persons, titles, bodies, places, dates, campaigns,
#: outlets, second references, lists, résumés and discipline decisions.
ENGLISH = """BEIJING, Jan. 26 (Xinhua) -- Zhang Yigong, secretary of the Quanzhou Municipal Party Committee, presided.
Liao Guoxun, 57, was elected mayor of North China's Tianjin Municipality on Wednesday.
Yi Lianhong has been appointed secretary of the CPC Zhejiang Provincial Committee, and no longer serves as
secretary of the CPC Jiangxi Provincial Committee.
Municipal Party Committee Deputy Secretary and Mayor Wu Kaihua visited Pingli county, Shaanxi province.
Hu Henghua, Tang Fangyu and other members of the Theoretical Learning Center Group of the Chongqing Municipal
Party Committee studied the “Eight-Eight Strategy” and the theme education.
Zhou was formerly a member of the Standing Committee of the Provincial Party Committee.
He served as vice mayor of Hangzhou from 2010 to 2013, and mayor of Hangzhou from 2013 to 2016.
The Fifth Central Steering Group guided the Education in our province, according to Zhejiang Daily.
Zhang Hu, vice governor of Guangdong, has been expelled from the Party and dismissed from public office.
The city government carried out the “Four Ones” across the city, said former Vice Mayor Gong Dehan."""

CHINESE = """记者 刘菲菲 武红利
北京市委书记蔡奇主持会议，市委副书记、市长陈吉宁出席。
市委常委、组织部部长孙梅君，党组成员吴友才、高向荣参加。
刘云梅、鲁罡等市政府党组成员作交流发言。
会议决定，任命王凯为保定市人民政府副市长、代理市长。
2008年任益阳市委副书记，2011年任湖南省发改委主任。
履新江西省委常委、南昌市委书记刚刚“满月”的龚建华到会指导。
免去张华同志的保定市市长职务。
保定市副市长张华被开除党籍和公职。
中央第五指导组组长李金斌指出，全省要深入开展主题教育，落实“四下基层”制度。
省委巡视组对保定市委开展巡视，对全省各地进行督导。
2016年4月，王凯离任保定市委书记，天津市原市委代理书记、市长黄兴国被查。"""


def base(lang: str) -> str:
    """The sentences above as one line."""
    return CHINESE.replace("\n", "") if lang == "zh" else re.sub(r"\s*\n\s*", " ", ENGLISH)


def article(lang: str, shape: str, size: int) -> Article:
    """One article of ``size`` characters: one line, or one sentence (no sentence ends but the last)."""
    text = base(lang)
    if shape == "sentence":
        text = re.sub(r"[.!?;。！？；]", "," if lang == "en" else "，", text)
    sep = " " if lang == "en" else ""
    body = sep.join([text] * (size // len(text) + 1))[:size]
    return Article(f"{lang}-{shape}-{size}", "2022-12-01", body[:80], body, lang=lang)


@pytest.fixture(scope="module")
def extractors() -> dict[str, Extractor]:
    """One extractor per language, its lexicons and jieba's dictionary loaded before anything is timed."""
    out = {lang: Extractor(packs.get(lang)) for lang in ("en", "zh")}
    for lang, extract in out.items():
        extract(article(lang, "line", 2_000))
    return out


def seconds(extract: Extractor, articles: list[Article]) -> list[float]:
    """The best CPU time of a few runs of each article, the runs taken in turn (a load on the machine then
    slows them alike), with the garbage collector off (its passes fall where they will)."""
    best = [float("inf")] * len(articles)
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(RUNS):
            for i, a in enumerate(articles):
                start = time.process_time()
                extract(a)
                best[i] = min(best[i], time.process_time() - start)
    finally:
        if collecting:
            gc.enable()
    return best


@pytest.mark.parametrize("shape", ["line", "sentence"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_extraction_time_grows_linearly_with_the_article(extractors, lang: str, shape: str):
    size = SMALL[lang]
    small, large = seconds(extractors[lang], [article(lang, shape, size), article(lang, shape, size * FACTOR)])
    ratio = large / small
    assert ratio < BOUND, f"{FACTOR}x the text took {ratio:.1f}x the time ({small:.2f} s, {large:.2f} s)"


def test_the_articles_are_what_they_say(extractors):
    """The inputs are one line, or one sentence, and name officials with their posts throughout."""
    for lang in ("en", "zh"):
        line = article(lang, "line", SMALL[lang])
        assert "\n" not in line.text and len(line.text) == SMALL[lang]
        sentence = article(lang, "sentence", SMALL[lang])
        assert len(packs.get(lang).read(sentence).sentences) == 1
        for facts in (extractors[lang](line), extractors[lang](sentence)):
            assert sum(1 for e in facts.entities.values() if e.type == "Official") >= 8
            assert len(facts.post_times) >= 100
