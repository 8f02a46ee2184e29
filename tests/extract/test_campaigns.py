"""Campaigns as data: one campaign per name, and names shared by campaigns of different years."""

from kgraph.extract.campaigns import CampaignMatch, dated, forms


def match(label: str, key: str = "theme_education", zh: str = "") -> CampaignMatch:
    return CampaignMatch(key, label, 0, len(label), zh=zh)


def test_a_shared_short_name_means_the_latest_campaign_begun_by_the_articles_date():
    assert dated(match("theme education"), "2019-09-01").key == "original_aspiration_education"
    assert dated(match("主题教育", zh="主题教育"), "2023-06-01").key == "theme_education"
    assert dated(match("Thematic Education"), "2024-03-01").key == "theme_education"  # spoken of after it ended
    assert dated(match("theme education"), "2010-01-01").key == "original_aspiration_education"  # before both


def test_a_name_only_one_campaign_has_keeps_its_campaign():
    m = match("Party history learning and education", key="party_history_education")
    assert dated(m, "2019-09-01") is m
    assert dated(match("theme education"), "").key == "theme_education"  # no date: the lexicon's first


def test_lexicon_forms_per_language():
    assert forms("en")["Eight-Eight Strategy"] == "eight_eight_strategy"
    assert forms("zh")["八八战略"] == "eight_eight_strategy"
