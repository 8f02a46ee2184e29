"""The SHACL shapes (kgraph/shapes.ttl) and ``kgraph validate``.

Real builds conform: the committed seeds build in all three RDF formats and a
build of every development article. Each constructed mistake (a post without a
title, a date of the wrong type, a relation without provenance …) fails with
exactly the shapes named for it, and together the mistakes make every shape fail
once, so no shape is dead. The shapes and the data tables they restate
(relations.tsv, ontology.ttl) are checked against each other.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kgraph.namespaces import prefixes
from kgraph.pipeline import build, write_exports
from kgraph.relations import relation_kinds
from kgraph.validate import KGSH, SH, GraphInputError, curie, load, shapes_text, validate, validate_graph

from .conftest import SHARED

KG, ID, SCHEMA, ORG, PROV, SKOS, RDFS, XSD = (
    Namespace(prefixes()[p]) for p in ("kg", "kgid", "schema", "org", "prov", "skos", "rdfs", "xsd")
)
RDF_STMT_SUBJECT, RDF_STMT_PREDICATE, RDF_STMT_OBJECT = RDF.subject, RDF.predicate, RDF.object


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=shapes_text(), format="turtle")
    return g


def node_shapes() -> set[str]:
    return {f"kgsh:{s.removeprefix(KGSH)}" for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}


# --- real builds conform ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.jsonld"])
def test_the_committed_seeds_build_conforms_in_every_rdf_format(root, name):
    report = validate(root / "exports" / name)
    assert report.conforms, report.text(limit=5)
    assert report.violations == () and report.triples > 3000


def test_a_build_directory_is_validated_by_its_turtle(root):
    report = validate(root / "exports")
    assert report.conforms and report.source.endswith("graph.ttl")


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory) -> Path:
    articles = [*(SHARED / "seeds").glob("*.txt"), *(SHARED / "dev" / "articles").glob("*.txt")]
    if not articles:
        pytest.skip(f"{SHARED} is absent: the development articles live beside the project")
    out = tmp_path_factory.mktemp("dev")
    result = build(articles)
    assert result.failed == [] and result.summary().articles == len(articles)
    write_exports(result.graph, out, html=False, formats=["turtle", "ntriples", "jsonld"])
    return out


def test_a_build_of_every_development_article_conforms(dev_build):
    report = validate(dev_build)
    assert report.conforms, report.text(limit=5)
    assert report.triples > 10_000


def test_every_rdf_format_of_a_build_holds_the_same_triples(dev_build):
    turtle = set(load(dev_build / "graph.ttl"))
    assert turtle == set(load(dev_build / "graph.nt")) == set(load(dev_build / "graph.jsonld"))


# --- constructed mistakes fail with the shapes named for them ------------------------------------------------


#: An article with a byline and a steering group that supervises, beside the careers of notebooks/careers.jsonl.
SUPERVISION = """ date 2023-05-24 Central Fifth Steering Group in Zhejiang

Reporter Li Linwei. The Fifth Central Steering Group supervised and guided the theme education of the Zhejiang \
Provincial Party Committee. Li Jinbin, head of the Fifth Central Steering Group, attended the meeting.
"""


@pytest.fixture(scope="module")
def base(root, tmp_path_factory) -> Graph:
    """A small real build with what the shapes speak of: posts with dates and an undated end, a byline, a
    steering group that supervises, a region's parent from the gazetteer, campaigns."""
    out = tmp_path_factory.mktemp("base")
    (out / "supervision.txt").write_text(SUPERVISION, encoding="utf-8")
    result = build([root / "notebooks" / "careers.jsonl", out / "supervision.txt"])
    write_exports(result.graph, out, html=False, formats=["turtle"])
    return load(out / "graph.ttl")


def test_the_base_of_the_constructed_mistakes_conforms_and_has_what_they_change(base):
    report = validate_graph(base)
    assert report.conforms, report.text(limit=5)
    for p in (SCHEMA.startDate, SCHEMA.endDate, KG.ended, KG.supervises, SCHEMA.author, KG.implements):
        assert any(base.triples((None, p, None))), p
    assert any(base.subjects(RDF.type, PROV.Entity))


def first(g: Graph, s=None, p=None, o=None) -> tuple:
    """The first matching triple in a stable order (the mistakes must not depend on rdflib's hash order)."""
    found = sorted(g.triples((s, p, o)))
    assert found, (s, p, o)
    return found[0]


def of_type(g: Graph, cls: URIRef, n: int = 0) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[n]


def statements(g: Graph, s, p, o) -> list:
    subjects = set(g.subjects(RDF_STMT_SUBJECT, s)) & set(g.subjects(RDF_STMT_PREDICATE, p))
    return sorted(st for st in subjects if (st, RDF_STMT_OBJECT, o) in g)


def drop_statement(g: Graph, stmt) -> None:
    """A statement and the evidence only it is derived from."""
    for ev in list(g.objects(stmt, PROV.wasDerivedFrom)):
        if (ev, RDF.type, KG.Evidence) in g:
            g.remove((ev, None, None))
    g.remove((stmt, None, None))


def replace_value(g: Graph, s, p, old, new) -> None:
    """Change a triple's object, and its statement's, so that only the value is wrong."""
    g.remove((s, p, old))
    g.add((s, p, new))
    for stmt in statements(g, s, p, old):
        g.remove((stmt, RDF_STMT_OBJECT, old))
        g.add((stmt, RDF_STMT_OBJECT, new))


def add_stated(g: Graph, s, p, o) -> None:
    """Add a triple with a statement derived from an existing evidence, so that only the triple is wrong."""
    g.add((s, p, o))
    state(g, s, p, o)


def state(g: Graph, s, p, o) -> None:
    """Reify a triple, derived from an existing evidence."""
    stmt = ID[f"statement/test-{len(g)}"]
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF_STMT_SUBJECT, s))
    g.add((stmt, RDF_STMT_PREDICATE, p))
    g.add((stmt, RDF_STMT_OBJECT, o))
    g.add((stmt, PROV.wasDerivedFrom, of_type(g, KG.Evidence)))


def set_value(g: Graph, s, p, value) -> None:
    g.remove((s, p, None))
    g.add((s, p, value))


def official(g: Graph) -> URIRef:
    """An official who holds a post and writes no byline."""
    authors = set(g.objects(None, SCHEMA.author))
    return sorted(s for s in g.subjects(RDF.type, KG.Official) if s not in authors and (s, ORG.holds, None) in g)[0]


def dated_post(g: Graph, p: URIRef) -> tuple:
    return first(g, None, p, None)


def relation(g: Graph, p: URIRef) -> tuple:
    return first(g, None, p, None)


def body(g: Graph, n: int = 0) -> URIRef:
    return of_type(g, KG.Body, n)


def region(g: Graph) -> URIRef:
    return sorted(s for s in g.subjects(RDF.type, KG.Region) if (s, KG.adminCode, None) in g)[0]


def campaign(g: Graph) -> URIRef:
    return of_type(g, KG.Campaign)


def article(g: Graph) -> URIRef:
    return of_type(g, SCHEMA.NewsArticle)


def evidence(g: Graph) -> URIRef:
    return of_type(g, KG.Evidence)


def _wrong_start_type(g: Graph) -> None:
    post, p, date = dated_post(g, SCHEMA.startDate)
    replace_value(g, post, p, date, Literal(str(date)[:7], datatype=XSD.date))  # "2011-03" is no xsd:date


def _start_as_plain_text(g: Graph) -> None:
    post, p, date = dated_post(g, SCHEMA.startDate)
    replace_value(g, post, p, date, Literal(str(date)))


def _impossible_end_date(g: Graph) -> None:
    post, p, date = dated_post(g, SCHEMA.endDate)
    replace_value(g, post, p, date, Literal("2015-02-30", datatype=XSD.date))


def _year_with_month(g: Graph) -> None:
    post, p, date = dated_post(g, SCHEMA.endDate)
    replace_value(g, post, p, date, Literal("2015-03", datatype=XSD.gYear))


def _post_without_title(g: Graph) -> None:
    post = of_type(g, ORG.Post)
    g.remove((post, ORG.role, None))


def _post_in_a_region(g: Graph) -> None:
    set_value(g, of_type(g, ORG.Post), ORG.postIn, region(g))


def _post_held_by_someone_else(g: Graph) -> None:
    post = of_type(g, ORG.Post)
    holder = g.value(post, ORG.heldBy)
    other = sorted(s for s in g.subjects(RDF.type, KG.Official) if s != holder)[0]
    set_value(g, post, ORG.heldBy, other)


def _role_without_label(g: Graph) -> None:
    g.remove((of_type(g, ORG.Role), RDFS.label, None))


def _ended_and_dated(g: Graph) -> None:
    post, _, _ = dated_post(g, SCHEMA.endDate)
    add_stated(g, post, KG.ended, Literal(True))


def _started_and_dated(g: Graph) -> None:
    post, _, _ = dated_post(g, SCHEMA.startDate)
    add_stated(g, post, KG.started, Literal(True))


def _ended_false(g: Graph) -> None:
    post, p, value = first(g, None, KG.ended, None)
    replace_value(g, post, p, value, Literal(False))


def _relation_without_provenance(g: Graph) -> None:
    [stmt] = statements(g, *relation(g, KG.implements))
    drop_statement(g, stmt)


def _date_without_provenance(g: Graph) -> None:
    [stmt] = statements(g, *dated_post(g, SCHEMA.startDate))
    drop_statement(g, stmt)


def _statement_of_a_missing_triple(g: Graph) -> None:
    g.remove(relation(g, SCHEMA.areaServed))


def _statement_without_source(g: Graph) -> None:
    [stmt] = statements(g, *relation(g, KG.implements))
    for ev in list(g.objects(stmt, PROV.wasDerivedFrom)):
        g.remove((ev, None, None))
    g.remove((stmt, PROV.wasDerivedFrom, None))


def _statement_of_a_mention(g: Graph) -> None:
    state(g, *relation(g, SCHEMA.mentions))  # mentions are no relation of relations.tsv


def _derived_from_an_article(g: Graph) -> None:
    [stmt] = statements(g, *relation(g, KG.implements))
    g.add((stmt, PROV.wasDerivedFrom, article(g)))


def _evidence_without_article(g: Graph) -> None:
    g.remove((evidence(g), KG.article, None))


def _evidence_from_a_body(g: Graph) -> None:
    set_value(g, evidence(g), KG.article, body(g))


def _evidence_without_sentence(g: Graph) -> None:
    g.remove((evidence(g), KG.sentence, None))


def _sentence_not_between_offsets(g: Graph) -> None:
    ev = evidence(g)
    set_value(g, ev, KG.sentence, Literal(str(g.value(ev, KG.sentence)) + " and more"))


def _negative_offset(g: Graph) -> None:
    ev = evidence(g)
    n = len(str(g.value(ev, KG.sentence)))
    set_value(g, ev, KG.startOffset, Literal(-1))
    set_value(g, ev, KG.endOffset, Literal(n - 1))


def _evidence_of_nothing(g: Graph) -> None:
    ev = evidence(g)
    for _, p, o in list(g.triples((ev, None, None))):
        g.add((ID["evidence/orphan"], p, o))


def _source_without_comment(g: Graph) -> None:
    g.remove((of_type(g, PROV.Entity), RDFS.comment, None))


def _official_without_label(g: Graph) -> None:
    g.remove((official(g), RDFS.label, None))


def _label_not_preferred(g: Graph) -> None:
    set_value(g, body(g), RDFS.label, Literal("Some Other Committee", lang="en"))


def _label_in_chinese(g: Graph) -> None:
    b = body(g)
    zh = [x for x in g.objects(b, SKOS.prefLabel) if x.language == "zh"][0]
    set_value(g, b, RDFS.label, zh)


def _two_chinese_names(g: Graph) -> None:
    g.add((body(g), SKOS.prefLabel, Literal("另一个名字", lang="zh")))


def _alias_that_is_the_name(g: Graph) -> None:
    b = body(g)
    g.add((b, SKOS.altLabel, g.value(b, RDFS.label)))


def _name_in_french(g: Graph) -> None:
    g.add((campaign(g), SKOS.altLabel, Literal("une campagne", lang="fr")))


def _mention_count_as_text(g: Graph) -> None:
    set_value(g, campaign(g), KG.mentionCount, Literal("3"))


def _misspelt_predicate(g: Graph) -> None:
    b = body(g)
    g.add((b, KG.mentionCont, g.value(b, KG.mentionCount)))


def _first_seen_after_last_seen(g: Graph) -> None:
    c = campaign(g)
    set_value(g, c, KG.firstSeen, Literal("2099-01-01", datatype=XSD.date))


def _first_seen_alone(g: Graph) -> None:
    g.remove((campaign(g), KG.lastSeen, None))


def _official_not_a_person(g: Graph) -> None:
    g.remove((official(g), RDF.type, SCHEMA.Person))


def _named_nowhere(g: Graph, entity: URIRef) -> None:
    """No article mentions the entity (and so the export links it to none with kg:namedIn)."""
    g.remove((None, SCHEMA.mentions, entity))
    g.remove((entity, KG.namedIn, None))


def _official_named_nowhere(g: Graph) -> None:
    _named_nowhere(g, official(g))


def _campaign_named_nowhere(g: Graph) -> None:
    _named_nowhere(g, campaign(g))


def _body_not_an_organization(g: Graph) -> None:
    g.remove((body(g), RDF.type, ORG.Organization))


def _region_without_level(g: Graph) -> None:
    g.remove((region(g), KG.level, None))


def _region_with_a_short_code(g: Graph) -> None:
    set_value(g, region(g), KG.adminCode, Literal("52000"))


def _body_with_a_level(g: Graph) -> None:
    g.add((body(g), KG.level, Literal("province")))


def _body_holding_a_post(g: Graph) -> None:
    add_stated(g, body(g), ORG.holds, of_type(g, ORG.Post))


def _unit_of_a_region(g: Graph) -> None:
    add_stated(g, body(g), ORG.subOrganizationOf, region(g))


def _body_serving_a_body(g: Graph) -> None:
    add_stated(g, body(g), SCHEMA.areaServed, body(g, 1))


def _body_inside_a_region(g: Graph) -> None:
    add_stated(g, body(g), SCHEMA.containedInPlace, region(g))


def _supervising_a_campaign(g: Graph) -> None:
    s, _, _ = relation(g, KG.supervises)
    add_stated(g, s, KG.supervises, campaign(g))


def _campaign_carrying_out_a_campaign(g: Graph) -> None:
    add_stated(g, campaign(g), KG.implements, of_type(g, KG.Campaign, 1))


def _article_with_two_ids(g: Graph) -> None:
    g.add((article(g), SCHEMA.identifier, Literal("another-article")))


def _article_without_headline(g: Graph) -> None:
    g.remove((article(g), SCHEMA.headline, None))


def _article_date_as_text(g: Graph) -> None:
    set_value(g, article(g), SCHEMA.datePublished, Literal("20 June 2012"))


def _article_url_as_text(g: Graph) -> None:
    g.add((article(g), SCHEMA.url, Literal("www.example.com/a")))


def _article_without_language(g: Graph) -> None:
    set_value(g, article(g), SCHEMA.inLanguage, Literal(""))


def _article_mentions_a_post(g: Graph) -> None:
    g.add((article(g), SCHEMA.mentions, of_type(g, ORG.Post)))


def _body_as_author(g: Graph) -> None:
    g.add((article(g), SCHEMA.author, body(g)))


def within(g: Graph) -> tuple:
    """A region kg:within another."""
    return first(g, None, KG.within, None)


def _within_a_region_it_is_not_in(g: Graph) -> None:
    inner, _, _ = within(g)
    outside = sorted(r for r in g.subjects(RDF.type, KG.Region) if r != inner and (inner, KG.within, r) not in g)[0]
    g.add((inner, KG.within, outside))


def _within_leaving_a_region_out(g: Graph) -> None:
    inner, _, outer = within(g)
    other = sorted(r for r in g.subjects(RDF.type, KG.Region) if r not in (inner, outer))[0]
    add_stated(g, inner, SCHEMA.containedInPlace, other)  # the region now lies in it too, kg:within says not


def named_in(g: Graph) -> tuple:
    return first(g, None, KG.namedIn, None)


def _named_in_an_article_that_does_not_name_it(g: Graph) -> None:
    entity, _, art = named_in(g)
    other = sorted(a for a in g.subjects(RDF.type, SCHEMA.NewsArticle) if (a, SCHEMA.mentions, entity) not in g)[0]
    g.add((entity, KG.namedIn, other))


def _named_in_leaving_an_article_out(g: Graph) -> None:
    entity, _, art = named_in(g)
    other = sorted(a for a in g.subjects(RDF.type, SCHEMA.NewsArticle) if (a, SCHEMA.mentions, entity) not in g)[0]
    g.add((other, SCHEMA.mentions, entity))


def co_mention_group(g: Graph, with_count: bool = True, owned: bool = True) -> URIRef:
    """A co-mention group of a campaign, holding an official (the base is too small for the export to write one)."""
    group = ID["comention/test/1"]
    g.add((group, RDF.type, KG.CoMentionGroup))
    g.add((group, KG.coMentioned, official(g)))
    if with_count:
        g.add((group, KG.sharedArticles, Literal(1)))
    if owned:
        c = campaign(g)
        g.remove((c, KG.namedIn, None))
        g.add((c, KG.coMentionGroup, group))
    return group


def _co_mention_group_without_a_count(g: Graph) -> None:
    co_mention_group(g, with_count=False)


def _co_mention_group_of_no_entity(g: Graph) -> None:
    co_mention_group(g, owned=False)


def _co_mention_count_of_zero(g: Graph) -> None:
    set_value(g, co_mention_group(g), KG.sharedArticles, Literal(0))


#: Each mistake, and exactly the shapes its graph fails.
MISTAKES: dict[str, tuple[Callable[[Graph], None], set[str]]] = {
    "post without a title": (_post_without_title, {"kgsh:PostShape"}),
    "post in a region": (_post_in_a_region, {"kgsh:PostShape"}),
    "post held by one official, holder of it another": (_post_held_by_someone_else, {"kgsh:PostShape"}),
    "start date of the wrong type": (_wrong_start_type, {"kgsh:PostShape"}),
    "start date as plain text": (_start_as_plain_text, {"kgsh:PostShape"}),
    "end date that does not exist": (_impossible_end_date, {"kgsh:PostShape"}),
    "gYear with a month": (_year_with_month, {"kgsh:PostShape"}),
    "kg:ended false": (_ended_false, {"kgsh:PostShape"}),
    "role without a label": (_role_without_label, {"kgsh:RoleShape"}),
    "kg:ended beside an end date": (_ended_and_dated, {"kgsh:UndatedEndShape"}),
    "kg:started beside a start date": (_started_and_dated, {"kgsh:UndatedStartShape"}),
    "relation without provenance": (_relation_without_provenance, {"kgsh:ProvenanceShape"}),
    "start date without provenance": (_date_without_provenance, {"kgsh:ProvenanceShape"}),
    "statement of a triple the graph lacks": (_statement_of_a_missing_triple, {"kgsh:StatedTripleShape"}),
    "statement derived from nothing": (_statement_without_source, {"kgsh:StatementShape"}),
    "statement of no kgraph relation": (_statement_of_a_mention, {"kgsh:StatementShape"}),
    "statement derived from an article": (_derived_from_an_article, {"kgsh:DerivationShape"}),
    "evidence without its article": (_evidence_without_article, {"kgsh:EvidenceShape"}),
    "evidence from a body": (_evidence_from_a_body, {"kgsh:EvidenceShape"}),
    "evidence without a sentence": (_evidence_without_sentence, {"kgsh:EvidenceShape"}),
    "sentence longer than its offsets": (_sentence_not_between_offsets, {"kgsh:EvidenceOffsetsShape"}),
    "negative offset": (_negative_offset, {"kgsh:EvidenceShape"}),
    "evidence of no statement": (_evidence_of_nothing, {"kgsh:EvidenceShape"}),
    "data source without a comment": (_source_without_comment, {"kgsh:SourceShape"}),
    "official without a label": (_official_without_label, {"kgsh:EntityShape"}),
    "label that is no preferred name": (_label_not_preferred, {"kgsh:EntityLabelShape"}),
    "label in Chinese": (_label_in_chinese, {"kgsh:EntityShape"}),
    "two Chinese preferred names": (_two_chinese_names, {"kgsh:EntityShape"}),
    "alias that is the preferred name": (_alias_that_is_the_name, {"kgsh:EntityShape"}),
    "alias in French": (_name_in_french, {"kgsh:EntityShape"}),
    "mention count as text": (_mention_count_as_text, {"kgsh:EntityShape"}),
    "misspelt predicate": (_misspelt_predicate, {"kgsh:EntityShape"}),
    "first seen after last seen": (_first_seen_after_last_seen, {"kgsh:SeenShape"}),
    "first seen without last seen": (_first_seen_alone, {"kgsh:SeenShape"}),
    "official not typed schema:Person": (_official_not_a_person, {"kgsh:OfficialShape"}),
    "official no article names": (_official_named_nowhere, {"kgsh:OfficialShape"}),
    "campaign no article names": (_campaign_named_nowhere, {"kgsh:CampaignShape"}),
    "body not typed org:Organization": (_body_not_an_organization, {"kgsh:BodyShape"}),
    "region without a level": (_region_without_level, {"kgsh:RegionShape"}),
    "region code of five digits": (_region_with_a_short_code, {"kgsh:RegionShape"}),
    "body with a level": (_body_with_a_level, {"kgsh:RegionPropertiesShape"}),
    "body holding a post": (_body_holding_a_post, {"kgsh:HoldsPostShape", "kgsh:PostShape"}),  # two holders
    "unit of a region": (_unit_of_a_region, {"kgsh:SubOrganizationOfShape"}),
    "body serving a body": (_body_serving_a_body, {"kgsh:AreaServedShape"}),
    "body inside a region": (_body_inside_a_region, {"kgsh:ContainedInPlaceShape"}),
    "supervising a campaign": (_supervising_a_campaign, {"kgsh:SupervisesShape"}),
    "campaign carrying out a campaign": (_campaign_carrying_out_a_campaign, {"kgsh:ImplementsShape"}),
    "article with two ids": (_article_with_two_ids, {"kgsh:ArticleShape"}),
    "article without a headline": (_article_without_headline, {"kgsh:ArticleShape"}),
    "article date as text": (_article_date_as_text, {"kgsh:ArticleShape"}),
    "article url as text": (_article_url_as_text, {"kgsh:ArticleShape"}),
    "article without a language": (_article_without_language, {"kgsh:ArticleShape"}),
    "article mentioning a post": (_article_mentions_a_post, {"kgsh:MentionedShape"}),
    "body as author": (_body_as_author, {"kgsh:AuthorShape"}),
    "kg:within a region it does not lie in": (_within_a_region_it_is_not_in, {"kgsh:WithinShape"}),
    "kg:within leaving out a region it lies in": (_within_leaving_a_region_out, {"kgsh:WithinShape"}),
    "kg:namedIn an article that does not name it": (_named_in_an_article_that_does_not_name_it, {"kgsh:NamedInShape"}),
    "kg:namedIn leaving out an article naming it": (_named_in_leaving_an_article_out, {"kgsh:NamedInShape"}),
    "co-mention group without a count": (_co_mention_group_without_a_count, {"kgsh:CoMentionGroupShape"}),
    "co-mention group of no entity": (_co_mention_group_of_no_entity, {"kgsh:CoMentionGroupShape"}),
    "co-mention count of zero": (_co_mention_count_of_zero, {"kgsh:CoMentionGroupShape"}),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_mistake_fails_with_the_shapes_named_for_it(base, mistake):
    mutate, expected = MISTAKES[mistake]
    g = Graph()
    g += base
    mutate(g)
    report = validate_graph(g)
    assert not report.conforms
    assert set(report.by_shape()) == expected, report.text(limit=3)


def test_every_shape_can_fail():
    named = set().union(*(shapes for _, shapes in MISTAKES.values()))
    assert named == node_shapes()


def test_a_report_names_the_shape_the_node_the_path_and_the_value(base):
    g = Graph()
    g += base
    _wrong_start_type(g)
    report = validate_graph(g, source="broken.ttl")
    [v] = report.violations
    assert (v.shape, v.property_shape, v.path, v.constraint) == (
        "kgsh:PostShape",
        "kgsh:Post-startDate",
        "schema:startDate",
        "OrConstraintComponent",
    )
    assert v.focus.startswith("kgid:post/") and v.value.endswith('"^^xsd:date')
    text = report.text()
    assert text.startswith("broken.ttl: ") and "1 violation(s) of 1 shape(s)" in text
    assert "kgsh:PostShape (1)" in text and v.focus in text and "schema:startDate" in text
    assert "violations per shape:\n  kgsh:PostShape  1" in text


def test_a_report_escapes_control_characters_and_cuts_long_values(base):
    g = Graph()
    g += base
    set_value(g, article(g), SCHEMA.inLanguage, Literal("a\x1bb" + "x" * 200))
    [v] = validate_graph(g).violations
    assert "\x1b" not in v.value and "\\x1b" in v.value and len(v.value) < 100


# --- the shapes restate the data tables and the ontology -----------------------------------------------------

CLASSES = {"Official": KG.Official, "Body": KG.Body, "Region": KG.Region, "Campaign": KG.Campaign}


def _classes(sg: Graph, node) -> set:
    """The classes a shape (or property shape) requires: its sh:class, or the sh:class of each sh:or member."""
    found = set(sg.objects(node, SH["class"]))
    for members in sg.objects(node, SH["or"]):
        for m in Collection(sg, members):
            found |= set(sg.objects(m, SH["class"]))
    return found


def test_relation_shapes_say_what_relations_tsv_says():
    sg = shapes_graph()
    for kind in relation_kinds().values():
        p = URIRef(kind.predicate)
        [shape] = [s for s in sg.subjects(SH.targetSubjectsOf, p) if s != KGSH + "ProvenanceShape"]
        assert _classes(sg, shape) == {CLASSES[t] for t in kind.subjects}, kind.key
        [prop] = [x for x in sg.objects(shape, SH.property) if (x, SH.path, p) in sg]
        objects = _classes(sg, prop)
        if kind.key == "holds_post":  # the post is an org:Post; the body it is in is the relation's object
            assert objects == {ORG.Post}
            objects = _classes(sg, URIRef(KGSH + "Post-postIn"))
        assert objects == {CLASSES[t] for t in kind.objects}, kind.key


def test_provenance_covers_every_relation_and_every_post_time():
    sg = shapes_graph()
    predicates = {URIRef(k.predicate) for k in relation_kinds().values()}
    times = {SCHEMA.startDate, SCHEMA.endDate, KG.started, KG.ended}
    allowed = set(Collection(sg, sg.value(URIRef(KGSH + "Statement-predicate"), SH["in"])))
    assert allowed == predicates | times
    provenance = URIRef(KGSH + "ProvenanceShape")
    target = str(sg.value(sg.value(provenance, SH.target), SH.select))
    constraint = str(sg.value(sg.value(provenance, SH.sparql), SH.select))
    for p in predicates | times:
        assert curie(p) in target and curie(p) in constraint, curie(p)


def test_every_kgraph_term_of_the_shapes_is_in_the_ontology(root):
    ontology = Graph().parse(root / "kgraph" / "ontology.ttl")
    declared = {s for s in ontology.subjects() if str(s).startswith(str(KG))}
    used = {t for triple in shapes_graph() for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    text = shapes_text()
    used |= {KG[m] for m in re.findall(r"\bkg:(\w+)", text)}  # in SPARQL text too
    assert used <= declared, sorted(used - declared)


# --- kgraph validate ------------------------------------------------------------------------------------------


def kgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kgraph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_cli_exit_codes(root, tmp_path, base):
    r = kgraph("validate", str(root / "exports"), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "conforms" in r.stdout
    g = Graph()
    g += base
    _post_without_title(g)
    _relation_without_provenance(g)
    g.serialize(tmp_path / "broken.ttl", format="turtle")
    r = kgraph("validate", "broken.ttl", cwd=tmp_path)
    assert r.returncode == 1
    assert "kgsh:PostShape (1)" in r.stdout and "kgsh:ProvenanceShape (1)" in r.stdout
    assert "org:role" in r.stdout and "kg:implements" in r.stdout
    (tmp_path / "bad.ttl").write_text("this is not turtle <")
    (tmp_path / "graph.csv").write_text("a,b\n")
    (tmp_path / "empty").mkdir()
    for name, says in [
        ("bad.ttl", "bad.ttl: not a readable turtle graph"),
        ("missing.ttl", "missing.ttl: no such file"),
        ("graph.csv", "graph.csv: not an RDF graph file"),
        ("empty", "empty: no graph.ttl, graph.nt, graph.jsonld in this directory"),
    ]:
        r = kgraph("validate", name, cwd=tmp_path)
        assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr, (name, r.stderr)


def test_unreadable_graphs_are_errors_naming_the_file(tmp_path):
    (tmp_path / "g.jsonld").write_text('[{"@id": "x", ')
    with pytest.raises(GraphInputError, match=r"g\.jsonld: not a readable json-ld graph"):
        validate(tmp_path / "g.jsonld")
    (tmp_path / "g.nt").write_bytes(b'<a:b> <a:c> "\xff" .\n')
    with pytest.raises(GraphInputError, match=r"g\.nt: not a readable nt graph"):
        validate(tmp_path / "g.nt")
