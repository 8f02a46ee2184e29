"""Starts and ends of posts in Chinese: what the words around the titles say of each post, and when."""

import pytest

from kgraph.article import Article
from kgraph.extract.zh import Chinese

DATE = "2022-01-21"  # the article's date


@pytest.fixture(scope="module")
def pack():
    return Chinese()


def change(c) -> str:
    """A start or end as text: its date, T where the text gives none, - where the text reports none."""
    if c is None:
        return "-"
    return (str(c.date) if c.date else "T") + ("*" if c.transfer else "")


def times(pack, gaz, text: str, date: str = DATE) -> list[tuple[str, str, str, str]]:
    """(holder, title, start, end) of every post phrase of a Baoding article, in order, sentence by sentence."""
    from kgraph.extract import chains
    from kgraph.extract.context import Context

    reading = pack.read(Article("t", date, text, text, lang="zh"))
    out = []
    ctx = Context({"city": "130600", "province": "130000", "home": "130600"})
    for s in reading.sentences:
        atoms = pack.atoms(reading, s, gaz)
        for a in atoms:
            if a.kind == "region":
                a.place.codes = a.place.codes[:1]
        bodies = [m for c in chains.chains(s.text, atoms, pack.link) for m in chains.parse(c, ctx)]
        for h in pack.holders(reading, s, atoms, bodies):
            for p in h.phrases:
                out.append((h.zh or h.refers, p.title.title, change(p.started), change(p.ended)))
    return out


# Starts


def test_an_appointment_announced_without_a_date_takes_the_articles(pack, gaz):
    assert times(pack, gaz, "经中共中央批准,王凯同志任河北省委副书记。") == [
        ("王凯", "Deputy Secretary", "2022-01-21", "-")
    ]


def test_an_appointment_and_an_election_by_a_session(pack, gaz):
    got = times(pack, gaz, "会议决定,任命王凯为保定市人民政府副市长、代理市长。大会选举张华为保定市人民政府市长。")
    assert got == [
        ("王凯", "Vice Mayor", "2022-01-21", "-"),
        ("王凯", "Acting Mayor", "2022-01-21", "-"),  # the acting post is a post of its own, begun too
        ("张华", "Mayor", "2022-01-21", "-"),
    ]
    assert times(pack, gaz, "王凯当选为保定市人民政府市长。") == [("王凯", "Mayor", "2022-01-21", "-")]


def test_names_listed_before_a_linking_wei_or_a_verb_share_the_start(pack, gaz):
    got = times(pack, gaz, "会议选举王凯为河北省省长,王五、赵六为副省长。")
    assert got == [
        ("王凯", "Governor", "2022-01-21", "-"),
        ("王五", "Vice Governor", "2022-01-21", "-"),
        ("赵六", "Vice Governor", "2022-01-21", "-"),
    ]
    got = times(pack, gaz, "王五、赵六当选为河北省副省长。")
    assert [(h, s) for h, _, s, _ in got] == [("王五", "2022-01-21"), ("赵六", "2022-01-21")]


def test_a_linking_wei_says_a_start_only_after_a_verb_of_appointment(pack, gaz):
    assert times(pack, gaz, "据悉,王凯为保定市市长。") == [("王凯", "Mayor", "-", "-")]
    assert times(pack, gaz, "同意王凯同志为保定市市长。") == [("王凯", "Mayor", "-", "-")]


def test_a_transfer_moves_the_person_on(pack, gaz):
    assert times(pack, gaz, "2013年,王凯调任保定市委副书记。") == [("王凯", "Deputy Secretary", "2013*", "-")]


def test_a_change_before_the_news_takes_only_the_date_its_sentence_gives(pack, gaz):
    assert times(pack, gaz, "刘国强已任河北省委书记。") == [("刘国强", "Secretary", "T", "-")]
    assert times(pack, gaz, "去年12月他已调任保定市委书记。") == [("person", "Secretary", "2021-12*", "-")]


def test_posts_left_for_the_next_end_when_it_begins(pack, gaz):
    got = times(pack, gaz, "2017年,王凯从河北省委常委、保定市委书记任上,调赴北京,任北京市委副书记。")
    assert got == [
        ("王凯", "Member of the Standing Committee", "-", "2017"),
        ("王凯", "Secretary", "-", "2017"),
        ("王凯", "Deputy Secretary", "2017", "-"),
    ]
    got = times(pack, gaz, "王凯由河北省省长调任北京市代市长。")
    assert got == [("王凯", "Governor", "-", "2022-01-21"), ("王凯", "Acting Mayor", "2022-01-21*", "-")]
    assert times(pack, gaz, "由保定市委书记王凯主持。") == [("王凯", "Secretary", "-", "-")]


def test_a_candidate_has_begun_no_post(pack, gaz):
    assert times(pack, gaz, "会议决定任命王凯为保定市市长候选人。") == [("王凯", "Mayor", "-", "-")]


def test_acting_for_a_post_is_the_acting_post(pack, gaz):
    got = times(pack, gaz, "会议接受张华辞去保定市市长职务,决定王文超代理保定市市长职务。")
    assert got == [("张华", "Mayor", "-", "2022-01-21"), ("王文超", "Acting Mayor", "2022-01-21", "-")]
    got = times(pack, gaz, "2004年1月,任河北省副省长,代理河北省省长。")
    assert got == [("person", "Vice Governor", "2004-01", "-"), ("person", "Acting Governor", "2004-01", "-")]
    got = times(pack, gaz, "天津市原市委代理书记、市长黄兴国被查。")  # 代理 inside a title is no verb
    assert not any(t == "Acting Mayor" for _, t, _, _ in got)


# Ends


def test_a_removal_and_no_longer_serving(pack, gaz):
    got = times(pack, gaz, "王凯同志任河北省委书记,张华同志不再担任河北省委书记、常委、委员职务。")
    assert got == [
        ("王凯", "Secretary", "2022-01-21", "-"),
        ("张华", "Secretary", "-", "2022-01-21"),
        ("张华", "Member of the Standing Committee", "-", "2022-01-21"),
        ("张华", "Member", "-", "2022-01-21"),
    ]


def test_a_removal_names_the_person_before_the_post(pack, gaz):
    got = times(pack, gaz, "会议决定免去张华的保定市人民政府副市长职务。")
    assert got == [("张华", "Vice Mayor", "-", "2022-01-21")]
    assert times(pack, gaz, "免去张华同志的保定市市长职务。") == [("张华", "Mayor", "-", "2022-01-21")]


def test_a_removal_of_the_person_named_before_the_titles(pack, gaz):
    got = times(pack, gaz, "免去石奇珠汕尾市委书记、常委、委员职务。")
    assert got == [
        ("石奇珠", "Secretary", "-", "2022-01-21"),
        ("石奇珠", "Member of the Standing Committee", "-", "2022-01-21"),
        ("石奇珠", "Member", "-", "2022-01-21"),
    ]


def test_a_removal_of_his_post_refers_to_the_person_named(pack, gaz):
    got = times(pack, gaz, "王凯同志任保定市委书记,免去其保定市市长职务。")
    assert got == [("王凯", "Secretary", "2022-01-21", "-"), ("person", "Mayor", "-", "2022-01-21")]


def test_leaving_a_post(pack, gaz):
    assert times(pack, gaz, "2016年4月,王凯离任保定市委书记。") == [("王凯", "Secretary", "-", "2016-04")]
    assert times(pack, gaz, "王凯辞任保定市市长。") == [("王凯", "Mayor", "-", "2022-01-21")]


def test_a_resignation_accepted(pack, gaz):
    got = times(pack, gaz, "去年12月30日,保定市人大常委会会议决定,接受张华辞去保定市人民政府市长职务的请求。")
    assert got == [("张华", "Mayor", "-", "2021-12-30")]


def test_a_career_that_ends_in_retirement(pack, gaz):
    got = times(pack, gaz, "2013年1月当选保定市人大常委会副主任,直到2017年4月退休。")
    assert got == [("person", "Deputy Director", "2013-01", "2017-04")]
    got = times(pack, gaz, "2012年3月任保定市市长,2016年退休。")
    assert got == [("person", "Mayor", "2012-03", "2016")]
    got = times(pack, gaz, "2020年10月,王凯调任河北省委副书记,至近期赴北京任职。")
    assert got == [("王凯", "Deputy Secretary", "2020-10*", "T")]
    assert times(pack, gaz, "2018年任保定市市长,至今未变。") == [("person", "Mayor", "2018", "-")]
    assert times(pack, gaz, "2018年任保定市市长,至今仍在保定任职。") == [("person", "Mayor", "2018", "-")]


def test_former_posts_end_without_a_date(pack, gaz):
    got = times(pack, gaz, "王凯曾任保定市委副书记、市长,邯郸市委书记。")
    assert got == [("王凯", "Deputy Secretary", "-", "T"), ("王凯", "Mayor", "-", "T"), ("王凯", "Secretary", "-", "T")]
    assert times(pack, gaz, "此后,他历任保定市副市长。") == [("person", "Vice Mayor", "-", "T")]
    assert times(pack, gaz, "其间曾短暂担任保定市市长。") == [("person", "Mayor", "-", "T")]
    assert times(pack, gaz, "王凯此前任保定市市长。") == [("王凯", "Mayor", "-", "T")]
    assert times(pack, gaz, "王凯担任过保定市副市长。") == [("王凯", "Vice Mayor", "-", "T")]


def test_a_former_marker_ends_its_title_and_those_after_it(pack, gaz):
    got = times(pack, gaz, "3月25日,保定市人大常委会原党组副书记、副主任张华被查。")
    assert got == [("张华", "Deputy Secretary of the Party Group", "-", "T"), ("张华", "Deputy Director", "-", "T")]
    assert times(pack, gaz, "会上,原保定市市长王凯发言。") == [("王凯", "Mayor", "-", "T")]
    assert times(pack, gaz, "前任市长王凯出席。") == [("王凯", "Mayor", "-", "T")]
    assert times(pack, gaz, "草原保定市市长王凯出席。") == [("王凯", "Mayor", "-", "-")]  # 原 of 草原


def test_an_expulsion_ends_the_posts_of_the_person_it_names(pack, gaz):
    assert times(pack, gaz, "保定市副市长张华被开除党籍和公职。") == [("张华", "Vice Mayor", "-", "2022-01-21")]
    got = times(pack, gaz, "市委书记王凯宣布,给予张华开除党籍处分。")
    assert got == [("王凯", "Secretary", "-", "-")]


# Posts held


def test_posts_merely_held_carry_neither(pack, gaz):
    assert times(pack, gaz, "1月17日,市委书记王凯、市长张华出席会议。") == [
        ("王凯", "Secretary", "-", "-"),
        ("张华", "Mayor", "-", "-"),
    ]
    assert times(pack, gaz, "1月17日,时任保定市代市长王凯作报告。") == [("王凯", "Acting Mayor", "-", "-")]
    assert times(pack, gaz, "他现任保定市委书记。") == [("person", "Secretary", "-", "-")]
    assert times(pack, gaz, "2019年,王凯在担任保定市市长期间多次发表文章。") == [("王凯", "Mayor", "-", "-")]


def test_serving_as_begins_at_the_date_its_clause_gives(pack, gaz):
    assert times(pack, gaz, "2005年,他担任保定市市长。") == [("person", "Mayor", "2005", "-")]


def test_a_clause_that_describes_a_name_takes_only_its_own_dates(pack, gaz):
    got = times(pack, gaz, "另外,2006年至2011年11月担任保定市委书记的刘志庚被查。")
    assert got == [("刘志庚", "Secretary", "2006", "2011-11")]


def test_a_new_post_named_before_the_name_began_at_no_stated_date(pack, gaz):
    assert times(pack, gaz, "新任保定市委书记王凯主持会议。") == [("王凯", "Secretary", "T", "-")]
    text = "在2015年4月24日的会议上,履新保定市委书记刚刚满月的王凯发言。"
    assert times(pack, gaz, text) == [("王凯", "Secretary", "T", "-")]  # the meeting's date is not the start


# Careers


def test_each_clause_of_a_career_takes_its_own_date(pack, gaz):
    got = times(pack, gaz, "2005年,王凯调任河北省发改委主任,2008年任保定市委副书记、代市长,2009年任保定市市长。")
    assert got == [
        ("王凯", "Director", "2005*", "-"),
        ("王凯", "Deputy Secretary", "2008", "-"),
        ("王凯", "Acting Mayor", "2008", "-"),
        ("王凯", "Mayor", "2009", "-"),
    ]


def test_a_date_at_the_head_of_a_sentence_dates_all_its_clauses(pack, gaz):
    got = times(pack, gaz, "2012年5月,他入列河北省委常委,任宣传部部长。")
    assert [(t, s) for _, t, s, _ in got] == [("Member of the Standing Committee", "2012-05"), ("Head", "2012-05")]


def test_a_later_clause_without_a_date_begins_at_none(pack, gaz):
    got = times(pack, gaz, "2014年任保定市市长,后同时兼任保定市委书记。")
    assert got == [("person", "Mayor", "2014", "-"), ("person", "Secretary", "T", "-")]
    got = times(pack, gaz, "2017年1月当选为河北省人大常委会副主任,后又当选为河北省总工会主席。")
    assert [s for _, _, s, _ in got] == ["2017-01", "T"]


def test_successive_posts_each_gave_way_to_the_next(pack, gaz):
    got = times(pack, gaz, "2017年至今,王凯先后担任了北京市委副书记、河北省省长和河北省委书记。")
    assert got == [
        ("王凯", "Deputy Secretary", "T", "T"),
        ("王凯", "Governor", "T", "T"),
        ("王凯", "Secretary", "T", "-"),  # the last is held
    ]
    got = times(pack, gaz, "他先后担任保定市副市长、市长,邯郸市委书记。")
    assert [e for _, _, _, e in got] == ["T", "T", "-"]


def test_career_lines_with_their_spans(pack, gaz):
    text = (
        "王凯简历\n2012.05—2016.03 河北省委常委、宣传部部长\n2016.03—2020.11 吉林省委副书记,省长\n2020.11— 吉林省委书记"
    )
    assert times(pack, gaz, text) == [
        ("person", "Member of the Standing Committee", "2012-05", "2016-03"),
        ("person", "Head", "2012-05", "2016-03"),
        ("person", "Deputy Secretary", "2016-03", "2020-11"),
        ("person", "Governor", "2016-03", "2020-11"),
        ("person", "Secretary", "2020-11", "-"),
    ]
    got = times(pack, gaz, "2018年6月至2021年3月任保定市委书记。")
    assert got == [("person", "Secretary", "2018-06", "2021-03")]


def test_a_career_line_needs_its_dates_first(pack, gaz):
    assert times(pack, gaz, "会议指出 保定市委书记") == []


# Dates


def test_relative_dates_of_a_change(pack, gaz):
    assert times(pack, gaz, "去年3月,王凯出任保定市市长。")[0][2] == "2021-03"
    assert times(pack, gaz, "上月,王凯当选为保定市市长。")[0][2] == "2021-12"
    assert times(pack, gaz, "日前,王凯任保定市委书记。")[0][2] == "2022-01-21"
    assert times(pack, gaz, "12月25日,王凯任保定市委书记。")[0][2] == "2021-12-25"
    assert times(pack, gaz, "二〇一五年三月任保定市市长。")[0][2] == "2015-03"


def test_a_date_at_the_head_of_a_paragraph_dates_its_news(pack, gaz):
    text = "12月25日消息,经中共中央批准,王凯同志任保定市委副书记。张华同志不再担任保定市委副书记职务。"
    got = times(pack, gaz, text)
    assert got == [("王凯", "Deputy Secretary", "2021-12-25", "-"), ("张华", "Deputy Secretary", "-", "2021-12-25")]
    text = "12月25日消息,会议举行。\n张华同志不再担任保定市委副书记职务。"  # another paragraph: the article's date
    assert times(pack, gaz, text) == [("张华", "Deputy Secretary", "-", "2022-01-21")]


def test_a_birth_date_dates_no_change(pack, gaz):
    assert times(pack, gaz, "王凯,1963年6月出生,任保定市市长。")[0][2] == "2022-01-21"
    assert times(pack, gaz, "王凯,1963年6月出生,曾任保定市市长。")[0][2:] == ("-", "T")


# End to end: the core turns the phrases into the posts' times


@pytest.fixture(scope="module")
def chinese(gaz):
    from kgraph.extract import packs
    from kgraph.extract.core import Extractor

    return Extractor(packs.get("zh"), gaz)


def post_times(chinese, text: str) -> set[tuple[str, str, str, str, str]]:
    facts = chinese(Article("z", DATE, text.split("\n")[0], text, lang="zh"))
    return {(facts.entities[t.person].label_zh, t.body, t.title, t.kind, t.date) for t in facts.post_times}


def test_career_lines_are_the_career_of_the_person_named_before_them(chinese):
    text = "王凯简历\n王凯,男,汉族,1965年3月出生。\n2012.05—2016.03 河北省委常委\n2016.03— 吉林省省长"
    assert post_times(chinese, text) == {
        ("王凯", "body/130000/party_committee", "Member of the Standing Committee", "start", "2012-05"),
        ("王凯", "body/130000/party_committee", "Member of the Standing Committee", "end", "2016-03"),
        ("王凯", "body/220000/government", "Governor", "start", "2016-03"),
    }


def test_a_dated_transfer_ends_the_posts_held_before(chinese):
    got = post_times(chinese, "2011年,王凯任河北省发改委主任。2013年,王凯调任保定市委副书记。")
    assert ("王凯", "body/130000/department-development_reform", "Director", "end", "2013") in got
