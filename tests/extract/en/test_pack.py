"""The English extractor end to end on short texts: officials, posts, relations."""

from kgraph.facts import CONTAINED_IN, HOLDS_POST, IMPLEMENTS, SUPERVISES


def posts(facts) -> set[tuple[str, str, str]]:
    return {(r.subject, r.object, r.title) for r in facts.relations if r.type == HOLDS_POST}


def test_appositive_post(extract_text):
    f = extract_text("On the 6th, Zhang Yigong, secretary of the Quanzhou Municipal Party Committee, presided.")
    assert posts(f) == {("person/zhang-yigong", "body/350500/party_committee", "Secretary")}
    assert f.entities["person/zhang-yigong"].type == "Official"


def test_double_post_with_shared_body(extract_text):
    f = extract_text(
        "Zou Lianke, secretary of the party group and director of the Guizhou Provincial Department of "
        "Education, said that it is necessary."
    )
    assert posts(f) == {
        ("person/zou-lianke", "body/520000/department-education/party_group", "Secretary of the Party Group"),
        ("person/zou-lianke", "body/520000/department-education", "Director"),
    }


def test_titles_before_names_and_implied_government(extract_text):
    f = extract_text(
        "The reading class was held in Anshan. Municipal Party Committee Secretary Wang Zhongkun, "
        "Municipal Party Committee Deputy Secretary and Mayor Wu Kaihua, and CPPCC Chairman Yan Jiajun "
        "attended."
    )
    assert posts(f) == {
        ("person/wang-zhongkun", "body/210300/party_committee", "Secretary"),
        ("person/wu-kaihua", "body/210300/party_committee", "Deputy Secretary"),
        ("person/wu-kaihua", "body/210300/government", "Mayor"),
        ("person/yan-jiajun", "body/210300/cppcc", "Chairman"),
    }


def test_posts_carry_the_body_across_a_list(extract_text):
    f = extract_text(
        "In Hebi City, the Party Secretary and Director of the Municipal People's Congress Standing "
        "Committee Shi Xinxin presided. Deputy Party Secretary and Deputy Director Shang Xin, member of "
        "the party group and deputy directors Lin Qijun, Wang Haitao attended."
    )
    sc = "body/410600/peoples_congress/standing_committee"
    got = posts(f)
    assert ("person/shi-xinxin", sc + "/party_group", "Secretary of the Party Group") in got
    assert ("person/shi-xinxin", sc, "Director") in got
    assert ("person/shang-xin", sc, "Deputy Director") in got
    assert ("person/lin-qijun", sc + "/party_group", "Member of the Party Group") in got
    assert ("person/wang-haitao", sc, "Deputy Director") in got


def test_members_of_a_group(extract_text):
    f = extract_text(
        "In Chongqing, Hu Henghua, Tang Fangyu and other members of the Theoretical Learning Center "
        "Group of the Municipal Party Committee attended the meeting."
    )
    group = "body/500000/party_committee/learning_group"
    assert posts(f) == {("person/hu-henghua", group, "Member"), ("person/tang-fangyu", group, "Member")}


def test_region_title_gives_the_body(extract_text):
    f = extract_text("Tang Dengjie, Party chief of Shanxi, presided. Jin Xiangjun, governor of Shanxi, spoke.")
    assert posts(f) == {
        ("person/tang-dengjie", "body/140000/party_committee", "Secretary"),
        ("person/jin-xiangjun", "body/140000/government", "Governor"),
    }


def test_addresses_and_lower_levels(extract_text):
    f = extract_text("The group went to Zhejiang Pujiang County and Shanghai Hongqiao Street to conduct research.")
    rels = {(r.type, r.subject, r.object) for r in f.relations}
    assert (CONTAINED_IN, "region/330726", "region/330000") in rels
    assert (CONTAINED_IN, "region/310000/hongqiao-subdistrict", "region/310000") in rels


def test_steering_group_supervises_provinces(extract_text):
    f = extract_text(
        "The Fifth Steering Group of the Central Committee urges and guides Shanghai and Zhejiang to "
        "carry out theme education."
    )
    rels = {(r.type, r.subject, r.object) for r in f.relations}
    group = "body/100000/cpc/central_committee/steering_group-5"
    assert {(SUPERVISES, group, "region/310000"), (SUPERVISES, group, "region/330000")} <= rels
    assert (IMPLEMENTS, group, "campaign/theme_education") in rels


def test_context_resolves_bare_references(extract_text):
    f = extract_text("Shen Xiaoming, Secretary of the Provincial Party Committee, spoke in Changsha, Hunan.")
    assert posts(f) == {("person/shen-xiaoming", "body/430000/party_committee", "Secretary")}


def test_reporters_are_authors_not_officials(extract_text):
    f = extract_text("Headline\n\nZhang Yigong presided over the meeting. (Quanzhou Evening News reporter Chen Linsen)")
    assert f.authors == ["person/chen-linsen"]
    assert f.entities["person/chen-linsen"].type == "Person"
    assert f.entities["person/zhang-yigong"].type == "Official"
    assert "body/outlet/quanzhou-evening-news" in f.entities
