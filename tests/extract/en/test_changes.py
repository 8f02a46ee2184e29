"""When English news says a post began or ended: appointments, elections, removals, resignations, retirements,
former posts, discipline announcements, transfers, successions and careers, dated as the text dates them."""

from kgraph.dates import PartialDate
from kgraph.extract.en.changes import END, FORMER, HOLD, START, TRANSFER, when
from kgraph.extract.en.dates import AT, RANGE, SINCE, UNTIL, DateMention
from kgraph.extract.posts import Change

TODAY = PartialDate(2022, 12, 1)
Y2015, Y2018 = PartialDate(2015), PartialDate(2018)

#: The article date of the texts below: Thursday, 1 December 2022.
DATE = "2022-12-01"


def times(facts) -> set[tuple[str, str, str, str, str]]:
    """(person, body, title, start or end, date) of every post's start and end."""
    return {(t.person, t.body, t.title, t.kind, t.date) for t in facts.post_times}


def mention(kind: str, date: PartialDate, to: PartialDate | None = None) -> DateMention:
    return DateMention(0, 1, kind, date, to)


# What the words report, and the date the clause gives.


def test_a_start_or_end_without_a_date_is_the_articles_news():
    assert when(START, None, TODAY) == (Change(TODAY), None)
    assert when(END, None, TODAY) == (None, Change(TODAY))
    assert when(TRANSFER, None, TODAY) == (Change(TODAY, transfer=True), None)


def test_a_change_told_as_a_step_of_a_career_takes_no_date_of_the_article():
    assert when(START, None, None) == (Change(), None)


def test_a_change_takes_the_date_of_its_clause():
    assert when(START, mention(AT, Y2015), TODAY) == (Change(Y2015), None)
    assert when(END, mention(AT, Y2018), TODAY) == (None, Change(Y2018))


def test_a_post_merely_held_has_neither_unless_a_tenure_is_dated():
    assert when(HOLD, None, TODAY) == (None, None)
    assert when(HOLD, mention(AT, Y2015), TODAY) == (None, None)  # held in 2015: not when it began
    assert when(HOLD, mention(RANGE, Y2015, Y2018), TODAY) == (Change(Y2015), Change(Y2018))
    assert when(HOLD, mention(SINCE, Y2015), TODAY) == (Change(Y2015), None)
    assert when(HOLD, mention(UNTIL, Y2018), TODAY) == (None, Change(Y2018))


def test_a_former_post_ended_when_the_text_need_not_say():
    assert when(FORMER, None, TODAY) == (None, Change())
    assert when(FORMER, mention(AT, Y2015), TODAY) == (None, Change())
    assert when(FORMER, mention(RANGE, Y2015, Y2018), TODAY) == (Change(Y2015), Change(Y2018))


# Starts.


def test_appointments_start_on_the_articles_date(extract_text):
    f = extract_text(
        "Yi Lianhong has been appointed as secretary of the CPC Zhejiang Provincial Committee. "
        "Yin Hong has been appointed to serve as secretary of the CPC Jiangxi Provincial Committee. "
        "Hu Changsheng was named head of the Gansu Provincial Department of Education.",
        date=DATE,
    )
    assert times(f) == {
        ("person/yi-lianhong", "body/330000/party_committee", "Secretary", "start", DATE),
        ("person/yin-hong", "body/360000/party_committee", "Secretary", "start", DATE),
        ("person/hu-changsheng", "body/620000/department-education", "Head", "start", DATE),
    }


def test_an_election_on_a_weekday_and_an_acting_post_in_a_month(extract_text):
    f = extract_text(
        "TIANJIN, Sept. 16 (Xinhua) -- Liao Guoxun was elected mayor of Tianjin on Wednesday. "
        "Liao was appointed acting mayor of Tianjin in early September.",
        date="2020-09-16",
    )
    assert times(f) == {  # two posts in sequence: the acting one ends when the full one begins
        ("person/liao-guoxun", "body/120000/government", "Mayor", "start", "2020-09-16"),
        ("person/liao-guoxun", "body/120000/government", "Acting Mayor", "start", "2020-09"),
        ("person/liao-guoxun", "body/120000/government", "Acting Mayor", "end", "2020-09-16"),
    }


def test_elections_at_a_session_today_shared_by_a_list(extract_text):
    f = extract_text(
        "The session concluded today (January 16th). Huang Ningsheng and Tan Ling were elected as the deputy "
        "directors of the Standing Committee of the Guangdong Provincial People's Congress on January 16th.",
        date="2023-01-18",
    )
    sc = "body/440000/peoples_congress/standing_committee"
    assert times(f) == {
        ("person/huang-ningsheng", sc, "Deputy Director", "start", "2023-01-16"),
        ("person/tan-ling", sc, "Deputy Director", "start", "2023-01-16"),
    }


def test_a_verb_before_the_person_starts_or_ends_the_post_after(extract_text):
    f = extract_text(
        "The Standing Committee of the Jiangsu Provincial People's Congress on Tuesday appointed Wang Hao vice "
        "governor of Jiangsu Province and Liu Yang as secretary-general of the Jiangsu Provincial People's "
        "Government. On Tuesday it voted to remove Chen Ming from the post of mayor of Suzhou.",
        date=DATE,
    )
    assert times(f) == {
        ("person/wang-hao", "body/320000/government", "Vice Governor", "start", "2022-11-29"),
        ("person/liu-yang", "body/320000/government", "Secretary-General", "start", "2022-11-29"),
        ("person/chen-ming", "body/320500/government", "Mayor", "end", "2022-11-29"),
    }


def test_a_transfer_ends_the_post_held_before_on_its_date(extract_text):
    f = extract_text(
        "Liu Yang, mayor of Suzhou, was transferred to the post of secretary of the CPC Nanjing Municipal "
        "Committee last month.",
        date=DATE,
    )
    assert times(f) == {
        ("person/liu-yang", "body/320100/party_committee", "Secretary", "start", "2022-11"),
        ("person/liu-yang", "body/320500/government", "Mayor", "end", "2022-11"),  # by the core, from the transfer
    }


def test_newly_elected_before_a_post_starts_it(extract_text):
    f = extract_text("Wang Hao, the newly elected mayor of Hangzhou, met the press.", date=DATE)
    assert times(f) == {("person/wang-hao", "body/330100/government", "Mayor", "start", DATE)}


# Ends.


def test_removals_end_on_the_articles_date(extract_text):
    f = extract_text(
        "The CPC Central Committee has decided that Yuan Jiajun no longer concurrently serves as secretary of the "
        "CPC Zhejiang Provincial Committee. Wang Hao was relieved of his duties as vice governor of Jiangsu "
        "Province. Chen Ming was dismissed as mayor of Suzhou.",
        date=DATE,
    )
    assert times(f) == {
        ("person/yuan-jiajun", "body/330000/party_committee", "Secretary", "end", DATE),
        ("person/wang-hao", "body/320000/government", "Vice Governor", "end", DATE),
        ("person/chen-ming", "body/320500/government", "Mayor", "end", DATE),
    }


def test_coordinated_predicates_start_one_post_and_end_another(extract_text):
    f = extract_text(
        "Yin Hong has been appointed to serve as secretary of the CPC Jiangxi Provincial Committee, and Yin no "
        "longer serves as secretary of the CPC Gansu Provincial Committee.",
        date=DATE,
    )
    assert times(f) == {
        ("person/yin-hong", "body/360000/party_committee", "Secretary", "start", DATE),
        ("person/yin-hong", "body/620000/party_committee", "Secretary", "end", DATE),
    }


def test_resignations_accepted_end_the_post(extract_text):
    f = extract_text(
        "The Standing Committee of the Shaanxi Provincial People's Congress accepted the resignation of Zhao Yide "
        "from the post of provincial governor. Wang Hao's resignation from the post of mayor of Hangzhou was "
        "accepted last month.",
        date=DATE,
    )
    assert times(f) == {
        ("person/zhao-yide", "body/610000/government", "Governor", "end", DATE),
        ("person/wang-hao", "body/330100/government", "Mayor", "end", "2022-11"),
    }


def test_retirement_ends_the_post(extract_text):
    f = extract_text("Wang Hao, 61, retired as vice mayor of Hangzhou in 2019.", date=DATE)
    assert times(f) == {("person/wang-hao", "body/330100/government", "Vice Mayor", "end", "2019")}


def test_former_posts_end_with_no_date(extract_text):
    f = extract_text(
        "In Changde, Gong Dehan, former Vice Mayor of the municipal government, attended. Former Vice Mayor Li "
        "Si of Changde and Wang Hao, ex-mayor of Changde, spoke on Monday. Zhou Jiangyong, a former senior "
        "official, was investigated. Zhou was formerly a member of the Standing Committee of the CPC Zhejiang "
        "Provincial Committee.",
        date=DATE,
    )
    pc = "body/330000/party_committee"
    assert times(f) == {
        ("person/gong-dehan", "body/430700/government", "Vice Mayor", "end", ""),
        ("person/li-si", "body/430700/government", "Vice Mayor", "end", ""),
        ("person/wang-hao", "body/430700/government", "Mayor", "end", ""),
        ("person/zhou-jiangyong", pc, "Member of the Standing Committee", "end", ""),
        ("person/zhou-jiangyong", pc + "/standing_committee", "Member", "end", ""),
    }


def test_expulsion_and_dismissal_end_the_posts_written_with_the_name(extract_text):
    f = extract_text(
        "Zhang Hu, vice governor of Guangdong Province, has been expelled from the Communist Party of China and "
        "dismissed from public office, the top anti-graft body announced Wednesday. Li Si, former mayor of "
        "Shenzhen, has been expelled from the CPC.",
        date=DATE,
    )
    assert times(f) == {
        ("person/zhang-hu", "body/440000/government", "Vice Governor", "end", "2022-11-30"),
        ("person/li-si", "body/440300/government", "Mayor", "end", ""),  # a former post keeps its own end
    }


def test_succession_starts_one_post_and_ends_the_predecessors(extract_text):
    f = extract_text(
        "Chen Jining succeeds Li Qiang as secretary of the CPC Shanghai Municipal Committee. Wang Hao was "
        "appointed mayor of Hangzhou on Monday, replacing Li Si.",
        date=DATE,
    )
    assert times(f) == {
        ("person/chen-jining", "body/310000/party_committee", "Secretary", "start", DATE),
        ("person/li-qiang", "body/310000/party_committee", "Secretary", "end", DATE),
        ("person/wang-hao", "body/330100/government", "Mayor", "start", "2022-11-28"),
        ("person/li-si", "body/330100/government", "Mayor", "end", "2022-11-28"),
    }


# Careers.


def test_tenures_with_ranges_give_both_ends(extract_text):
    f = extract_text(
        "Wang Hao served as mayor of Hangzhou from 2015 to 2018. From 2010 to 2013, Li Si served as mayor of "
        "Ningbo. Chen Ming served as governor of Zhejiang between 2013 and 2016.",
        date=DATE,
    )
    assert times(f) == {
        ("person/wang-hao", "body/330100/government", "Mayor", "start", "2015"),
        ("person/wang-hao", "body/330100/government", "Mayor", "end", "2018"),
        ("person/li-si", "body/330200/government", "Mayor", "start", "2010"),
        ("person/li-si", "body/330200/government", "Mayor", "end", "2013"),
        ("person/chen-ming", "body/330000/government", "Governor", "start", "2013"),
        ("person/chen-ming", "body/330000/government", "Governor", "end", "2016"),
    }


def test_a_post_held_since_a_date_began_then(extract_text):
    f = extract_text(
        "Wang Hao has served as secretary of the CPC Hangzhou Municipal Committee since March 2018. Li Si, mayor "
        "of Ningbo since 2021, spoke. Chen Ming, who is mayor of Suzhou, said the city has grown since 2018.",
        date=DATE,
    )
    assert times(f) == {
        ("person/wang-hao", "body/330100/party_committee", "Secretary", "start", "2018-03"),
        ("person/li-si", "body/330200/government", "Mayor", "start", "2021"),
    }


def test_joining_a_standing_committee_in_a_year(extract_text):
    f = extract_text(
        "Liao Guoxun was born in 1963. In 2005 he joined the Standing Committee of the CPC Zhejiang Provincial "
        "Committee. He joined the CPC in 1985.",
        date=DATE,
    )
    pc = "body/330000/party_committee"
    assert times(f) == {
        ("person/liao-guoxun", pc, "Member of the Standing Committee", "start", "2005"),
        ("person/liao-guoxun", pc + "/standing_committee", "Member", "start", "2005"),
    }


def test_a_career_told_in_one_sentence(extract_text):
    f = extract_text(
        "Wang Hao was appointed vice mayor of Hangzhou in 2010 and became mayor of Hangzhou in 2013. He was vice "
        "governor of Zhejiang from 2016 to 2018, and governor of Zhejiang from 2018 to 2021.",
        date=DATE,
    )
    got = times(f)
    assert ("person/wang-hao", "body/330100/government", "Vice Mayor", "start", "2010") in got
    assert ("person/wang-hao", "body/330100/government", "Mayor", "start", "2013") in got
    assert ("person/wang-hao", "body/330000/government", "Vice Governor", "end", "2018") in got
    assert ("person/wang-hao", "body/330000/government", "Governor", "start", "2018") in got
    assert ("person/wang-hao", "body/330000/government", "Governor", "end", "2021") in got


def test_steps_of_a_career_before_the_news_take_no_date_of_the_article(extract_text):
    f = extract_text(
        "Wang Hao had been appointed mayor of Hangzhou. Li Si spoke. He later became governor of Zhejiang.",
        date=DATE,
    )
    assert times(f) == {
        ("person/wang-hao", "body/330100/government", "Mayor", "start", ""),
        ("person/li-si", "body/330000/government", "Governor", "start", ""),
    }


def test_the_lines_of_a_resume_are_the_persons_posts(extract_text):
    f = extract_text(
        "Resume of Wang Hao\nWang Hao, male, was born in 1963.\n2010.03-2013.06 Vice Mayor of Hangzhou\n"
        "2013-2016: Mayor of Hangzhou\nSept. 2016 -- Secretary of the CPC Hangzhou Municipal Committee\n"
        "2020 - present: Governor of Zhejiang Province\nIn 2023, party secretaries at all levels studied.",
        date=DATE,
    )
    got = times(f)
    person = "person/wang-hao"
    assert (person, "body/330100/government", "Vice Mayor", "start", "2010-03") in got
    assert (person, "body/330100/government", "Vice Mayor", "end", "2013-06") in got
    assert (person, "body/330100/government", "Mayor", "start", "2013") in got
    assert (person, "body/330100/government", "Mayor", "end", "2016") in got
    assert (person, "body/330100/party_committee", "Secretary", "start", "2016-09") in got
    assert (person, "body/330000/government", "Governor", "start", "2020") in got
    assert not any(t[2] == "Governor" and t[3] == "end" for t in got)
    assert not any(t[4] == "2023" for t in got)  # a sentence that starts with a preposition is no résumé line


# Neither.


def test_posts_merely_held_on_the_articles_date_carry_neither(extract_text):
    f = extract_text(
        "Huang Kunming, Secretary of the Guangdong Provincial Party Committee, attended the meeting on Thursday. "
        "Governor Wang Weizhong presided. Wang said that the province had grown since 2018. Li Si is not only "
        "secretary of the CPC Hangzhou Municipal Committee but also a deputy.",
        date=DATE,
    )
    assert times(f) == set()
    assert len([r for r in f.relations if r.type == "holds_post"]) == 3


def test_a_title_that_runs_into_the_next_name_is_that_names(extract_text):
    f = extract_text("Wang Hao was elected mayor of Hangzhou, and Vice Mayor Li Si presided.", date=DATE)
    assert times(f) == {("person/wang-hao", "body/330100/government", "Mayor", "start", DATE)}


def test_a_date_after_the_comma_closing_an_appositive_is_the_sentences(extract_text):
    f = extract_text(
        "Xi Jinping, general secretary of the CPC Central Committee, since 2012 has led the campaign.", date=DATE
    )
    assert times(f) == set()


def test_a_post_held_in_the_past_perfect_is_a_former_one(extract_text):
    f = extract_text("Before his appointment, Liao Guoxun had served as vice mayor of Chongqing.", date=DATE)
    assert times(f) == {("person/liao-guoxun", "body/500000/government", "Vice Mayor", "end", "")}


def test_a_date_before_every_person_dates_the_whole_sentence(extract_text):
    f = extract_text(
        "On November 17, the meeting decided to appoint Zhang San as vice mayor of Hangzhou, and to remove Li Si "
        "from the post of vice mayor of Ningbo.",
        date=DATE,
    )
    assert times(f) == {
        ("person/zhang-san", "body/330100/government", "Vice Mayor", "start", "2022-11-17"),
        ("person/li-si", "body/330200/government", "Vice Mayor", "end", "2022-11-17"),
    }


def test_a_pronoun_that_is_also_a_surname_is_one_reference(extract_text):
    f = extract_text(
        "He Lifeng and Li Qiang met. Li Qiang, 63, spoke. He was governor of Zhejiang from 2013 to 2016.", date=DATE
    )
    assert sorted((t.person, t.kind, t.date) for t in f.post_times) == [
        ("person/li-qiang", "end", "2016"),
        ("person/li-qiang", "start", "2013"),
    ]


def test_posts_written_after_the_expulsion_of_their_holder_are_former_ones(extract_text):
    f = extract_text(
        "Zhang Hu has been expelled from the Communist Party of China and dismissed from public office. Zhang was "
        "vice governor of Guangdong Province. Li Si, mayor of Shenzhen, said so. Li was vice mayor of Shenzhen.",
        date=DATE,
    )
    assert times(f) == {("person/zhang-hu", "body/440000/government", "Vice Governor", "end", "")}


def test_nouns_of_a_change_before_the_person(extract_text):
    f = extract_text(
        "The meeting approved the appointment of Zhang San as vice mayor of Hangzhou and accepted the "
        "resignation of Li Si from the post of mayor of Ningbo.",
        date=DATE,
    )
    assert times(f) == {
        ("person/zhang-san", "body/330100/government", "Vice Mayor", "start", DATE),
        ("person/li-si", "body/330200/government", "Mayor", "end", DATE),
    }


def test_then_before_a_post_makes_it_a_former_one(extract_text):
    f = extract_text(
        "In 2003, then-secretary of the Zhejiang Provincial Party Committee Xi Jinping proposed the strategy. "
        "Li Qiang, then governor of Zhejiang, agreed.",
        date=DATE,
    )
    assert times(f) == {
        ("person/xi-jinping", "body/330000/party_committee", "Secretary", "end", ""),
        ("person/li-qiang", "body/330000/government", "Governor", "end", ""),
    }
