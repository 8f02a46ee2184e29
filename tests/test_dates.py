import datetime as dt

from kgraph.dates import DAY, MONTH, YEAR, PartialDate, month_of, shift_month, weekday_before


def test_dates_keep_the_precision_the_text_gives():
    assert str(PartialDate(2008, 1)) == "2008-01" and PartialDate(2008, 1).precision == MONTH
    assert str(PartialDate(2005)) == "2005" and PartialDate(2005).precision == YEAR
    assert str(PartialDate(2022, 12, 1)) == "2022-12-01" and PartialDate(2022, 12, 1).precision == DAY
    assert PartialDate(2008) < PartialDate(2008, 1) < PartialDate(2008, 1, 5) < PartialDate(2009)


def test_only_real_dates():
    assert PartialDate.parse("2023-05-07") == PartialDate(2023, 5, 7)
    assert PartialDate.parse("2023-02-30") is None and PartialDate.parse("2023-13") is None
    assert PartialDate.make(2023, 0, 5) is None and PartialDate.parse("soon") is None


def test_relative_dates_resolve_against_the_article():
    thursday = weekday_before(dt.date(2022, 12, 1), 3)  # the article is of Thursday 1 December 2022
    assert thursday == PartialDate(2022, 12, 1)
    assert weekday_before(dt.date(2022, 1, 26), 0) == PartialDate(2022, 1, 24)  # "on Monday", two days before
    assert month_of(dt.date(2022, 1, 21), 12, 25) == PartialDate(2021, 12, 25)  # 12月25日 in January: last year
    assert month_of(dt.date(2022, 1, 21), 1, 17) == PartialDate(2022, 1, 17)
    assert shift_month(dt.date(2023, 1, 16), -1) == PartialDate(2022, 12)  # "last month"
