"""The Chinese extractor end to end on short texts, and its agreement with the English one."""

import pytest

from kgraph.article import Article
from kgraph.facts import HOLDS_POST, IMPLEMENTS
from kgraph.graph import build_graph


@pytest.fixture(scope="module")
def chinese(gaz):
    from kgraph.extract import packs
    from kgraph.extract.core import Extractor

    return Extractor(packs.get("zh"), gaz)


def run(chinese, text: str):
    return chinese(Article(id="z", date="2024-01-01", title=text.split("\n")[0], text=text, lang="zh"))


def posts(facts) -> set[tuple[str, str, str]]:
    return {(facts.entities[r.subject].label_zh, r.object, r.title) for r in facts.relations if r.type == HOLDS_POST}


def test_title_before_name_with_context_region(chinese):
    f = run(chinese, "贵州省召开会议。省委书记袁家军主持会议,市委副书记、市长陈吉宁出席。")
    got = posts(f)
    assert ("袁家军", "body/520000/party_committee", "Secretary") in got
    assert f.entities["person/yuan-jiajun"].label_en == "Yuan Jiajun"


def test_double_titles_share_and_imply_bodies(chinese):
    f = run(chinese, "北京市委召开会议。市委副书记、市长陈吉宁,市委常委、组织部部长孙梅君出席。")
    assert posts(f) == {
        ("陈吉宁", "body/110000/party_committee", "Deputy Secretary"),
        ("陈吉宁", "body/110000/government", "Mayor"),
        ("孙梅君", "body/110000/party_committee", "Member of the Standing Committee"),
        ("孙梅君", "body/110000/party_committee/organization_department", "Head"),
    }


def test_party_group_posts_and_lists(chinese):
    f = run(chinese, "贵州省人大常委会党组书记、主任李建辉主持会议。党组成员吴友才、高向荣出席。")
    sc = "body/520000/peoples_congress/standing_committee"
    got = posts(f)
    assert ("李建辉", sc + "/party_group", "Secretary of the Party Group") in got
    assert ("李建辉", sc, "Director") in got
    assert ("吴友才", sc + "/party_group", "Member of the Party Group") in got
    assert ("高向荣", sc + "/party_group", "Member of the Party Group") in got


def test_names_before_titles_and_before_verbs(chinese):
    f = run(chinese, "中山市政府党组召开会议。刘云梅、鲁罡等市政府党组成员作交流发言,习近平总书记强调,王南出席。")
    got = posts(f)
    assert ("刘云梅", "body/442000/government/party_group", "Member of the Party Group") in got
    assert ("鲁罡", "body/442000/government/party_group", "Member of the Party Group") in got
    assert ("习近平", "body/100000/cpc/central_committee", "General Secretary") in got
    assert f.entities["person/wang-nan"].type == "Official"


def test_central_circuit_guidance_group_leader(chinese):
    f = run(chinese, "中央第十巡回指导组组长张裔炯出席会议。")
    assert posts(f) == {("张裔炯", "body/100000/cpc/central_committee/circuit_guidance_group-10", "Head")}
    assert "body/100000/cpc/central_committee" in f.entities  # implied: the group is one of its units


def test_reporters_are_authors(chinese):
    f = run(chinese, "市委召开会议\n\n本报讯(记者 刘菲菲 武红利)会议召开。记者颜雅婷 通讯员陈学明")
    assert [f.entities[a].label_zh for a in f.authors] == ["刘菲菲", "武红利", "颜雅婷", "陈学明"]
    assert all(f.entities[a].type == "Person" for a in f.authors)


def test_campaigns_from_lexicon_and_quotes(chinese):
    f = run(chinese, "泉州市委召开会议,坚定拥护“两个确立”,传承弘扬“晋江经验”,深化“四下基层”,扎实开展主题教育。")
    keys = {k for k in f.entities if k.startswith("campaign/")}
    assert {"campaign/two_establishments", "campaign/jinjiang_experience", "campaign/theme_education"} <= keys
    assert any(f.entities[k].label_zh == "四下基层" for k in keys)
    rels = {(r.type, r.subject, r.object) for r in f.relations}
    assert (IMPLEMENTS, "body/350500/party_committee", "campaign/theme_education") in rels


def test_english_and_chinese_meet_on_one_node(chinese, english):
    zh = run(chinese, "北京市委召开会议。市委书记蔡奇主持会议,深入开展主题教育。")
    en = english(
        Article(
            id="e",
            date="2024-01-02",
            title="x",
            text="Cai Qi, secretary of the Beijing Municipal Party Committee, spoke on thematic education.",
        )
    )
    g = build_graph([zh, en])
    cai = g.nodes["person/cai-qi"]
    assert cai["label"] == "Cai Qi" and cai["label_zh"] == "蔡奇" and cai["articles"] == ["e", "z"]
    mpc = g.nodes["body/110000/party_committee"]
    assert mpc["label"] == "Beijing Municipal Party Committee" and "北京市委" in mpc["aliases_zh"]
    assert g.nodes["campaign/theme_education"]["articles"] == ["e", "z"]


def test_places_inside_document_titles_do_not_decide_the_context(chinese):
    quoted = run(chinese, "广西召开会议。会议表决批准了梧州市城市管理条例、南宁市供水管理规定。市委书记王明出席。")
    assert not [k for k in quoted.entities if k.startswith(("body/450400", "body/450100"))]
    only = run(chinese, "会议表决批准了鹤壁市城市公园管理条例。市委书记王明出席。")
    assert ("王明", "body/410600/party_committee", "Secretary") in posts(only)  # no other place: the title's


def test_document_titles_in_both_languages():
    from kgraph.extract.pack import document_pattern

    zh = "表决批准了南宁市供水管理规定、三江侗族自治县茶产业发展条例。审议《贵州省乡村振兴促进条例》"
    assert [m.group(0) for m in document_pattern("zh").finditer(zh)] == [
        "表决批准了南宁市供水管理规定",
        "三江侗族自治县茶产业发展条例",
        "《贵州省乡村振兴促进条例》",
    ]
    en = "listened to the “Hebi City Land and Space Master Plan (2021-2035)” and the Hebi City Park Regulations."
    assert [m.group(0) for m in document_pattern("en").finditer(en)] == [
        "“Hebi City Land and Space Master Plan (2021-2035)”",
        "Hebi City Park Regulations",
    ]


def test_a_career_resolved_to_bodies(chinese):
    text = (
        "王凯同志任河北省委副书记。王凯曾任保定市委副书记、市长,邯郸市委书记。"
        "2015年任河北省副省长。他现任山西省政协党组书记、主席。"
    )
    got = posts(run(chinese, text))
    assert {
        ("王凯", "body/130000/party_committee", "Deputy Secretary"),
        ("王凯", "body/130600/party_committee", "Deputy Secretary"),
        ("王凯", "body/130600/government", "Mayor"),
        ("王凯", "body/130400/party_committee", "Secretary"),
        ("王凯", "body/130000/government", "Vice Governor"),
        ("王凯", "body/140000/cppcc/party_group", "Secretary of the Party Group"),
        ("王凯", "body/140000/cppcc", "Chairman"),
    } <= got


def test_former_posts_and_an_enterprise(chinese):
    f = run(chinese, "山西省人大常委会原副主任张国华、河北钢铁集团董事长于勇被查。")
    got = posts(f)
    assert ("张国华", "body/140000/peoples_congress/standing_committee", "Deputy Director") in got
    [(_, group, title)] = [p for p in got if p[0] == "于勇"]
    assert group.startswith("body/130000/enterprise-") and title == "Chairman of the Board"
    assert f.entities[group].label_zh == "河北钢铁集团"
