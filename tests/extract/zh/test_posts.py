"""Chinese post phrases: where names stand and which titles are theirs (before resolution)."""

import pytest

from kgraph.article import Article
from kgraph.extract.zh import Chinese


@pytest.fixture(scope="module")
def pack():
    return Chinese()


def read(pack, gaz, text: str):
    """The holders of a one-sentence Beijing article, before the post rule resolves their phrases."""
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
    return pack.holders(reading, s, atoms, bodies)


def phrases(h) -> list[tuple[str, str | None]]:
    return [(p.title.title, p.body.key if p.body else (p.unit or p.region)) for p in h.phrases]


def holders(pack, gaz, text: str):
    return {h.zh: phrases(h) for h in read(pack, gaz, text)}


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


def test_a_former_marker_between_a_body_and_its_title_keeps_them_together(pack, gaz):
    got = holders(pack, gaz, "河北省人大常委会原副主任张国华、山西省政协原副主席王毅已相继落马。")
    assert got["张国华"] == [("Deputy Director", "body/130000/peoples_congress/standing_committee")]
    assert got["王毅"] == [("Vice Chairman", "body/140000/cppcc")]  # 王毅, not 王毅已


def test_the_title_atom_keeps_the_former_marker_in_its_text(gaz):
    from tests.extract.zh.test_atoms import atoms_of

    [title] = [a for a in atoms_of("山西省政协原副主席王毅", gaz) if a.kind == "title"]
    assert title.text == "原副主席" and title.value.title == "Vice Chairman"


def test_a_place_right_before_a_title_is_its_region(pack, gaz):
    got = holders(pack, gaz, "山西原副省长刘建军、保定市市长王凯出席。")
    assert got["刘建军"] == [("Vice Governor", "140000")]
    assert got["王凯"] == [("Mayor", "130600")]


def test_titles_after_a_verb_of_appointment_belong_to_the_subject(pack, gaz):
    got = career(pack, gaz, "2010年,李明调任河北省发改委主任,2012年任保定市委副书记、代市长。")
    assert got == [
        ("李明", [("Director", "body/130000/department-development_reform")]),
        ("李明", [("Deputy Secretary", "body/130600/party_committee"), ("Acting Mayor", None)]),
    ]


def test_a_pronoun_or_an_omitted_subject_refers_to_the_person_last_named(pack, gaz):
    assert career(pack, gaz, "他现任山西省政协党组书记、主席。") == [
        ("person", [("Secretary of the Party Group", "body/140000/cppcc"), ("Chairman", None)])
    ]


def test_the_subject_right_before_a_linking_wei(pack, gaz):
    assert career(pack, gaz, "会议决定,接受张华辞去保定市市长职务,任命王凯为保定市人民政府副市长。") == [
        ("张华", [("Mayor", "130600")]),
        ("王凯", [("Vice Mayor", "body/130600/government")]),
    ]


def test_a_career_list_joined_by_pause_marks_commas_and_and(pack, gaz):
    got = career(pack, gaz, "王凯曾任河北省保定市委副书记、市长,邯郸市委书记,石家庄市市长和河北省委常委等职。")
    assert got == [
        ("王凯", [("Deputy Secretary", "body/130600/party_committee"), ("Mayor", None)]),
        ("王凯", [("Secretary", "body/130400/party_committee")]),
        ("王凯", [("Mayor", "130100"), ("Member of the Standing Committee", "body/130000/party_committee")]),
    ]


def test_the_name_a_career_clause_describes_or_the_topic_of_the_sentence(pack, gaz):
    assert career(pack, gaz, "会上,履新河北省委常委的李明表示。") == [
        ("李明", [("Member of the Standing Committee", "body/130000/party_committee")])
    ]
    got = career(pack, gaz, "李明职务已经调整,先后担任了北京市委副书记、河北省省长。")
    assert got == [("李明", [("Deputy Secretary", "body/110000/party_committee"), ("Governor", "130000")])]


def test_announcements_of_appointment_and_removal(pack, gaz):
    got = career(pack, gaz, "王凯同志任吉林省委书记,格桑达瓦同志不再担任吉林省委书记、常委、委员职务。")
    assert got == [
        ("王凯", [("Secretary", "body/220000/party_committee")]),
        (
            "格桑达瓦",
            [
                ("Secretary", "body/220000/party_committee"),
                ("Member of the Standing Committee", None),
                ("Member", None),
            ],
        ),
    ]


def test_no_career_without_a_verb_of_appointment(pack, gaz):
    assert career(pack, gaz, "会议听取了市委书记工作汇报,主任、副主任列席。") == []


def test_an_enterprise_and_its_post(pack, gaz):
    got = holders(pack, gaz, "河北钢铁集团董事长于勇被查。")
    assert got["于勇"] == [("Chairman of the Board", "body/130000/enterprise-gangtiejituan")]


def career(pack, gaz, text: str):
    """The holders that carry post phrases, in order: (name or refers, phrases)."""
    return [(h.zh or h.refers, phrases(h)) for h in read(pack, gaz, text) if h.phrases]


def test_a_verb_before_an_address_gives_the_post_after_it(pack, gaz):
    assert career(pack, gaz, "他曾任广东省韶关市副市长。") == [("person", [("Vice Mayor", "440200")])]


def test_a_marker_inside_a_body_name_keeps_its_place(pack, gaz):
    got = holders(pack, gaz, "河南省原省委常委、洛阳市委书记陈雪枫被查。")
    assert got["陈雪枫"] == [
        ("Member of the Standing Committee", "body/410000/party_committee"),
        ("Secretary", "body/410300/party_committee"),
    ]


def test_a_clause_that_ends_a_post_names_no_person(pack, gaz):
    assert career(pack, gaz, "他在保定市委书记任上,于2007年当选河北省委常委。") == [
        ("person", [("Member of the Standing Committee", "body/130000/party_committee")])
    ]
