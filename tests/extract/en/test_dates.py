"""English dates: to the precision the text gives, relative ones against the article's date, career ranges."""

import datetime as dt

from kgraph.article import Article
from kgraph.dates import PartialDate
from kgraph.extract.en import English
from kgraph.extract.en.dates import AT, RANGE, SINCE, UNTIL, Dates, find_dates

THU = dt.date(2022, 12, 1)  # a Thursday


def dates(text: str, anchor: dt.date | None = THU) -> list[tuple[str, str, str | None]]:
    """(kind, date, end of a range) of each date in ``text``."""
    return [(d.kind, str(d.date), str(d.to) if d.to else None) for d in find_dates(text, anchor)]


def one(text: str, anchor: dt.date | None = THU) -> str:
    found = dates(text, anchor)
    assert len(found) == 1, found
    return found[0][1]


def test_a_day_written_in_full_or_short_keeps_the_day():
    assert one("on September 16, 2020") == "2020-09-16"
    assert one("on 16 September 2020") == "2020-09-16"
    assert one("BEIJING, Jan. 26, 2022 (Xinhua)") == "2022-01-26"
    assert one("the 16th of January, 2023") == "2023-01-16"


def test_a_day_without_a_year_is_the_latest_not_after_the_article():
    assert one("BEIJING, Nov. 26 (Xinhua)") == "2022-11-26"
    assert one("concluded on January 16th") == "2022-01-16"
    assert one("on Dec. 25") == "2021-12-25"  # after the article's 1 December: last year's


def test_a_month_or_a_year_keeps_its_precision():
    assert one("was appointed in early September") == "2022-09"
    assert one("in March 2015") == "2015-03"
    assert one("since late March of 2015") == "2015-03"
    assert one("in 2005") == "2005"
    assert one("in mid-2019") == "2019"
    assert one("at the end of 2015") == "2015"
    assert find_dates("in March 2015", THU)[0].date.precision == "month"


def test_relative_dates_count_from_the_article():
    assert one("on Thursday") == "2022-12-01"  # the article's own day
    assert one("announced Wednesday") == "2022-11-30"
    assert one("last Thursday") == "2022-11-24"
    assert one("today") == "2022-12-01"
    assert one("yesterday") == "2022-11-30"
    assert one("last month") == "2022-11"
    assert one("earlier this month") == "2022-12"
    assert one("this year") == "2022"
    assert one("late last year") == "2021"
    assert one("on the 6th") == "2022-11-06"  # after the article's day: the month before


def test_relative_dates_need_the_articles_date():
    assert dates("on Thursday, last month and on the 6th", None) == []
    assert dates("in March 2015", None) == [(AT, "2015-03", None)]


def test_month_names_only_capitalised_and_bare_only_after_a_preposition():
    assert dates("It may be done by the Long March generation.") == []
    assert one("in May") == "2022-05"
    assert dates("March forward") == []


def test_numbers_that_are_no_dates():
    assert dates("the 2035 goals of the 14th Five-Year Plan") == []
    assert dates("in the 2020s") == []
    assert dates("the 37th session of the 13th Provincial People's Congress") == []
    assert dates("2022-01-26 16:12:21") == [(AT, "2022-01-26", None)]  # the time is none


def test_birth_dates_are_no_dates_of_posts():
    assert dates("Born in February 1963, Liao is a native of Chengdu.") == []
    assert dates("Liao, born in 1963, was appointed in 2020.") == [(AT, "2020", None)]


def test_career_ranges_and_open_ends():
    assert dates("from 2015 to 2018") == [(RANGE, "2015", "2018")]
    assert dates("between 2010 and 2013") == [(RANGE, "2010", "2013")]
    assert dates("from March 2015 to June 2018") == [(RANGE, "2015-03", "2018-06")]
    assert dates("2015-2018:") == [(RANGE, "2015", "2018")]
    assert dates("2015.03—2018.06 Secretary") == [(RANGE, "2015-03", "2018-06")]
    assert dates("since March 2018") == [(SINCE, "2018-03", None)]
    assert dates("until 2018") == [(UNTIL, "2018", None)]
    assert dates("2018 - present: Governor") == [(SINCE, "2018", None)]
    assert dates("in 2020 and 2021") == [(AT, "2020", None), (AT, "2021", None)]
    assert dates("from 2018 to 2015") == [(SINCE, "2018", None), (UNTIL, "2015", None)]  # no range backwards


def test_a_search_from_a_position_finds_a_range_right_there():
    text = "Wang, mayor of Hangzhou from 2015 to 2018, said on Monday"
    at = text.index("from")
    found = find_dates(text, THU, at, at + 1, here=True)
    assert [(d.kind, d.date, d.to) for d in found] == [(RANGE, PartialDate(2015), PartialDate(2018))]


def test_a_months_abbreviation_ends_no_sentence():
    text = "BEIJING, Jan. 26 (Xinhua) -- Zhou was expelled. He was formerly mayor."
    reading = English().read(Article("t", "2022-01-26", "t", text))
    assert [s.text for s in reading.sentences] == [
        "BEIJING, Jan. 26 (Xinhua) -- Zhou was expelled.",
        "He was formerly mayor.",
    ]


def test_the_dates_of_a_sentence_read_once_answer_as_a_search_from_each_offset():
    text = (
        "Wang was mayor of Hangzhou from 2015 to 2018, and on Sept. 16, 2020 became governor; "
        "in early March 2021 he said on Monday that 2019-2020 and 16 September 2022 were hard, since 2018-present."
    )
    sentence = Dates(text, THU)
    for lo in range(len(text) + 1):
        for hi in (lo + 1, lo + 30, len(text)):
            assert sentence.find(lo, hi) == find_dates(text, THU, lo, hi), (lo, hi)
    for end in range(len(text) + 1):
        assert sentence.ending_by(end) == [d for d in find_dates(text, THU, 0, end) if d.end <= end], end
