"""SERVICE is refused unless allowed: no query makes kgraph connect to an address it names (SSRF).

Each test runs a real listener on a loopback port and checks that it received
no connection; the allowed case checks that the same query does reach it, so
the listener would have seen a refused query that got through.
"""

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kgraph.sparql import federation
from kgraph.sparql.engines import ENGINES, QueryError, UsageError, open_engine
from kgraph.sparql.server import Endpoint, serve
from tests.sparql.listener import Listener


@pytest.fixture
def listener():
    it = Listener()
    yield it
    it.close()


@pytest.fixture(scope="module")
def engines(seeds_ttl):
    return {name: open_engine(name, graph=seeds_ttl) for name in ENGINES}


def service_queries(url: str) -> list[str]:
    """SERVICE as the issue's reproducer writes it, and where a search for it could miss it."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"select * where {{ service silent <{url}> {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?a WHERE {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }} }}",
        f"ASK {{ ?s ?p ?o OPTIONAL {{ ?s ?p ?o . SERVICE <{url}> {{ ?s ?q ?r }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?a ?b ?c }} }}",  # SPARQL expands \\u escapes before parsing
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?a ?b ?c }} }}",
    ]


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
def test_service_is_refused_by_both_engines_and_nothing_connects(engines, listener, engine_name):
    for query in service_queries(listener.url):
        with pytest.raises(UsageError, match=r"SERVICE\) are not allowed"):
            engines[engine_name].query(query)
    listener.close()
    assert listener.connections == 0


def test_the_word_service_in_a_literal_an_iri_or_a_comment_is_no_service_call(engines):
    queries = [
        'SELECT ?s WHERE { ?s ?p ?o FILTER(?o = "SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c }") } LIMIT 1',
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c }",
        "SELECT ?s WHERE { ?s <http://example.org/service> ?o } LIMIT 1",
        "PREFIX service: <http://example.org/> SELECT ?s WHERE { ?s service:p ?o } LIMIT 1",
    ]
    for engine in engines.values():
        for query in queries:
            engine.query(query)  # no refusal


def test_an_unparsable_query_that_mentions_service_is_refused_not_let_through():
    assert federation.refusal("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c ") is not None
    assert federation.refusal("SELECT * WHERE { ?s ?p ?o }") is None  # nothing to check: not parsed at all


def test_from_does_not_fetch_either(engines, listener):
    for engine in engines.values():
        for query in (
            f"SELECT * FROM <{listener.url}> WHERE {{ ?a ?b ?c }} LIMIT 1",
            f"SELECT * FROM NAMED <{listener.url}> WHERE {{ GRAPH ?g {{ ?a ?b ?c }} }} LIMIT 1",
        ):
            try:
                engine.query(query)
            except QueryError:
                pass  # rdflib refuses FROM NAMED on a plain graph
    listener.close()
    assert listener.connections == 0


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
def test_allow_service_lets_the_query_through(seeds_ttl, listener, engine_name):
    engine = open_engine(engine_name, graph=seeds_ttl, allow_service=True)
    with pytest.raises(QueryError):  # the listener hangs up: the remote call fails, cleanly
        engine.query(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?a ?b ?c }} }}")
    listener.close()
    assert listener.connections >= 1


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
def test_kgraph_query_refuses_service_with_exit_code_2(seeds_ttl, listener, engine_name):
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?a ?b ?c }} }}"
    r = subprocess.run(
        [sys.executable, "-m", "kgraph.cli", "query", str(seeds_ttl), query, "--engine", engine_name],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2, r.stderr
    assert "federated queries (SERVICE) are not allowed" in r.stderr and "--allow-service" in r.stderr
    assert "Traceback" not in r.stderr
    listener.close()
    assert listener.connections == 0


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
def test_the_endpoint_refuses_service_with_400(seeds_ttl, listener, engine_name):
    """The issue's reproducer: ``curl -G /sparql --data-urlencode 'query=SELECT * WHERE { SERVICE <...> ... }'``."""
    server = serve(Endpoint(open_engine(engine_name, graph=seeds_ttl), timeout=30), "127.0.0.1", 0)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        for query in service_queries(listener.url):
            with pytest.raises(urllib.error.HTTPError) as http:
                urllib.request.urlopen(base + "?" + urllib.parse.urlencode({"query": query}), timeout=60)
            assert http.value.code == 400
            assert "SERVICE) are not allowed" in json.loads(http.value.read())["error"]
        form = urllib.parse.urlencode({"query": service_queries(listener.url)[2]}).encode()
        with pytest.raises(urllib.error.HTTPError) as http:
            urllib.request.urlopen(urllib.request.Request(base, data=form, method="POST"), timeout=60)
        assert http.value.code == 400
    finally:
        server.shutdown()
    listener.close()
    assert listener.connections == 0
