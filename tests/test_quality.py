"""Extraction quality on the development articles, scored by ../shared/eval/score.py."""

import importlib.util
import shutil

import pytest

from kgraph.pipeline import build, write_exports

from .conftest import SHARED

ENTITY_FLOOR, RELATION_FLOOR = 0.90, 0.75


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_build(tmp_path_factory, pattern: str, with_seeds: bool) -> dict:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"{SHARED} is absent: the gold annotations live beside the project")
    src = tmp_path_factory.mktemp("articles")
    seeds = list((SHARED / "seeds").glob("*.txt")) if with_seeds else []
    for p in [*seeds, *(SHARED / "dev" / "articles").glob(pattern)]:
        shutil.copy(p, src / p.name)
    out = tmp_path_factory.mktemp("out")
    write_exports(build([src]).graph, out)
    s = scorer()
    result, _errors = s.score(s.Predicted(str(out / "graph.ttl")), s.Gold(str(SHARED / "eval" / "gold")))
    return result


@pytest.fixture(scope="module")
def english_score(tmp_path_factory):
    return score_build(tmp_path_factory, "*_en.txt", with_seeds=True)


@pytest.fixture(scope="module")
def chinese_score(tmp_path_factory):
    return score_build(tmp_path_factory, "*_zh.txt", with_seeds=False)


@pytest.fixture(scope="module")
def combined_score(tmp_path_factory):
    return score_build(tmp_path_factory, "*.txt", with_seeds=True)


def test_english_entity_floor(english_score):
    assert english_score["articles_scored"] == 11
    assert english_score["entity_macro_f1"] >= ENTITY_FLOOR


def test_english_relation_floor(english_score):
    assert english_score["relation_macro_f1"] >= RELATION_FLOOR


def test_no_gold_entity_is_split(english_score):
    assert english_score["resolution"]["split"] == 0


def test_chinese_floors(chinese_score):
    assert chinese_score["articles_scored"] == 6
    assert chinese_score["entity_macro_f1"] >= ENTITY_FLOOR
    assert chinese_score["relation_macro_f1"] >= RELATION_FLOOR


def test_both_languages_together_split_no_gold_entity(combined_score):
    assert combined_score["articles_scored"] == 17
    assert combined_score["resolution"]["split"] == 0
    assert combined_score["entity_macro_f1"] >= ENTITY_FLOOR
    assert combined_score["relation_macro_f1"] >= RELATION_FLOOR
