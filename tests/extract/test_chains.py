"""The one body-chain parser, on atoms built by hand: no language pack involved."""

from kgraph.extract.atoms import Atom, Head, Place
from kgraph.extract.chains import BREAK, JUXT, OF, chains, parse
from kgraph.extract.context import Context

CTX = Context({"province": "520000", "city": "520100", "county": "520121", "home": "520100"})


def atom(kind: str, start: int, end: int, value=None) -> Atom:
    if kind == "region":
        value = Place(codes=[value])
    elif kind == "head":
        value = Head((value,))
    return Atom(kind, start, end, "", value)


def keys(text: str, atoms: list[Atom], link=lambda gap: JUXT if not gap.strip() else (OF if gap == " of " else BREAK)):
    return [m.ref.key if m.ref else m.unit for c in chains(text, atoms, link) for m in parse(c, CTX)]


def test_a_place_and_heads_name_a_body_and_its_units():
    # 贵州省委常委会: place, root head, unit head
    text = "贵州省委常委会"
    atoms = [
        atom("region", 0, 3, "520000"),
        atom("head", 3, 4, ("party_committee",)),
        atom("head", 4, 7, ("standing_committee",)),
    ]
    assert keys(text, atoms) == ["body/520000/party_committee", "body/520000/party_committee/standing_committee"]


def test_a_level_without_a_place_takes_the_articles_region_of_that_level():
    assert keys("县委", [atom("level", 0, 1, "county"), atom("head", 1, 2, ("party_committee",))]) == [
        "body/520121/party_committee"
    ]


def test_a_bare_congress_or_cppcc_is_the_local_one_but_a_bare_party_committee_is_none():
    assert keys("政协", [atom("head", 0, 2, ("cppcc",))]) == ["body/520100/cppcc"]
    assert keys("委", [atom("head", 0, 1, ("party_committee",))]) == []


def test_parts_joined_by_of_are_read_in_naming_order():
    # "PG of SC of X PC": three segments joined by " of "
    text = "PG of SC of X PC"
    atoms = [
        atom("head", 0, 2, ("party_group",)),
        atom("head", 6, 8, ("standing_committee",)),
        atom("region", 12, 13, "520000"),
        atom("head", 14, 16, ("peoples_congress",)),
    ]
    assert keys(text, atoms)[-1] == "body/520000/peoples_congress/standing_committee/party_group"


def test_a_trailing_place_qualifies_the_chain():
    text = "SC of Y"
    atoms = [atom("head", 0, 2, ("supervisory_commission",)), atom("region", 6, 7, "520000")]
    assert keys(text, atoms) == ["body/520000/supervisory_commission"]


def test_a_place_after_a_head_starts_a_new_body():
    text = "省委省政府"
    atoms = [
        atom("level", 0, 1, "province"),
        atom("head", 1, 2, ("party_committee",)),
        atom("level", 2, 3, "province"),
        atom("head", 3, 5, ("government",)),
    ]
    assert keys(text, atoms) == ["body/520000/party_committee", "body/520000/government"]


def test_a_unit_without_its_owner_is_reported_as_a_unit():
    assert keys("常委会", [atom("head", 0, 3, ("standing_committee",))]) == ["standing_committee"]


def test_ordinals_are_transparent_and_central_bodies_need_no_place():
    text = "自治区十四届人大"
    atoms = [atom("region", 0, 3, "450000"), atom("ordinal", 3, 6), atom("head", 6, 8, ("peoples_congress",))]
    assert keys(text, atoms) == ["body/450000/peoples_congress"]
    assert keys("国务院", [atom("national", 0, 3, ("state_council",))]) == ["body/100000/state_council"]


def test_a_mention_spans_its_chain_from_the_start_to_its_last_atom():
    text = "贵州省委常委会"
    atoms = [
        atom("region", 0, 3, "520000"),
        atom("head", 3, 4, ("party_committee",)),
        atom("head", 4, 7, ("standing_committee",)),
    ]
    [chain] = chains(text, atoms, lambda gap: JUXT)
    assert [(m.start, m.end) for m in parse(chain, CTX)] == [(0, 4), (0, 7)]


def test_an_organisation_with_its_own_name_and_its_units():
    from kgraph.extract.atoms import ProperName

    group = ProperName("enterprise", "nei-menggu-energy", "Inner Mongolia Energy Group", "内蒙古能源集团")
    text = "内蒙古能源集团党委"
    atoms = [atom("region", 0, 3, "150000"), Atom("org", 3, 7, "", group), atom("head", 7, 9, ("org_party_committee",))]
    [chain] = chains(text, atoms, lambda gap: JUXT)
    mentions = parse(chain, CTX)
    assert [m.ref.key for m in mentions] == [
        "body/150000/enterprise-nei-menggu-energy",
        "body/150000/enterprise-nei-menggu-energy/org_party_committee",
    ]
    assert mentions[0].names.en == "Inner Mongolia Energy Group" and mentions[1].names is None


def test_an_organisations_units_are_named_after_it(gaz):
    from kgraph.article import Article
    from kgraph.extract.entities import EntityFactory
    from kgraph.facts import Facts
    from kgraph.naming import BodyRef, Names

    make = EntityFactory(gaz.child(), Facts(Article("a", "", "", "")))
    group = BodyRef("150000", ("enterprise:x",))
    make.body(group, None, proper=Names("Inner Mongolia Energy Group", (), "内蒙古能源集团", ()))
    key = make.body(BodyRef("150000", ("enterprise:x", "org_party_committee")), None)
    assert make.facts.entities[key].label_en == "Party Committee of the Inner Mongolia Energy Group"
    assert make.facts.entities[key].label_zh == "内蒙古能源集团党委"
