"""The one post rule, on post phrases built by hand."""

from kgraph.extract.context import Context
from kgraph.extract.posts import PostPhrase, attach, resolve
from kgraph.extract.titles import title
from kgraph.naming import BodyRef

CTX = Context({"province": "520000", "city": "520100", "home": "520100"})
PC = BodyRef("520100", ("party_committee",))
SC = BodyRef("520100", ("peoples_congress", "standing_committee"))
DEPT = BodyRef("520000", ("department:education",))


def run(*phrases: PostPhrase, carried=None, owner_after=False, seen=()):
    return [(p.body.key, p.title) for p in resolve(list(phrases), CTX, carried, owner_after, list(seen))]


def test_a_central_title_is_held_in_the_central_body():
    assert run(PostPhrase(title("General Secretary"))) == [("body/100000/cpc/central_committee", "General Secretary")]


def test_a_government_title_takes_the_region_of_the_body_named_with_it_or_of_its_level():
    # 市委副书记、市长: the mayor's government is the city's of the party committee
    assert run(PostPhrase(title("Deputy Secretary"), PC), PostPhrase(title("Mayor")))[1] == (
        "body/520100/government",
        "Mayor",
    )
    assert run(PostPhrase(title("Governor"))) == [("body/520000/government", "Governor")]


def test_a_title_with_a_region_names_that_regions_body():
    assert run(PostPhrase(title("Secretary"), region="140000")) == [("body/140000/party_committee", "Secretary")]


def test_a_units_owner_is_named_before_it_in_chinese_and_after_it_in_english():
    # 市委常委、组织部部长
    zh = run(
        PostPhrase(title("Member of the Standing Committee"), PC),
        PostPhrase(title("Head"), unit="organization_department"),
    )
    assert zh[1] == ("body/520100/party_committee/organization_department", "Head")
    # "secretary of the party group and director of the Department of Education"
    en = run(PostPhrase(title("Secretary"), unit="party_group"), PostPhrase(title("Director"), DEPT), owner_after=True)
    assert en == [
        ("body/520000/department-education/party_group", "Secretary of the Party Group"),
        ("body/520000/department-education", "Director"),
    ]


def test_a_unit_attaches_where_the_grammar_allows_it():
    pg = BodyRef("520100", ("party_committee", "party_group"))
    assert attach("organization_department", [SC, pg]) == BodyRef(
        "520100", ("party_committee", "organization_department")
    )
    assert attach("party_group", [SC]) == BodyRef("520100", ("peoples_congress", "standing_committee", "party_group"))


def test_a_party_secretary_of_a_body_that_is_no_party_body_sits_in_its_party_group():
    assert run(PostPhrase(title("Secretary").as_party(), SC)) == [
        ("body/520100/peoples_congress/standing_committee/party_group", "Secretary of the Party Group")
    ]
    assert run(PostPhrase(title("Secretary"), PC)) == [("body/520100/party_committee", "Secretary")]


def test_a_bare_title_is_held_in_the_body_the_text_named_or_nowhere():
    cppcc = BodyRef("520100", ("cppcc",))
    assert run(PostPhrase(title("Executive Chairman")), seen=[PC, cppcc, DEPT]) == [
        ("body/520100/cppcc", "Executive Chairman")
    ]
    assert run(PostPhrase(title("President"))) == []  # "President Xi Jinping": no court is named


def test_the_carried_body_serves_titles_that_name_none_but_not_member_or_head():
    assert run(PostPhrase(title("Deputy Director")), carried=SC) == [(SC.key, "Deputy Director")]
    assert run(PostPhrase(title("Member")), carried=SC) == []


def test_a_state_title_is_held_in_its_central_body_but_a_local_one_stays_local():
    assert run(PostPhrase(title("Premier"))) == [("body/100000/state_council", "Premier")]
    assert run(PostPhrase(title("State Councilor"))) == [("body/100000/state_council", "State Councilor")]
    cppcc = BodyRef("520100", ("cppcc",))
    assert run(PostPhrase(title("Chairman"), cppcc)) == [("body/520100/cppcc", "Chairman")]


def test_the_secretary_of_a_units_own_party_committee_is_its_own():
    sasac_pc = BodyRef("430000", ("department:sasac", "org_party_committee"))
    assert run(PostPhrase(title("Secretary").as_party(), sasac_pc)) == [(sasac_pc.key, "Secretary")]
