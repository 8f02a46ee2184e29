"""Relations a sentence states: who carries out a campaign, who supervises whom."""

from kgraph.facts import IMPLEMENTS


def implements(facts) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in facts.relations if r.type == IMPLEMENTS}


def test_central_leadership_deploys_programmes_but_does_not_carry_out_formulas(extract_text):
    f = extract_text("The Party Central Committee called for enhancing the “four consciousnesses”.")
    assert implements(f) == set()
    f = extract_text("The Party Central Committee decided to carry out theme education.")
    assert implements(f) == {("body/100000/cpc/central_committee", "campaign/theme_education")}


def test_a_local_body_before_the_campaign_carries_it_out(extract_text):
    f = extract_text("The Quanzhou Municipal Party Committee resolutely upholds the “two establishments”.")
    assert implements(f) == {("body/350500/party_committee", "campaign/two_establishments")}
