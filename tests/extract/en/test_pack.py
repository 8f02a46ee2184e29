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


def test_posts_after_verbs_of_election_and_appointment(extract_text):
    f = extract_text(
        "Wang Weizhong was elected Governor of Guangdong Provincial People's Government. "
        "Zhang Haibo was elected as President of High People's Court of Guangdong Province. "
        "Yi Lianhong has been appointed as secretary of the CPC Zhejiang Provincial Committee. "
        "Yin Hong has been appointed to serve as secretary of the CPC Jiangxi Provincial Committee. "
        "Hu Changsheng was named head of the Gansu Provincial Department of Education."
    )
    assert posts(f) == {
        ("person/wang-weizhong", "body/440000/government", "Governor"),
        ("person/zhang-haibo", "body/440000/court", "President"),
        ("person/yi-lianhong", "body/330000/party_committee", "Secretary"),
        ("person/yin-hong", "body/360000/party_committee", "Secretary"),
        ("person/hu-changsheng", "body/620000/department-education", "Head"),
    }


def test_posts_that_end(extract_text):
    f = extract_text(
        "The CPC Central Committee has decided that Yuan Jiajun no longer concurrently serves as secretary of the "
        "CPC Zhejiang Provincial Committee. The Standing Committee of the Shaanxi Provincial People's Congress "
        "accepted the resignation of Zhao Yide from the post of provincial governor."
    )
    assert posts(f) == {
        ("person/yuan-jiajun", "body/330000/party_committee", "Secretary"),
        ("person/zhao-yide", "body/610000/government", "Governor"),
    }


def test_a_title_with_a_place_after_a_descriptor(extract_text):
    f = extract_text(
        "Liao Guoxun was elected mayor of North China's Tianjin Municipality on Wednesday. Zhao Gang has been "
        "appointed deputy governor and acting governor of northwest China's Shaanxi Province."
    )
    assert posts(f) == {  # two posts in one body: the acting post is a post of its own
        ("person/liao-guoxun", "body/120000/government", "Mayor"),
        ("person/zhao-gang", "body/610000/government", "Vice Governor"),
        ("person/zhao-gang", "body/610000/government", "Acting Governor"),
    }


def test_coordinated_predicates(extract_text):
    f = extract_text(
        "Yi Lianhong has been appointed as secretary of the CPC Zhejiang Provincial Committee, and no longer "
        "serves as secretary of the CPC Jiangxi Provincial Committee."
    )
    assert posts(f) == {
        ("person/yi-lianhong", "body/330000/party_committee", "Secretary"),
        ("person/yi-lianhong", "body/360000/party_committee", "Secretary"),
    }


def test_a_list_of_names_before_the_verb_shares_the_post(extract_text):
    f = extract_text(
        "Huang Chuping was elected Director of Standing Committee of 14th Guangdong Provincial People's Congress. "
        "Huang Ningsheng, Ye Zhenqin and Tan Ling were elected as the deputy directors. "
        "Zhang Hu and Wang Xi were elected as the vice governors."
    )
    sc = "body/440000/peoples_congress/standing_committee"
    assert posts(f) == {
        ("person/huang-chuping", sc, "Director"),
        ("person/huang-ningsheng", sc, "Deputy Director"),
        ("person/ye-zhenqin", sc, "Deputy Director"),
        ("person/tan-ling", sc, "Deputy Director"),
        ("person/zhang-hu", "body/440000/government", "Vice Governor"),
        ("person/wang-xi", "body/440000/government", "Vice Governor"),
    }


def test_a_verb_without_a_post_after_it_gives_none(extract_text):
    f = extract_text("Liao Guoxun was born in Chengdu. Zhou Jiangyong was expelled from the CPC. Li Qiang is 64.")
    assert posts(f) == set()


def test_a_surname_alone_refers_to_the_person_named_before(extract_text):
    f = extract_text(
        "Zhou Jiangyong, a former senior official in east China's Zhejiang Province, has been expelled. "
        "Zhou was formerly a member of the Standing Committee of the CPC Zhejiang Provincial Committee and "
        "secretary of the CPC municipal committee of Hangzhou, Zhejiang's capital city."
    )
    assert posts(f) == {
        ("person/zhou-jiangyong", "body/330000/party_committee", "Member of the Standing Committee"),
        ("person/zhou-jiangyong", "body/330000/party_committee/standing_committee", "Member"),
        ("person/zhou-jiangyong", "body/330100/party_committee", "Secretary"),
    }
    assert [k for k in f.entities if k.startswith("person/")] == ["person/zhou-jiangyong"]


def test_a_surname_refers_only_to_a_person_named_before(extract_text):
    f = extract_text(
        "Yin Hong has been appointed to serve as secretary of the CPC Jiangxi Provincial Committee, and Yin no "
        "longer serves as secretary of the CPC Gansu Provincial Committee. Li was appointed mayor of Tianjin."
    )
    assert posts(f) == {
        ("person/yin-hong", "body/360000/party_committee", "Secretary"),
        ("person/yin-hong", "body/620000/party_committee", "Secretary"),
    }


def test_a_pronoun_refers_to_the_person_named_last(extract_text):
    f = extract_text("Liao Guoxun was born in Chengdu. In 2020, he was appointed acting mayor of Tianjin.")
    assert posts(f) == {("person/liao-guoxun", "body/120000/government", "Acting Mayor")}


def test_a_level_adjective_gives_a_title_its_level(extract_text):
    f = extract_text("The meeting was held in Hangzhou. Wang Hao, the municipal party secretary, spoke.")
    assert posts(f) == {("person/wang-hao", "body/330100/party_committee", "Secretary")}


def test_a_former_post_in_an_appositive(extract_text):
    f = extract_text("In Changde, Gong Dehan, former Vice Mayor of the municipal government, attended.")
    assert posts(f) == {("person/gong-dehan", "body/430700/government", "Vice Mayor")}


def test_removals_and_transfers(extract_text):
    f = extract_text(
        "Wang Hao was relieved of his duties as vice governor of Jiangsu Province. "
        "Liu Yang was transferred to the post of secretary of the CPC Nanjing Municipal Committee. "
        "Chen Ming, who was dismissed as mayor of Suzhou, was expelled."
    )
    assert posts(f) == {
        ("person/wang-hao", "body/320000/government", "Vice Governor"),
        ("person/liu-yang", "body/320100/party_committee", "Secretary"),
        ("person/chen-ming", "body/320500/government", "Mayor"),
    }


def test_a_place_before_a_title_names_its_body(extract_text):
    f = extract_text("Guangdong Governor Wang Weizhong and Yunnan's Party chief Wang Ning attended.")
    assert posts(f) == {
        ("person/wang-weizhong", "body/440000/government", "Governor"),
        ("person/wang-ning", "body/530000/party_committee", "Secretary"),
    }


def test_a_possessive_place_before_a_place_only_describes_it(extract_text):
    f = extract_text("Zhao Gang was appointed acting governor of China's Shaanxi Province.")
    assert posts(f) == {("person/zhao-gang", "body/610000/government", "Acting Governor")}


def test_possessive_places_and_placed_wholes_do_not_act():
    from kgraph.article import Article
    from kgraph.extract.en import English

    pack = English()
    text = "Guizhou's officials and units in our province studied it, and Guizhou did too."
    spans = pack.objects(pack.read(Article("t", "2023-06-01", "t", text)))
    assert sorted(text[a:b] for a, b in spans) == ["Guizhou", "our province"]


def test_an_appositive_after_a_surname_reference(extract_text):
    f = extract_text(
        "Xi Jinping visited Shaanxi. Xi, also general secretary of the CPC Central Committee, made the remarks."
    )
    assert posts(f) == {("person/xi-jinping", "body/100000/cpc/central_committee", "General Secretary")}


def test_an_age_between_the_name_and_the_post(extract_text):
    f = extract_text("Liao Guoxun, 57, was elected mayor of Tianjin. Wang Hao, 60, vice mayor of Tianjin, spoke.")
    assert posts(f) == {
        ("person/liao-guoxun", "body/120000/government", "Mayor"),
        ("person/wang-hao", "body/120000/government", "Vice Mayor"),
    }
