"""English places: level nouns in lower case, places named level word first, features, addresses, wholes."""

from kgraph.extract.en import English
from kgraph.extract.en.regions import find_regions, whole_atoms, whole_objects
from kgraph.facts import CONTAINED_IN


def regions(text: str, gaz) -> list[tuple[str, list[str], str]]:
    return [(a.text, a.place.codes, a.place.surface) for a in find_regions(text, gaz)]


def contained(facts) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in facts.relations if r.type == CONTAINED_IN}


def test_a_level_noun_in_lower_case_is_part_of_the_name(gaz):
    assert regions("in Pingli county, Shaanxi province", gaz) == [
        ("Pingli county", ["610926"], "Pingli county"),
        ("Shaanxi province", ["610000"], "Shaanxi province"),
    ]


def test_places_below_the_county_named_level_word_first(gaz):
    found = regions("Jiangjiaping, a village in Pingli county, and the village of Jinmi in Zhashui county", gaz)
    assert [(t, s) for t, _, s in found] == [
        ("Jiangjiaping, a village", "Jiangjiaping Village"),
        ("Pingli county", "Pingli county"),
        ("village of Jinmi", "Jinmi Village"),
        ("Zhashui county", "Zhashui county"),
    ]
    assert regions("He visited a township hospital and the town of Hunan", gaz) == [("Hunan", ["430000"], "Hunan")]


def test_named_features_are_places(gaz):
    assert [s for _, _, s in regions("Located in the Qinling Mountains, along the Chishui River", gaz)] == [
        "Qinling Mountains",
        "Chishui River",
    ]


def test_addresses_through_appositives_and_compass_descriptors():
    pack = English()
    for gap in (
        ", capital of Southwest China's ",
        ", the provincial capital of ",
        ", a village in ",
        " in northwest China's ",
        ", east China's ",
        "'s ",
        ", ",
        " ",
    ):
        assert pack.address(gap), gap
    for gap in (" and ", ", where he talked with villagers in ", " of the ", ", a tea plantation in "):
        assert not pack.address(gap), gap


def test_villages_are_placed_in_the_county_their_address_gives(extract_text):
    f = extract_text(
        "Xi visited Jiangjiaping, a village in Pingli county, Shaanxi province. "
        "He went to the village of Jinmi in Zhashui county, in Southwest China's Sichuan Province."
    )
    assert {
        ("region/610926/jiangjiaping-village", "region/610926"),
        ("region/610926", "region/610000"),
        ("region/611026/jinmi-village", "region/611026"),
    } <= contained(f)


def test_a_level_noun_alone_is_the_articles_region():
    found = [(a.text, a.value) for a in whole_atoms("Our province and the whole city; the county's work.")]
    assert found == [("Our province", "province"), ("the whole city", "city")]
    assert whole_atoms("the city of Jinhua and the Shaanxi province government") == []
    assert [a.value for a in whole_atoms("the province has done it across the autonomous region")] == [
        "province",
        "province",
    ]


def test_a_level_noun_after_a_preposition_only_places(gaz):
    text = "units in our province and the province itself"
    assert [text[a:b] for a, b in whole_objects(text)] == ["our province"]


def test_wholes_name_the_region_the_article_is_about(extract_text):
    f = extract_text("Xi'an held a meeting. Officials across the city attended, and the city government met.")
    assert f.mentions["region/610100"] == 2  # "Xi'an" and "the city", not the level word of "the city government"
    assert "body/610100/government" in f.entities


def test_a_possessive_place_is_a_place(gaz):
    assert regions("Hangzhou, Zhejiang's capital city, and Xi'an", gaz) == [
        ("Hangzhou", ["330100"], "Hangzhou"),
        ("Zhejiang", ["330000"], "Zhejiang"),
        ("Xi'an", ["610100"], "Xi'an"),
    ]
