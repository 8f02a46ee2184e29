"""Chinese post phrases: where names stand and which titles are theirs (before resolution)."""

import pytest

from kgraph.article import Article
from kgraph.extract.zh import Chinese


@pytest.fixture(scope="module")
def pack():
    return Chinese()


def holders(pack, gaz, text: str):
    from kgraph.extract import chains
    from kgraph.extract.context import Context

    reading = pack.read(Article("t", "2024-01-01", text, text, lang="zh"))
    [s] = reading.sentences
    atoms = pack.atoms(reading, s, gaz)
    for a in atoms:
        if a.kind == "region":
            a.place.codes = a.place.codes[:1]
    ctx = Context({"city": "110000", "province": "110000", "home": "110000"})
    bodies = [m for c in chains.chains(s.text, atoms, pack.link) for m in chains.parse(c, ctx)]
    return {
        h.zh: [(p.title.title, p.body.key if p.body else (p.unit or None)) for p in h.phrases]
        for h in pack.holders(reading, s, atoms, bodies)
    }


def test_titles_joined_by_a_pause_mark_before_the_name(pack, gaz):
    got = holders(pack, gaz, "市委副书记、市长陈吉宁出席。")
    assert got == {"陈吉宁": [("Deputy Secretary", "body/110000/party_committee"), ("Mayor", None)]}


def test_a_unit_without_its_owner_in_a_run(pack, gaz):
    got = holders(pack, gaz, "市委常委、组织部部长孙梅君出席。")
    assert got["孙梅君"] == [
        ("Member of the Standing Committee", "body/110000/party_committee"),
        ("Head", "organization_department"),
    ]


def test_a_list_of_names_after_the_titles_shares_them(pack, gaz):
    got = holders(pack, gaz, "党组成员吴友才、高向荣出席。")
    assert got == {"吴友才": [("Member of the Party Group", None)], "高向荣": [("Member of the Party Group", None)]}


def test_names_before_the_title(pack, gaz):
    got = holders(pack, gaz, "刘云梅、鲁罡等市政府党组成员作交流发言。")
    assert set(got) == {"刘云梅", "鲁罡"}
    assert got["鲁罡"] == [("Member of the Party Group", "body/110000/government")]
    assert holders(pack, gaz, "习近平总书记强调。") == {"习近平": [("General Secretary", None)]}


def test_names_without_titles_before_a_verb_that_follows_names(pack, gaz):
    assert holders(pack, gaz, "市领导游钧、杨艺文参加。") == {"游钧": [], "杨艺文": []}


def test_a_party_secretary_title_says_it_is_a_party_post():
    from kgraph.extract.zh.lexicon import title_table

    assert title_table()["书记"].party and title_table()["副书记"].party and not title_table()["主任"].party
