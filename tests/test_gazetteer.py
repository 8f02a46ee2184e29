import pytest


@pytest.mark.parametrize(
    "code,en",
    [
        ("610000", "Shaanxi"),
        ("140000", "Shanxi"),
        ("150000", "Inner Mongolia"),
        ("540000", "Tibet"),
        ("810000", "Hong Kong"),
        ("820000", "Macao"),
        ("650100", "Urumqi"),
        ("610100", "Xi'an"),
        ("500000", "Chongqing"),
        ("130827", "Kuancheng Manchu Autonomous County"),
        ("370883", "Zoucheng"),
        ("331127", "Jingning She Autonomous County"),
        ("430725", "Taoyuan County"),
        ("340802", "Yingjiang District"),
    ],
)
def test_english_names_follow_official_usage(gaz, code, en):
    assert gaz.get(code).en == en


def test_gazetteer_covers_all_county_level_divisions(gaz):
    levels = [r.level for r in gaz.regions.values()]
    assert levels.count("province") == 34
    assert levels.count("county") > 2800


def test_parents_come_from_codes(gaz):
    assert gaz.get("350582").parent == "350500"  # Jinjiang in Quanzhou
    assert gaz.get("500103").parent == "500000"  # Yuzhong District directly in Chongqing
    assert gaz.get("429004").parent == "420000"  # Xiantao, directly under Hubei
    assert gaz.ancestors("350582") == ["350500", "350000", "100000"]


def test_same_names_are_chosen_by_context_then_level(gaz):
    assert gaz.lookup_en("Quanzhou") == ["350500"]  # the county is "Quanzhou County"
    assert gaz.choose(gaz.lookup_en("Taoyuan District"), ["710600"]) == "710604"
    assert gaz.choose(gaz.lookup_en("Jilin"), []) == "220000"  # the province before the city
    chaoyang = gaz.lookup_en("Chaoyang District")
    assert gaz.choose(chaoyang, ["110000"]) == "110105"
    assert gaz.choose(chaoyang, ["220000"]) == "220104"


def test_chinese_names_and_short_forms(gaz):
    assert gaz.lookup_zh("贵州") == ["520000"]
    assert gaz.lookup_zh("宽城满族自治县") == ["130827"]


def test_lower_levels_live_in_a_child_view(gaz):
    child = gaz.child()
    town = child.lower_region("Yiwangxi Town", "", "Town", "430725")
    assert town.code == "430725/yiwangxi-town" and town.level == "township"
    assert child.get(town.code) is not None and gaz.get(town.code) is None


def test_a_bare_name_shared_with_a_higher_region_is_the_higher_ones(gaz):
    # 南昌 / "Nanchang" is the prefecture-level city; the county is named with its level word.
    [city] = gaz.lookup_en("Nanchang")
    assert gaz.get(city).level == "prefecture"
    assert gaz.lookup_zh("南昌") == [city]
    [county] = gaz.lookup_en("Nanchang County")
    assert gaz.lookup_zh("南昌县") == [county] and gaz.get(county).level == "county"
