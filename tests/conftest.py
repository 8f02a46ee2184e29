"""Shared fixtures: the project root, the seeds and, where present, ../shared."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def fingerprint_changes(fingerprint: Any, package: Path, tmp_path: Path, path: str) -> bool:
    """Whether a line added to ``path`` in a copy of the package changes ``fingerprint`` (a cached function of
    the package's folder), which must not depend on where the package lies."""
    copy = tmp_path / "kgraph"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = fingerprint(copy)
    assert before == fingerprint(package)
    with (copy / path).open("a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    fingerprint.cache_clear()
    return fingerprint(copy) != before


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


# Hypothesis profiles: "ci" (the default) runs few examples, the same ones every time (derandomized, no example
# database), and prints the blob that reproduces a failure; "fuzz" (HYPOTHESIS_PROFILE=fuzz, `make fuzz`) runs
# many random ones. Neither has a deadline: the property tests bound extraction time per kB themselves.
settings.register_profile(
    "ci",
    max_examples=50,
    derandomize=True,
    database=None,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=2000,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
