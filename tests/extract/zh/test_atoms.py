"""Chinese body names: the Chinese atoms, put in naming order, through the one chain parser."""

from kgraph.article import Article
from kgraph.extract import chains
from kgraph.extract.context import Context
from kgraph.extract.zh import Chinese

CTX = Context({"province": "500000", "city": "500000", "district": "500103", "home": "500103"})


def atoms_of(text: str, gaz):
    pack = Chinese()
    reading = pack.read(Article("t", "2024-01-01", text, text, lang="zh"))
    [sentence] = reading.sentences
    return pack.atoms(reading, sentence, gaz)


def bodies(text: str, gaz, ctx=CTX) -> list[str]:
    atoms = atoms_of(text, gaz)
    for a in atoms:
        if a.kind == "region":
            a.place.codes = a.place.codes[:1]
    return [m.ref.key for c in chains.chains(text, atoms, Chinese().link) for m in chains.parse(c, ctx) if m.ref]


def test_heads_read_left_to_right_each_a_unit_of_the_one_before(gaz):
    assert bodies("渝中区人大常委会党组召开会议", gaz) == [
        "body/500103/peoples_congress",
        "body/500103/peoples_congress/standing_committee",
        "body/500103/peoples_congress/standing_committee/party_group",
    ]


def test_the_cppcc_named_before_its_place(gaz):
    # 政协重庆市渝中区第十五届委员会: the type first, then the places, the session and 委员会
    assert bodies("政协重庆市渝中区第十五届委员会第四次会议开幕", gaz) == ["body/500103/cppcc"]
    assert bodies("中国人民政治协商会议重庆市渝中区委员会", gaz) == ["body/500103/cppcc"]


def test_the_party_committee_written_in_full(gaz):
    assert bodies("中共北京市委员会召开会议", gaz) == ["body/110000/party_committee"]
    assert bodies("中共渝中区委书记黄茂军", gaz)[0] == "body/500103/party_committee"


def test_a_level_without_a_place_is_the_articles(gaz):
    assert bodies("区委常委会和区政协", gaz) == [
        "body/500103/party_committee",
        "body/500103/party_committee/standing_committee",
        "body/500103/cppcc",
    ]


def test_a_party_committee_and_a_government_side_by_side(gaz):
    assert bodies("省委省政府", gaz) == ["body/500000/party_committee", "body/500000/government"]


def test_the_whole_province_is_a_place(gaz):
    [whole] = [a for a in atoms_of("全省上下", gaz) if a.kind == "whole"]
    assert whole.value == "province" and whole.text == "全省"


def test_towns_by_their_suffix_but_not_common_words(gaz):
    places = [
        a.place.lower
        for a in atoms_of("他到峄山镇、看庄镇调研,了解村组情况", gaz)
        if a.kind == "region" and a.place.lower
    ]
    assert [p[1] for p in places] == ["峄山镇", "看庄镇"]
    assert places[0][0] == "Yishan Town" and places[0][2] == "Town"


def test_a_short_place_name_inside_a_personal_name_is_no_place(gaz):
    atoms = atoms_of("张新安出席会议", gaz)
    assert not [a for a in atoms if a.kind == "region"]


def test_groups_named_by_their_purpose(gaz):
    assert (
        bodies("国务院扶贫开发领导小组办公室", gaz)[-1]
        == "body/100000/state_council/leading_group-poverty_alleviation/office"
    )
    assert bodies("省委主题教育领导小组", gaz)[-1] == "body/500000/party_committee/leading_group-theme_education"
    assert bodies("区委巡察工作领导小组", gaz)[-1] == "body/500103/party_committee/leading_group-inspection"
    assert bodies("省委全面深化改革委员会", gaz)[-1] == "body/500000/party_committee/commission-deepening_reform"
    assert bodies("委员会", gaz) == []  # a commission only with its purpose


def test_the_joint_discipline_and_supervisory_commission_names_two_bodies(gaz):
    assert bodies("省纪委监委", gaz) == ["body/500000/discipline_commission", "body/500000/supervisory_commission"]
    assert bodies("中央纪委国家监委", gaz) == [
        "body/100000/discipline_commission",
        "body/100000/national_supervisory_commission",
    ]


def test_central_ministries_and_units_follow_the_local_grammar(gaz):
    assert bodies("教育部", gaz) == ["body/100000/state_council/department-education"]
    assert bodies("国家统计局", gaz) == ["body/100000/state_council/department-statistics"]
    assert bodies("国务院办公厅", gaz) == ["body/100000/state_council/general_office"]


def test_autonomous_regions_banners_and_a_units_own_party_committee(gaz):
    ctx = Context({"province": "150000", "county": "150624", "home": "150624"})
    assert bodies("自治区党委", gaz, ctx) == ["body/150000/party_committee"]
    assert bodies("旗委", gaz, ctx) == ["body/150624/party_committee"]
    assert bodies("省国资委党委", gaz, ctx)[-1] == "body/150000/department-sasac/org_party_committee"


def lower_places(text: str, gaz) -> list[str]:
    return [a.text for a in atoms_of(text, gaz) if a.kind == "region" and a.place.lower]


def test_places_below_the_county_written_as_an_address(gaz):
    assert lower_places("他来到华池县南梁镇荔园堡村看望群众", gaz) == ["南梁镇", "荔园堡村"]
    assert lower_places("庆城县驿马镇儒林村村民", gaz) == ["驿马镇", "儒林村"]
    assert lower_places("河北省农村社区", gaz) == []  # 农村 is a common word, no place


def test_a_short_county_name_that_is_a_common_word_needs_its_suffix(gaz):
    def regions(text):
        return [a.text for a in atoms_of(text, gaz) if a.kind == "region" and a.place.codes]

    assert regions("要延长产业链,保护红色资源") == []
    assert regions("资源县和延长县") == ["资源县", "延长县"]


def test_a_rejected_short_place_name_does_not_hide_the_place_after_it(gaz):
    # 新河 (a county) is no place in 履新: 河北省 starts inside it
    assert [a.text for a in atoms_of("履新河北省委常委", gaz) if a.kind == "region"] == ["河北省"]


def test_an_enterprise_named_after_its_place_with_a_post(gaz):
    [org] = [a for a in atoms_of("内蒙古能源发电投资集团董事长", gaz) if a.kind == "org"]
    assert org.text == "能源发电投资集团"
    assert org.value.kind == "enterprise" and org.value.zh == "内蒙古能源发电投资集团"
    assert org.value.en == "Inner Mongolia Nengyuan Fadian Touzi Group"
    # the legal form is no part of its identity: …集团 and …(集团)有限公司 are one
    [a, b] = [x for x in atoms_of("湖南衡阳钢管集团党委、湖南衡阳钢管(集团)有限公司总经理", gaz) if x.kind == "org"]
    assert a.value.key == b.value.key and b.value.zh == "湖南衡阳钢管(集团)有限公司"


def test_a_company_the_text_only_visits_is_no_body_but_a_university_is(gaz):
    assert not [a for a in atoms_of("在庆城县中盛华美羊业公司调研", gaz) if a.kind == "org"]
    [uni] = [a for a in atoms_of("1983年从西安冶金建筑学院毕业", gaz) if a.kind == "org"]
    assert uni.value.kind == "university" and uni.value.zh == "西安冶金建筑学院"


def test_a_place_whose_level_word_begins_its_heads_title(gaz):
    got = [(a.kind, a.text) for a in atoms_of("王安顺辞任北京市长,陕西省长赵刚出席。", gaz)]
    assert ("region", "北京") in got and ("title", "市长") in got
    assert ("region", "陕西") in got and ("title", "省长") in got
    assert [(a.kind, a.text) for a in atoms_of("北京市长远发展", gaz)] == [("region", "北京市")]  # 长远: a word


def test_a_former_marker_between_a_place_and_its_body_keeps_them_one_name(gaz):
    assert bodies("河南省原省委常委", gaz) == ["body/410000/party_committee"]


def test_extra_atoms_go_before_the_first_atom_that_starts_after_them():
    """Places below the county and wholes join the atoms in naming order (which need not be the order of the
    text), each before the first atom that starts after it, as inserting them one by one would put them."""
    import random

    from kgraph.extract.atoms import Atom
    from kgraph.extract.zh import _merge

    def inserted(atoms: list, extra: list) -> list:
        out = list(atoms)
        for x in sorted(extra, key=lambda a: a.start):
            at = next((i for i, a in enumerate(out) if a.start > x.start), len(out))
            out.insert(at, x)
        return out

    rng = random.Random(5)
    for _ in range(300):
        atoms = [Atom("head", s, s + 1, "") for s in rng.sample(range(40), rng.randint(0, 8))]
        extra = [Atom("region", s, s + 1, "") for s in rng.sample(range(40), rng.randint(0, 5))]
        assert [id(a) for a in _merge(atoms, extra)] == [id(a) for a in inserted(atoms, extra)]
