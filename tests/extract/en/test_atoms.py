"""English body names through the English atoms and the one chain parser."""

from kgraph.article import Article
from kgraph.extract import chains
from kgraph.extract.context import Context
from kgraph.extract.en import English

CTX = Context({"province": "350000", "city": "350500", "home": "350500"})


def mentions(text: str, gaz, ctx=CTX) -> list:
    pack = English()
    reading = pack.read(Article("t", "2024-01-01", text, text))
    [sentence] = reading.sentences
    atoms = pack.atoms(reading, sentence, gaz)
    for a in atoms:
        if a.kind == "region":
            a.place.codes = a.place.codes[:1]
    return [m for c in chains.chains(text, atoms, English().link) for m in chains.parse(c, ctx)]


def paths(text: str, gaz, ctx=CTX) -> list[str]:
    return [m.ref.key for m in mentions(text, gaz, ctx) if m.ref]


def test_of_chains_read_right_to_left(gaz):
    assert paths("the Party Group of the Standing Committee of the Municipal People's Congress", gaz) == [
        "body/350500/peoples_congress",
        "body/350500/peoples_congress/standing_committee",
        "body/350500/peoples_congress/standing_committee/party_group",
    ]


def test_juxtaposed_heads_read_left_to_right(gaz):
    assert (
        paths("the Municipal People's Congress Standing Committee Party Group (Enlarged) Meeting", gaz)[-1]
        == "body/350500/peoples_congress/standing_committee/party_group"
    )


def test_regions_and_level_adjectives_resolve(gaz):
    text = "the Guizhou Provincial Department of Education and the Provincial Party Committee"
    assert paths(text, gaz) == ["body/520000/department-education", "body/350000/party_committee"]


def test_a_place_after_of_qualifies_the_body(gaz):
    assert paths("the Supervisory Commission of Guangdong Province", gaz) == ["body/440000/supervisory_commission"]


def test_central_bodies_and_numbered_steering_groups(gaz):
    text = (
        "the Political Bureau of the Central Committee of the Communist Party of China and "
        "the Fifth Steering Group of the Central Committee"
    )
    assert paths(text, gaz) == [
        "body/100000/cpc/central_committee/politburo",
        "body/100000/cpc/central_committee/steering_group-5",
    ]


def test_a_parenthesis_starts_a_new_body(gaz):
    text = (
        "the Guizhou Provincial Party Committee Education Working Committee (Provincial Education Department) "
        "party group"
    )
    ctx = Context({"province": "520000", "home": "520000"})
    assert paths(text, gaz, ctx) == [
        "body/520000/party_committee",
        "body/520000/party_committee/education_work_committee",
        "body/520000/department-education",
        "body/520000/department-education/party_group",
    ]


def test_unowned_units_are_reported_without_a_body(gaz):
    [mention] = mentions("held meetings of the Standing Committee", gaz)
    assert mention.ref is None and mention.unit == "standing_committee"


def test_every_body_of_a_chain_starts_where_the_chain_starts(gaz):
    text = "the Party Group of the Standing Committee of the Municipal People's Congress"
    assert {(m.start, m.end) for m in mentions(text, gaz)} == {(4, len(text))}


def test_groups_named_by_their_purpose(gaz):
    qinghai = "Leading Group for Theme Education of the Qinghai Provincial Party Committee"
    assert paths(qinghai, gaz)[-1] == "body/630000/party_committee/leading_group-theme_education"
    office = "the State Council Leading Group Office of Poverty Alleviation and Development"
    assert paths(office, gaz)[-1] == "body/100000/state_council/leading_group-poverty_alleviation/office"
    reform = "the Commission for Comprehensively Deepening Reform of the Guangdong Provincial Party Committee"
    assert paths(reform, gaz)[-1] == "body/440000/party_committee/commission-deepening_reform"


def test_ministries_and_a_units_party_committee(gaz):
    assert paths("the Ministry of Education", gaz) == ["body/100000/state_council/department-education"]
    assert paths("the National Development and Reform Commission", gaz) == [
        "body/100000/state_council/department-development_reform"
    ]
    assert paths("the Party Committee of the Hunan Provincial SASAC", gaz)[-1] == (
        "body/430000/department-sasac/org_party_committee"
    )


def test_the_education_means_the_education_the_article_is_about(gaz):
    from kgraph.extract.en.atoms import anaphoric_purpose

    assert anaphoric_purpose("education", "The theme education started. The Leading Group for the Education") == (
        "theme_education"
    )
    assert anaphoric_purpose("education", "The Leading Group for the Education met.") == "education"


def test_xinhuas_name_of_a_party_committee(gaz):
    assert paths("the CPC Zhejiang Provincial Committee", gaz) == ["body/330000/party_committee"]
    assert paths("the CPC Quanzhou Municipal Committee", gaz) == ["body/350500/party_committee"]
    assert paths("secretary of the CPC municipal committee of Hangzhou", gaz) == ["body/330100/party_committee"]
    assert paths("the Standing Committee of the CPC Zhejiang Provincial Committee", gaz) == [
        "body/330000/party_committee",
        "body/330000/party_committee/standing_committee",
    ]


def test_a_committee_without_cpc_before_it_is_no_party_committee(gaz):
    assert paths("the Zhejiang Provincial Committee", gaz) == []


def test_a_central_body_written_after_cpc(gaz):
    assert paths("The CPC Central Commission for Discipline Inspection said", gaz) == [
        "body/100000/discipline_commission"
    ]
    assert paths("the CPC Central Committee", gaz) == ["body/100000/cpc/central_committee"]


def test_legislatures_courts_and_supervisory_commissions(gaz):
    ctx = Context({"province": "610000", "home": "610000"})
    assert paths("the standing committee of the provincial legislature", gaz, ctx) == [
        "body/610000/peoples_congress",
        "body/610000/peoples_congress/standing_committee",
    ]
    assert paths("President of High People's Court of Guangdong Province", gaz) == ["body/440000/court"]
    assert paths("the Guangdong Provincial Higher People's Court", gaz) == ["body/440000/court"]
    assert paths("Director of Supervisory Commission of Guangdong Province", gaz) == [
        "body/440000/supervisory_commission"
    ]


def test_wholes_found_by_bisection_replace_the_atoms_a_scan_would():
    """The article's own regions ("the city") take the place of the level words they hold, unless a head follows
    ("the city government"): as the scan of all atoms for each whole decides it."""
    import random

    from kgraph.extract.atoms import Atom
    from kgraph.extract.en.atoms import _with_wholes_scanned, with_wholes

    rng = random.Random(3)
    text = "the city government of the city and the city's party committee in the province " * 3
    for _ in range(300):
        cuts = sorted(rng.sample(range(len(text)), 24))
        atoms = [
            Atom(rng.choice(["level", "level", "head", "region"]), a, b, text[a:b])
            for a, b in zip(cuts[::2], cuts[1::2])
        ]
        spans = sorted(rng.sample(range(len(text)), 8))
        wholes = [Atom("whole", a, b, text[a:b], "city") for a, b in zip(spans[::2], spans[1::2])]
        assert with_wholes(atoms, wholes, text) == _with_wholes_scanned(atoms, wholes, text)
