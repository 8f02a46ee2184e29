"""``kgraph query`` and ``kgraph serve`` as a user runs them: a real process, real files, real sockets."""

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def kgraph(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kgraph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_options_may_come_between_the_graph_and_the_query(seeds_ttl):
    ask = "ASK { ?s a <https://w3id.org/kgraph/ontology#Official> }"
    for args in (
        [str(seeds_ttl), "--engine", "rdflib", ask],  # the order
        ["--engine", "rdflib", str(seeds_ttl), ask],
        [str(seeds_ttl), ask, "--engine", "rdflib", "--format", "csv"],
        ["--format", "csv", str(seeds_ttl), "--engine", "oxigraph", ask],
    ):
        r = kgraph("query", *args)
        assert r.returncode == 0, (args, r.stderr)
        assert r.stdout.strip().splitlines()[-1] in ("yes", "true"), args


@pytest.mark.parametrize("value", ["<http://x/a b>", "http://x/a>b", "https://x/a b"])
def test_an_iri_parameter_that_is_no_iri_is_a_clear_error_naming_it(seeds_ttl, value):
    r = kgraph("query", str(seeds_ttl), "--named", "officials-of-body", "--param", f"body={value}")
    assert r.returncode == 2
    assert f"officials-of-body: --param body: {value!r} is not a valid IRI" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_key_is_the_iri_the_export_gives_it_whatever_its_characters(seeds_ttl):
    """A graph key with a space or Chinese (an article named after its file) is percent-encoded as in the
    export, so it is a valid IRI that simply matches nothing here."""
    for value in ("body/520000/a b", "article/新闻一"):
        r = kgraph("query", str(seeds_ttl), "--named", "officials-of-body", "--param", f"body={value}")
        assert r.returncode == 0 and "(0 rows)" in r.stdout, r.stderr


def test_an_iri_parameter_in_angle_brackets_is_taken_as_an_iri(seeds_ttl):
    iri = "<https://w3id.org/kgraph/id/person/zou-lianke>"
    r = kgraph("query", str(seeds_ttl), "--named", "posts-of-official", "--param", f"official={iri}")
    assert r.returncode == 0, r.stderr
    assert "Guizhou Provincial Department of Education" in r.stdout


def start_serve(seeds_ttl: Path, tmp_path: Path, *options: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgraph.cli", "serve", str(seeds_ttl), "--port", str(port), *options],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=(tmp_path / "stderr").open("w"),
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/health", timeout=5) as resp:
                assert json.loads(resp.read())["status"] == "ok"
                return proc, base
        except OSError:
            if proc.poll() is not None:
                raise AssertionError((tmp_path / "stderr").read_text()) from None
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the endpoint never answered")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_stops_cleanly_on_sigint_and_sigterm_and_writes_its_access_log(seeds_ttl, tmp_path, sig):
    proc, base = start_serve(seeds_ttl, tmp_path, "--access-log", "access.log")
    try:
        query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        with urllib.request.urlopen(f"{base}/sparql?{query}", timeout=30) as resp:
            assert json.loads(resp.read())["boolean"] is True
    finally:
        proc.send_signal(sig)
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, (tmp_path / "stderr").read_text()
    assert "Traceback" not in (tmp_path / "stderr").read_text()
    assert out.startswith(f"SPARQL endpoint on {base}/sparql")
    lines = (tmp_path / "access.log").read_text().splitlines()
    assert [line.split(" ")[2:5] for line in lines][-2:] == [["GET", "/health", "200"], ["GET", "/sparql", "200"]]


def test_serve_refuses_service_unless_allowed(seeds_ttl, tmp_path):
    from tests.sparql.listener import Listener

    listener = Listener()
    proc, base = start_serve(seeds_ttl, tmp_path)
    try:
        query = urllib.parse.urlencode({"query": f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?a ?b ?c }} }}"})
        with pytest.raises(urllib.error.HTTPError) as http:
            urllib.request.urlopen(f"{base}/sparql?{query}", timeout=60)
        assert http.value.code == 400 and "--allow-service" in http.value.read().decode()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        listener.close()
    assert listener.connections == 0


def test_serve_reports_a_port_in_use_and_bad_limits(seeds_ttl, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        r = kgraph("serve", str(seeds_ttl), "--port", str(taken.getsockname()[1]))
    assert r.returncode == 1 and "cannot listen on 127.0.0.1 port" in r.stderr and "Traceback" not in r.stderr
    r = kgraph("serve", str(seeds_ttl), "--timeout", "0")
    assert r.returncode == 2 and "must be above 0" in r.stderr
    r = kgraph("serve", str(seeds_ttl), "--access-log", str(tmp_path / "no" / "such" / "dir" / "log"))
    assert r.returncode == 1 and "--access-log" in r.stderr
