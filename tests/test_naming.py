from kgraph.naming import BodyRef, names


def test_units_nest_names_in_both_languages(gaz):
    ref = BodyRef("350500", ("peoples_congress", "standing_committee", "party_group"))
    n = names(ref, gaz)
    assert ref.key == "body/350500/peoples_congress/standing_committee/party_group"
    assert n.en == "Party Group of the Standing Committee of the Quanzhou Municipal People's Congress"
    assert "Quanzhou Municipal People's Congress Standing Committee Party Group" in n.en_alt
    assert n.zh_short == "泉州市人大常委会党组"


def test_departments_are_named_with_their_region(gaz):
    n = names(BodyRef("520000", ("department:education",)), gaz)
    assert n.en == "Guizhou Provincial Department of Education"
    assert "Guizhou Provincial Education Department" in n.en_alt
    assert n.zh == "贵州省教育厅"
    assert names(BodyRef("350500", ("department:education",)), gaz).en == "Quanzhou Municipal Education Bureau"


def test_counties_and_autonomous_areas_keep_their_full_names(gaz):
    n = names(BodyRef("130827", ("party_committee",)), gaz)
    assert n.en == "Kuancheng Manchu Autonomous County Party Committee"
    assert "Kuancheng County Party Committee" in n.en_alt
    assert n.zh == "中共宽城满族自治县委"


def test_central_bodies_and_numbered_groups(gaz):
    assert names(BodyRef("100000", ("cpc", "central_committee")), gaz).zh == "中共中央"
    group = names(BodyRef("100000", ("cpc", "central_committee", "steering_group:5")), gaz)
    assert group.en == "Fifth Central Steering Group" and group.zh == "中央第五指导组"
    congress = names(BodyRef("100000", ("cpc", "national_congress:20")), gaz)
    assert congress.en == "20th National Congress of the Communist Party of China"
    assert "党的二十大" in congress.zh_alt


def test_a_provinces_court_is_its_higher_peoples_court(gaz):
    n = names(BodyRef("440000", ("court",)), gaz)
    assert n.en == "Guangdong Provincial Higher People's Court" and n.zh == "广东省高级人民法院"
    assert "Higher People's Court of Guangdong Province" in n.en_alt and "广东省高院" in n.zh_alt
    assert names(BodyRef("440100", ("court",)), gaz).en == "Guangzhou Municipal Intermediate People's Court"


def test_central_ministries_and_purposed_groups(gaz):
    n = names(BodyRef("100000", ("state_council", "department:education")), gaz)
    assert (n.en, n.zh) == ("Ministry of Education", "教育部")
    group = names(BodyRef("630000", ("party_committee", "leading_group:theme_education", "office")), gaz)
    assert group.en == "Office of the Leading Group for Theme Education of the Qinghai Provincial Party Committee"
    assert "青海省委主题教育领导小组办公室" in (group.zh, *group.zh_alt)
