from kgraph.extract import bodies_en
from kgraph.extract.context import Context

CTX = Context({"province": "350000", "city": "350500", "home": "350500"})


def paths(text: str, regions=(), ctx=CTX) -> list[str]:
    atoms = bodies_en.find_atoms(text, list(regions))
    return [b.ref.key for b in bodies_en.parse(text, atoms, ctx) if b.ref]


def test_of_chains_read_right_to_left():
    assert paths("the Party Group of the Standing Committee of the Municipal People's Congress") == [
        "body/350500/peoples_congress",
        "body/350500/peoples_congress/standing_committee",
        "body/350500/peoples_congress/standing_committee/party_group",
    ]


def test_juxtaposed_heads_read_left_to_right():
    assert (
        paths("the Municipal People's Congress Standing Committee Party Group (Enlarged) Meeting")[-1]
        == "body/350500/peoples_congress/standing_committee/party_group"
    )


def test_regions_and_level_adjectives_resolve():
    text = "the Guizhou Provincial Department of Education and the Provincial Party Committee"
    assert paths(text, [(4, 11, "520000")]) == ["body/520000/department-education", "body/350000/party_committee"]


def test_central_bodies_and_numbered_steering_groups():
    text = (
        "the Political Bureau of the Central Committee of the Communist Party of China and "
        "the Fifth Steering Group of the Central Committee"
    )
    assert paths(text) == [
        "body/100000/cpc/central_committee/politburo",
        "body/100000/cpc/central_committee/steering_group-5",
    ]


def test_a_parenthesis_starts_a_new_body():
    text = (
        "the Guizhou Provincial Party Committee Education Working Committee (Provincial Education Department) "
        "party group"
    )
    ctx = Context({"province": "520000", "home": "520000"})
    assert paths(text, [(4, 11, "520000")], ctx) == [
        "body/520000/party_committee",
        "body/520000/party_committee/education_work_committee",
        "body/520000/department-education",
        "body/520000/department-education/party_group",
    ]


def test_unowned_units_are_reported_without_a_body():
    atoms = bodies_en.find_atoms("held meetings of the Standing Committee", [])
    [mention] = bodies_en.parse("held meetings of the Standing Committee", atoms, CTX)
    assert mention.ref is None and mention.unit == "standing_committee"
