"""Shared fixtures: the project root, the seeds and, where present, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def gaz():
    from kgraph import gazetteer

    return gazetteer.load()


@pytest.fixture(scope="session")
def english(gaz):
    from kgraph.extract import packs
    from kgraph.extract.core import Extractor

    return Extractor(packs.get("en"), gaz)


@pytest.fixture
def extract_text(english):
    """Extract Facts from a snippet of English text, as one article."""
    from kgraph.article import Article

    def run(text: str, article_id: str = "t", date: str = "2023-06-01"):
        return english(Article(id=article_id, date=date, title=text.split("\n", 1)[0], text=text))

    return run
