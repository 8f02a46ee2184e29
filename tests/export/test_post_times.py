"""Posts with their dates in the graph and in RDF: merged across articles, conflicting dates kept."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph.article import Article
from kgraph.export.rdf import KG, SCHEMA, write_turtle
from kgraph.facts import BODY, HOLDS_POST, OFFICIAL, Entity, Evidence, Facts, PostTime, Relation
from kgraph.graph import build_graph

PROV = "http://www.w3.org/ns/prov#"


def facts(article: str, date: str, *times: tuple[str, str]) -> Facts:
    f = Facts(Article(article, "2023-01-01", "t", "x"))
    ev = Evidence(article, 0, 10, f"sentence of {article}")
    f.add_entity(Entity("person/hu", OFFICIAL, "Hu"), ev)
    f.add_entity(Entity("body/500000/government", BODY, "Chongqing Municipal People's Government"), ev)
    f.add_relation(Relation(HOLDS_POST, "person/hu", "body/500000/government", "Mayor", ev))
    for kind, when in times:
        f.post_times.append(PostTime("person/hu", "body/500000/government", "Mayor", kind, when, ev))
    return f


def rdf(*all_facts: Facts) -> Graph:
    import io

    buf = io.BytesIO()
    write_turtle(build_graph(list(all_facts)), buf)
    return Graph().parse(data=buf.getvalue().decode(), format="turtle")


def post(g: Graph) -> URIRef:
    [found] = list(g.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Post")))
    return found


def test_dates_to_the_texts_precision_with_their_sentences():
    g = rdf(facts("a", "2022-01-21", ("start", "2022-01-21"), ("end", "2023")))
    p = post(g)
    assert g.value(p, URIRef(SCHEMA + "startDate")) == Literal("2022-01-21", datatype=XSD.date)
    assert g.value(p, URIRef(SCHEMA + "endDate")) == Literal("2023", datatype=XSD.gYear)
    stmt = next(g.subjects(RDF.object, Literal("2022-01-21", datatype=XSD.date)))
    ev = g.value(stmt, URIRef(PROV + "wasDerivedFrom"))
    assert str(g.value(ev, URIRef(KG + "sentence"))) == "sentence of a"


def test_an_end_without_a_date_is_recorded_as_ended():
    g = rdf(facts("a", "", ("end", "")))
    assert g.value(post(g), URIRef(KG + "ended")) == Literal(True)
    assert g.value(post(g), URIRef(SCHEMA + "endDate")) is None


def test_one_post_across_articles_keeps_every_date_and_a_dated_end_wins_over_an_undated_one():
    g = rdf(facts("a", "", ("start", "2021-12"), ("end", "")), facts("b", "", ("start", "2021-12-30"), ("end", "2022")))
    p = post(g)
    assert set(g.objects(p, URIRef(SCHEMA + "startDate"))) == {
        Literal("2021-12", datatype=XSD.gYearMonth),
        Literal("2021-12-30", datatype=XSD.date),
    }
    assert g.value(p, URIRef(KG + "ended")) is None and g.value(p, URIRef(SCHEMA + "endDate")) is not None
