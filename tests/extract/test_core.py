"""The extraction core's own rules, through the built-in packs: context, people the text refers back to."""

from kgraph.article import Article
from kgraph.extract import packs
from kgraph.extract.core import Extractor
from kgraph.facts import HOLDS_POST


def extract(text: str, lang: str, date: str = "2023-06-01"):
    return Extractor(packs.get(lang))(Article("a", date, text.split("\n")[0], text, lang=lang))


def posts(facts) -> set[tuple[str, str, str]]:
    return {(r.subject, r.object, r.title) for r in facts.relations if r.type == HOLDS_POST}


def test_a_level_word_means_the_region_its_paragraph_named():
    text = "江西召开会议。\n\n定南县委召开会议,县委书记龙小东主持。\n\n乐安县也召开会议,县委书记吴宜文主持。"
    got = posts(extract(text, "zh"))
    assert ("person/long-xiaodong", "body/360728/party_committee", "Secretary") in got
    assert ("person/wu-yiwen", "body/361025/party_committee", "Secretary") in got


def test_the_articles_region_where_the_paragraph_names_none():
    text = "Dingnan County held a meeting.\n\nThe County Party Committee studied the plenum."
    f = extract(text, "en")
    assert "body/360728/party_committee" in f.entities


def test_a_regions_own_programme_gives_the_region_of_an_article_that_names_no_place():
    f = extract("The Provincial Party Committee studied the “Eight-Eight Strategy”.", "en")
    assert "body/330000/party_committee" in f.entities
    f = extract("In Guizhou, the Provincial Party Committee studied the “Eight-Eight Strategy”.", "en")
    assert "body/520000/party_committee" in f.entities and "body/330000/party_committee" not in f.entities
