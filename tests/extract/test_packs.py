"""The registry of language packs, and extraction as a pure function of the article."""

import dataclasses
import re

import pytest

from kgraph.article import Article
from kgraph.extract import packs
from kgraph.extract.core import Extractor
from kgraph.extract.en import English
from kgraph.language import detect
from kgraph.pipeline import build


@pytest.fixture
def toy(monkeypatch):
    """A language written in Cyrillic letters that reads like English: one pack, registered by name."""
    monkeypatch.setattr(packs, "_PACKS", dict(packs._PACKS))

    @packs.register("xx")
    class Toy(English):
        script = re.compile(r"[а-я]")
        script_weight = 10.0

    return Toy


def test_builtin_packs_are_found_by_name():
    assert packs.names() == ["en", "zh"]
    assert packs.get("zh").lang == "zh" and packs.get("en").owner_after


def test_an_unknown_language_says_which_there_are():
    with pytest.raises(packs.UnknownLanguage, match="no language pack 'fr' \\(known: en, zh\\)"):
        packs.get("fr")


def test_detection_asks_every_registered_pack(toy):
    assert detect("The Guizhou Provincial Party Committee met.") == "en"
    assert detect("贵州省委召开会议 GDP") == "zh"
    assert detect("привет мир") == "xx"


def test_a_registered_pack_builds_articles_of_its_language(toy, tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "a", "date": "2024-01-01", "lang": "xx", "text": "The Guizhou Provincial Party Committee met."}\n'
    )
    result = build([tmp_path])
    assert result.unsupported == [] and "body/520000/party_committee" in result.graph


def test_extraction_does_not_change_the_article(english):
    article = Article(
        "a",
        "2024-01-01",
        "t",
        "Our reporter Li Linwei\n\nZhang Yigong, secretary of the Quanzhou Municipal Party Committee, spoke.",
    )
    before = dataclasses.replace(article)
    facts = Extractor(packs.get("en"))(article)
    assert article == before
    assert [b.name for b in facts.bylines] == ["Li Linwei"] and facts.authors == ["person/li-linwei"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]
