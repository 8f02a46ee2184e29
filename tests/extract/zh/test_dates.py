"""Chinese dates to the precision the text gives, relative dates, spans, and the date a change takes."""

import datetime as dt

from kgraph.dates import PartialDate
from kgraph.extract.zh.dates import Clock, last_date, whens

JAN = dt.date(2022, 1, 21)  # the article's date


def dates(text: str, anchor: dt.date | None = JAN) -> list[str]:
    return [str(w.date) if w.date else "-" for w in whens(text, anchor)]


def test_points_keep_the_precision_the_text_gives():
    assert dates("2008年1月5日,2008年1月,2005年") == ["2008-01-05", "2008-01", "2005"]
    assert dates("2015.03任,2015.03.05,2020-11-20 21:27") == ["2015-03", "2015-03-05", "2020-11-20"]
    assert dates("二〇一五年三月,二〇一三年十二月") == ["2015-03", "2013-12"]


def test_a_part_of_the_day_or_month_keeps_the_precision():
    [w] = whens("1月21日上午,会议举行。", JAN)
    assert w.date == PartialDate(2022, 1, 21) and w.end == len("1月21日上午")
    assert dates("2020年初,9月下旬") == ["2020", "2020-09"]


def test_numbers_that_are_no_dates():
    assert dates("担任了10年教师,增长2020.5万元,1234年,3个月,第十五届") == []


def test_a_month_without_a_year_is_the_latest_not_after_the_article():
    assert dates("12月25日消息") == ["2021-12-25"]
    assert dates("1月17日,时任代市长") == ["2022-01-17"]
    assert dates("3月") == ["2021-03"]


def test_a_month_without_a_year_after_a_year_takes_that_year():
    assert dates("2015年1月任成都市市长,6月任成都市委书记") == ["2015-01", "2015-06"]


def test_dates_relative_to_the_last_date_of_the_sentence():
    assert dates("2005年7月任书记,同年9月辞去省长职务") == ["2005-07", "2005-09"]
    assert dates("3月5日开幕,当天选举") == ["2021-03-05", "2021-03-05"]
    assert dates("2016年调任副书记,一年后重回环保部") == ["2016", "2017"]
    assert dates("2012年任市长,两年后任书记") == ["2012", "2014"]
    assert dates("同年7月") == ["-"]  # no date before it


def test_dates_relative_to_the_article():
    assert dates("去年12月30日,今年1月,去年,前年") == ["2021-12-30", "2022-01", "2021", "2020"]
    assert dates("上月,上月25日,本月3日") == ["2021-12", "2021-12-25", "2022-01-03"]
    assert dates("日前,近日,昨天") == ["2022-01-21", "2022-01-21", "2022-01-20"]
    assert dates("29日上午,20日") == ["2021-12-29", "2022-01-20"]  # a day without a month: the latest not after


def test_relative_dates_without_the_articles_date_are_unknown():
    assert dates("去年12月30日,日前,12月25日", None) == ["-", "-", "-"]
    assert dates("2015年3月", None) == ["2015-03"]


def test_a_time_the_text_gives_no_date_for():
    [w] = whens("至近期赴重庆任职", JAN)
    assert w.date is None


def test_spans_of_a_career():
    [w] = whens("2015.03—2018.06 XX市委书记", JAN)
    assert (w.date, w.until, w.span) == (PartialDate(2015, 3), PartialDate(2018, 6), True)
    [w] = whens("2015年3月至2018年6月任", JAN)
    assert (w.date, w.until) == (PartialDate(2015, 3), PartialDate(2018, 6))
    [w] = whens("1998—2005年,任", JAN)
    assert (w.date, w.until) == (PartialDate(1998), PartialDate(2005))
    [w] = whens("2015年3月至6月", JAN)
    assert w.until == PartialDate(2015, 6)


def test_a_span_whose_dash_got_lost_and_full_width_digits():
    [w] = whens("1988.03 1989.05 哈尔滨工业大学", JAN)
    assert (w.date, w.until) == (PartialDate(1988, 3), PartialDate(1989, 5))
    assert dates("２０１５年３月任") == ["2015-03"]


def test_open_spans_and_periods():
    [w] = whens("2018.06— XX市委书记", JAN)
    assert w.span and w.until is None and w.date == PartialDate(2018, 6)
    [w] = whens("2017年至今,先后担任了", JAN)
    assert w.span and w.until is None
    [w] = whens("2017年以来,", JAN)
    assert w.period and not w.span
    [w] = whens("3月25日到北京调研", JAN)
    assert not w.span  # 到 joins a span only to a date or 今


def test_dates_of_other_events_stay_in_their_clause():
    found = whens("刘桂花,1956年10月出生,1976年9月加入中国共产党,1963年6月生,2005年任", JAN)
    assert [w.owned for w in found] == [True, True, True, False]
    assert not whens("2015年任省卫生健康委员会主任", JAN)[0].owned  # 生 owns a date only right after it


def clock(text: str, carried: PartialDate | None = None, anchor: dt.date | None = JAN) -> Clock:
    return Clock(text, anchor, carried)


def test_a_date_at_the_head_of_a_sentence_or_clause_dates_the_changes_after_it():
    text = "去年12月30日,会议决定,接受唐良智辞去市长职务,任命胡衡华为副市长"
    c = clock(text)
    assert c.at(text.index("辞去")).date == PartialDate(2021, 12, 30)
    assert c.at(text.index("任命")).date == PartialDate(2021, 12, 30)
    text = "2005年,胡衡华调任主任,2008年任副书记"
    c = clock(text)
    assert c.at(text.index("调任")).date == PartialDate(2005)
    assert c.at(text.index("2008年任") + 5).date == PartialDate(2008)


def test_a_clause_that_comes_later_without_a_date_has_none():
    text = "2014年任市长,后同时兼任书记"
    d = clock(text).at(text.index("兼任"))
    assert d.later and d.date is None
    text = "2014年跻身省委常委,随后兼任秘书长"
    assert clock(text).news(text.index("兼任")).date is None


def test_the_date_of_another_event_dates_no_change():
    text = "张三,1963年6月出生,任市长"
    assert clock(text).at(text.index("任市长")).date is None


def test_news_without_a_date_takes_its_paragraphs_then_the_articles():
    text = "唐良智同志不再担任市委副书记职务"
    pos = text.index("不再")
    assert clock(text, carried=PartialDate(2021, 12, 25)).news(pos).date == PartialDate(2021, 12, 25)
    assert clock(text).news(pos).date == PartialDate(2022, 1, 21)
    assert clock(text, anchor=None).news(pos).date is None
    assert clock(text).at(pos).date is None  # not news: no date


def test_a_span_gives_a_start_and_an_end():
    text = "2015.03—2018.06 保定市委书记"
    d = clock(text).at(text.index("保定"))
    assert (d.date, d.until, d.span, d.stated) == (PartialDate(2015, 3), PartialDate(2018, 6), True, True)


def test_the_date_a_sentence_carries_to_the_next():
    assert last_date("12月25日消息,经中共中央批准,胡衡华同志任副书记。", JAN) == PartialDate(2021, 12, 25)
    assert last_date("胡衡华,1963年6月出生。", JAN) is None
    assert last_date("2017年以来,多次调整。", JAN) is None
