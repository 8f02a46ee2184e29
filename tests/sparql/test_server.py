"""The endpoint on loopback, queried with SPARQLWrapper as a standard client would."""

import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from kgraph.sparql.engines import open_engine
from kgraph.sparql.server import Endpoint, negotiate, serve

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def endpoint(seeds_ttl):
    server = serve(Endpoint(open_engine("oxigraph", graph=seeds_ttl), timeout=5, max_rows=50), "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


def client(url: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    c = SPARQLWrapper(url)
    c.setReturnFormat(fmt)
    c.setMethod(method)
    return c


def test_get_and_post_with_content_negotiation(endpoint):
    c = client(endpoint, JSON)
    c.setQuery(
        "SELECT ?name WHERE { <https://w3id.org/kgraph/id/person/zou-lianke> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    )
    assert c.query().convert()["results"]["bindings"][0]["name"]["value"] == "Zou Lianke"
    post = client(endpoint, XML, "POST")
    post.setQuery(COUNT)
    doc = post.query().convert()
    assert doc.getElementsByTagName("literal")[0].firstChild.data.isdigit()
    for fmt in (CSV, TSV):
        c = client(endpoint, fmt)
        c.setQuery(COUNT)
        body = c.query().convert().decode()
        assert body.splitlines()[0] in ("n", "?n")


def test_sparql_query_body_and_cors(endpoint):
    req = urllib.request.Request(
        endpoint,
        data=COUNT.encode(),
        method="POST",
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    with urllib.request.urlopen(req) as resp:
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
        assert resp.headers["Content-Type"].startswith("text/csv")
    pre = urllib.request.Request(endpoint, method="OPTIONS")
    with urllib.request.urlopen(pre) as resp:
        assert resp.status == 204 and "POST" in resp.headers["Access-Control-Allow-Methods"]


def test_updates_are_refused_with_400(endpoint):
    c = client(endpoint, JSON, "POST")
    c.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception) as err:
        c.query()
    assert "400" in str(err.value) or "QueryBadFormed" in type(err.value).__name__
    req = urllib.request.Request(
        endpoint, data=b"update=DROP+ALL", method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    with pytest.raises(urllib.error.HTTPError) as http:
        urllib.request.urlopen(req)
    assert http.value.code == 400 and "read-only" in http.value.read().decode()


def test_result_size_limit(endpoint):
    c = client(endpoint, JSON)
    c.setQuery("SELECT ?s WHERE { ?s ?p ?o }")
    result = c.query()
    assert len(result.convert()["results"]["bindings"]) == 50
    assert result.response.headers["X-Result-Truncated"] == "true"


def test_time_limit(seeds_ttl):
    server = serve(Endpoint(open_engine("oxigraph", graph=seeds_ttl), timeout=0.2, max_rows=10**9), "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    req = urllib.request.Request(url + "?query=" + urllib.request.quote(slow))
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as http:
        urllib.request.urlopen(req)
    assert http.value.code == 400 and "limit" in http.value.read().decode()
    assert time.monotonic() - start < 5
    server.shutdown()


def test_negotiation_honours_quality_values():
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", None) == "xml"
    assert negotiate("image/png", None) is None
    assert negotiate("", "tsv") == "tsv"


def test_load_hundreds_of_concurrent_queries(endpoint, capsys):
    queries = [
        COUNT,
        "SELECT ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } ORDER BY ?o LIMIT 20",
        "ASK { ?s a <https://w3id.org/kgraph/ontology#Official> }",
    ]

    def answer(query: str) -> object:
        c = client(endpoint, JSON)
        c.setQuery(query)
        doc = c.query().convert()
        if "boolean" in doc:
            return doc["boolean"]
        return [term["value"] for row in doc["results"]["bindings"] for term in row.values()]

    alone = [answer(q) for q in queries]
    assert int(alone[0][0]) > 1000 and len(alone[1]) == 20 and alone[2] is True

    def one(i: int) -> tuple[float, object]:
        start = time.perf_counter()
        got = answer(queries[i % len(queries)])
        return time.perf_counter() - start, got

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(one, range(400)))
    wall = time.perf_counter() - start
    wrong = [i for i, (_, got) in enumerate(results) if got != alone[i % len(queries)]]
    assert not wrong, f"{len(wrong)} of 400 concurrent answers differ from the same query answered alone"
    latencies = sorted(t for t, _ in results)
    p50, p95 = statistics.median(latencies), latencies[int(0.95 * len(latencies))]
    with capsys.disabled():
        print(f"\n400 queries, 32 at a time: {wall:.2f} s, median {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    assert p95 < 5
