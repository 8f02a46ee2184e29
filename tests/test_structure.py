"""Units, jurisdictions and containment, added once over the graph, each with its provenance."""

import pytest

from kgraph.graph import build_graph
from kgraph.naming import BodyRef
from kgraph.structure import GAZETTEER, unit_links


@pytest.fixture
def graph_of(extract_text):
    def run(*texts: str):
        return build_graph([extract_text(t, article_id=f"a{i}") for i, t in enumerate(texts)])

    return run


def edge(g, s, o, kind):
    assert g.has_edge(s, o, key=kind), (s, o, kind)
    return g.edges[s, o, kind]


def test_a_unit_belongs_to_the_body_its_name_extends_with_the_sentence_as_evidence(graph_of):
    text = "The Standing Committee of the Quanzhou Municipal Party Committee met."
    g = graph_of(text)
    sub = edge(
        g, "body/350500/party_committee/standing_committee", "body/350500/party_committee", "sub_organization_of"
    )
    assert [e["sentence"] for e in sub["evidence"]] == [text] and "sources" not in sub
    served = edge(g, "body/350500/party_committee", "region/350500", "area_served")
    assert [e["sentence"] for e in served["evidence"]] == [text]


def test_a_department_belongs_to_its_government_which_the_text_need_not_name(graph_of):
    g = graph_of("The Guizhou Provincial Department of Education held a meeting.")
    assert g.nodes["body/520000/government"]["mentions"] == 0
    link = edge(g, "body/520000/department-education", "body/520000/government", "sub_organization_of")
    assert len(link["evidence"]) == 1


def test_containment_comes_from_an_address_or_else_the_gazetteer(graph_of):
    g = graph_of("The group went to Zhejiang Pujiang County. It then met in Fujian.")
    stated = edge(g, "region/330726", "region/330000", "contained_in")
    assert stated["evidence"][0]["sentence"] == "The group went to Zhejiang Pujiang County." and "sources" not in stated
    known = edge(g, "region/350000", "region/100000", "contained_in")
    assert known["evidence"] == [] and known["sources"] == [GAZETTEER]
    assert edge(g, "region/330000", "region/100000", "contained_in")["sources"] == [GAZETTEER]


def test_one_piece_of_evidence_per_article(graph_of):
    text = "The Standing Committee of the Quanzhou Municipal Party Committee met. The committee spoke."
    g = graph_of(text, text)
    served = edge(g, "body/350500/party_committee", "region/350500", "area_served")
    assert [e["article"] for e in served["evidence"]] == ["a0", "a1"]


def test_every_relation_of_the_graph_has_provenance(graph_of):
    g = graph_of("Zhang Yigong, secretary of the Quanzhou Municipal Party Committee, went to Shanghai Hongqiao Street.")
    relations = [d for _, _, d in g.edges(data=True) if d["type"] not in ("mentions", "author")]
    assert relations and all(d["evidence"] or d.get("sources") for d in relations)


def test_unit_links_follow_the_id_and_stop_at_congresses():
    pg = BodyRef("350500", ("peoples_congress", "standing_committee", "party_group"))
    assert [(u.key, b.key) for u, b in unit_links(pg)] == [
        (
            "body/350500/peoples_congress/standing_committee/party_group",
            "body/350500/peoples_congress/standing_committee",
        ),
        ("body/350500/peoples_congress/standing_committee", "body/350500/peoples_congress"),
    ]
    assert unit_links(BodyRef("100000", ("cpc", "national_congress:20"))) == []


def test_a_body_of_every_article_costs_one_sentence_read_per_article(graph_of, monkeypatch):
    """The articles an edge has evidence from are collected once, not re-read (with their sentences) per article."""
    from kgraph.evidence import EvidenceBook

    reads = []
    text = EvidenceBook.text
    monkeypatch.setattr(EvidenceBook, "text", lambda self, n: reads.append(n) or text(self, n))
    n = 60
    g = graph_of(*["The Standing Committee of the Quanzhou Municipal Party Committee met."] * n)
    served = edge(g, "body/350500/party_committee", "region/350500", "area_served")
    assert [e["article"] for e in served["evidence"]] == [f"a{i}" for i in sorted(range(n), key=str)]
    assert len(reads) <= 3 * n + 2 * n  # the reads above (n) and a first mention per body and article
