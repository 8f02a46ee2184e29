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


def test_a_programme_noun_after_the_quote_may_have_modifiers():
    text = (
        "build a “one map, one library, one book” achievement system, focus on the “12458” strategic focus "
        "and the “Hongyan Pioneer” transformational organization, and “Learn More” and the work."
    )
    found = find_campaigns(text)
    ends = [text.index(w) + len(w) for w in ("achievement system", "strategic focus", "transformational organization")]
    assert [(c.label, c.end) for c in found] == [
        ("one map, one library, one book", ends[0]),
        ("12458", ends[1]),
        ("Hongyan Pioneer", ends[2]),
        ("Learn More", text.index("” and the work") + 1),
    ]


def test_a_function_word_is_no_modifier_of_a_programme_noun():
    assert keys("they praised the “good work” and the campaign") == []


def test_a_programme_noun_before_the_quote():
    assert keys("conducts in-depth activities of “big visits, big research, and big tackling”") == [
        "big_visits_big_research_and_big_tackling"
    ]
    assert keys("promote development with the action of “gratitude and forge ahead”") == ["gratitude_and_forge_ahead"]


def test_a_name_ending_in_an_operator_takes_the_noun_after_it():
    found = find_campaigns("consolidate the “party building +” neighborhood center construction")
    assert [(c.key, c.label) for c in found] == [
        ("party_building_plus_neighborhood_center_construction", "party building + neighborhood center construction")
    ]


def test_titles_of_books_maps_and_compilations_are_no_programmes():
    text = (
        "lectures on “Selected Readings of Xi Jinping's Works”, the city's “Map of Recommended Spots for Red "
        "Tourism”, the “Compilation of Important Instructions”, and the “Work Plan on Promoting Reform”."
    )
    assert keys(text) == []


def test_a_name_listed_after_a_title_is_a_title_too():
    assert keys("study bibliographies such as “Doing at the Forefront” and “Zhijiang New Language”.") == []
    assert keys("carry out the “Ten Thousand Project” and “Pujiang Experience”.") == [
        "ten_thousand_project",
        "pujiang_experience",
    ]


def test_the_object_of_a_verb_of_ending_is_a_problem():
    assert keys("avoid “formalism for formalism's sake” and eliminate “Two Skins”, overcome “Four Winds”") == []


def test_a_generic_word_alone_is_never_a_campaign():
    assert keys("the “program”, the “Plan” and a “project” were launched as a “Campaign”") == []
