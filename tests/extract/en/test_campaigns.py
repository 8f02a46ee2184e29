from kgraph.extract.en.campaigns import find_campaigns


def keys(text: str, **kw) -> list[str]:
    return [c.key for c in find_campaigns(text, **kw)]


def test_lexicon_merges_translation_variants():
    text = "theme education, thematic education and themed education; the “two establishments” and “two maintenances”."
    assert keys(text) == [
        "theme_education",
        "theme_education",
        "theme_education",
        "two_establishments",
        "two_maintenances",
    ]


def test_quoted_programmes_are_discovered():
    found = find_campaigns(
        "Improve the “Four Ones” mechanism and carry forward the “Jinjiang experience”, "
        "create a new era “Hongyan Pioneer” transformational organization."
    )
    assert [(c.key, c.label) for c in found] == [
        ("four_ones", "Four Ones"),
        ("jinjiang_experience", "Jinjiang experience"),
        ("hongyan_pioneer", "Hongyan Pioneer"),
    ]


def test_documents_topics_and_problem_labels_are_not_campaigns():
    text = (
        "studied the “Regulations on Leading Cadres Reporting Personal Matters”, put an end to “two skins”, "
        "12 research topics such as “Activating Idle and Inefficient Poverty Alleviation Project Assets” and "
        "listened to the “Hebi City Land and Space Master Plan (2021-2035)”."
    )
    assert keys(text) == []


def test_region_formulas_name_their_region():
    found = find_campaigns("safe Guizhou and rule of law in Guizhou", is_region=lambda name: name == "Guizhou")
    assert [(c.key, c.label) for c in found] == [
        ("safe_guizhou", "Safe Guizhou"),
        ("rule_of_law_in_guizhou", "Rule of Law in Guizhou"),
    ]


def test_plural_and_singular_programmes_share_a_key():
    assert keys("the “Initial Lecture” and the “Initial Lectures” activities") == ["initial_lecture", "initial_lecture"]
