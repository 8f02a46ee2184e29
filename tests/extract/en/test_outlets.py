"""Outlets: named state media and "<place> Daily", never places."""

from kgraph.extract.en.outlets import find_outlets
from kgraph.facts import BODY, REGION


def names(text: str, gaz) -> list[str]:
    return [o.name for o in find_outlets(text, gaz)]


def test_listed_outlets_by_any_of_their_forms(gaz):
    text = "BEIJING, Jan. 26 (Xinhua) -- said People's Daily and CGTN. Source: Xinhua| 2020. [Photo / Xinhua]"
    xinhua = "Xinhua News Agency"
    assert names(text, gaz) == [xinhua, "People's Daily", "CGTN", xinhua, xinhua]


def test_a_listed_outlet_before_a_capitalised_word_is_part_of_another_name(gaz):
    assert names("He worked in Xinhua County and on Xinhua Road.", gaz) == []
    assert names("Source: Xinhua Editor: Wang Lin", gaz) == ["Xinhua News Agency"]


def test_place_and_pinyin_names_with_an_outlet_word(gaz):
    text = "according to Zhejiang Daily, Quanzhou Evening News and Huasheng Online, but not the Party News"
    assert names(text, gaz) == ["Zhejiang Daily", "Quanzhou Evening News", "Huasheng Online"]


def test_outlets_are_bodies_and_block_places(extract_text):
    f = extract_text("BEIJING, Sept. 16 (Xinhua) -- Liao Guoxun was elected mayor of Tianjin.\n\nSource: Xinhua")
    assert f.entities["body/outlet/xinhua-news-agency"].type == BODY
    assert f.entities["body/outlet/xinhua-news-agency"].label_zh == "新华社"
    assert not [k for k, e in f.entities.items() if e.type == REGION and "Xinhua" in e.label_en]


def test_xinhua_county_stays_a_county(extract_text):
    f = extract_text("The team visited Xinhua County in Hunan.")
    assert "region/431322" in f.entities
    assert "body/outlet/xinhua-news-agency" not in f.entities
