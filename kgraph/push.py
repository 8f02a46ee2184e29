"""Push a built graph into a SPARQL 1.1 Graph Store Protocol server: in batches, resumable, with credentials.

One process serves a graph of ten thousand articles; millions want a SPARQL
server (Virtuoso, Fuseki, GraphDB ...). ``kgraph push`` replaces one named
graph there with the graph a build wrote: the triples go as N-Triples batches,
the first one PUT (which replaces the graph), each later one POSTed (which
adds to it). After each batch the server confirmed, a small state file records
the graph file's hash and how far the push got, so a push that was
interrupted (a dropped connection, a server restart, Ctrl-C) continues after
the last confirmed batch when run again; a changed graph, another endpoint or
another named graph starts over. A triple sent twice after an interruption
does no harm: an RDF graph is a set. The state file is removed when the push
is done.

While a push runs, readers of the named graph see part of it.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kgraph.export import atomic
from kgraph.export.formats import rdf_format, rdf_suffixes
from kgraph.httpclient import Client, HttpError, error
from kgraph.remote import DEFAULT_GRAPH

#: Triples per request: large enough that a million go in a few dozen requests, small enough to resend cheaply.
DEFAULT_BATCH = 50_000
#: The graph files a build writes, in the order a build directory is searched for one.
GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")
NTRIPLES = "application/n-triples"


class PushError(Exception):
    """A push that cannot go on; the message says what and where (the endpoint, the status, the server's words)."""


@dataclass
class State:
    """How far a push got: the graph file's hash, where it goes, and what the server has confirmed."""

    graph_hash: str
    endpoint: str
    graph: str
    batch_size: int
    batches_done: int = 0
    triples_done: int = 0

    def fits(self, other: State) -> bool:
        """True if this is the state of the same push (same file content, endpoint and named graph)."""
        return (self.graph_hash, self.endpoint, self.graph) == (other.graph_hash, other.endpoint, other.graph)


@dataclass(frozen=True)
class Pushed:
    """What a push did: triples and batches in all, how many of them an earlier run had sent, and the time (all of it:
    reading the file, sending, and waiting for the server)."""

    file: Path
    triples: int
    batches: int
    resumed_triples: int
    resumed_batches: int
    seconds: float
    started_over: bool = False  # an interrupted push of another graph (or endpoint, or named graph) was set aside

    @property
    def rate(self) -> float:
        """Triples sent per second by this run."""
        sent = self.triples - self.resumed_triples
        return sent / self.seconds if self.seconds > 0 else 0.0


#: Called after each confirmed batch with (triples done, triples in all, batches done).
Progress = Callable[[int, int, int], None]


def graph_file(path: str | Path) -> Path:
    """The graph file to push: the file itself, or a build directory's graph.ttl (else graph.nt, graph.jsonld)."""
    path = Path(path)
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise PushError(f"{path}: no {', '.join(GRAPH_FILES)} in this directory (run `kgraph build` first)")
    if rdf_format(path.suffix) is None:
        raise PushError(f"{path}: not a graph file ({rdf_suffixes()})")
    if not path.is_file():
        raise PushError(f"{path}: no such file")
    return path


def content_hash(path: Path) -> str:
    """The SHA-256 of the file's bytes: what tells a resumed push that the graph is still the one it began."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _triples(path: Path) -> Iterator[ox.Triple]:
    fmt = rdf_format(path.suffix)
    assert fmt is not None and fmt.oxigraph is not None
    try:
        for quad in ox.parse(path=str(path), format=fmt.oxigraph, without_named_graphs=True):
            yield quad.triple
    except (SyntaxError, ValueError, OSError) as e:
        raise PushError(f"{path}: cannot read the graph ({e})") from e


def count_triples(path: Path) -> int:
    """The triples in a graph file; a blank node is refused, since batches would split it into several nodes."""
    n = 0
    for t in _triples(path):
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            raise PushError(
                f"{path}: holds blank nodes ({t}), which cannot be split into batches; kgraph's exports have none"
            )
        n += 1
    return n


def batches(path: Path, size: int, skip: int = 0) -> Iterator[tuple[int, bytes]]:
    """The graph as N-Triples batches of ``size`` triples (the first ``skip`` triples left out), in file order."""
    chunk: list[ox.Triple] = []
    for i, t in enumerate(_triples(path)):
        if i < skip:
            continue
        chunk.append(t)
        if len(chunk) == size:
            yield len(chunk), _ntriples(chunk)
            chunk = []
    if chunk:
        yield len(chunk), _ntriples(chunk)


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def state_path(file: Path) -> Path:
    """Where a push of ``file`` keeps its state unless told: beside it, ``graph.ttl.push.json``."""
    return file.with_name(file.name + ".push.json")


def load_state(path: Path) -> State | None:
    """The state an interrupted push left, or None (no file, or one this version cannot read)."""
    try:
        return State(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def save_state(path: Path, state: State) -> None:
    try:
        atomic.write_text(path, json.dumps(asdict(state), indent=1) + "\n")
    except OSError as e:
        raise PushError(f"{path}: cannot write the push state ({e.strerror or e}); give --state PATH") from e


def gsp_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of a named graph: the endpoint with ``graph=IRI`` (indirect identification)."""
    return endpoint + ("&" if "?" in endpoint else "?") + "graph=" + quote(graph, safe="")


def push(
    graph: str | Path,
    endpoint: str,
    graph_iri: str = DEFAULT_GRAPH,
    batch_size: int = DEFAULT_BATCH,
    user: str | None = None,
    password: str | None = None,
    state_file: str | Path | None = None,
    progress: Progress | None = None,
    timeout: float = 300.0,
) -> Pushed:
    """Replace the named graph ``graph_iri`` at ``endpoint`` with a graph file, resuming an interrupted push."""
    if batch_size < 1:
        raise ValueError("the batch size must be at least 1 triple")
    start = time.perf_counter()
    file = graph_file(graph)
    where = Path(state_file) if state_file else state_path(file)
    wanted = State(content_hash(file), endpoint, graph_iri, batch_size)
    total = count_triples(file)
    earlier = load_state(where)
    resuming = earlier is not None and earlier.fits(wanted) and earlier.triples_done > 0
    state = earlier if earlier is not None and resuming else wanted
    state.batch_size = batch_size
    resumed_triples, resumed_batches = state.triples_done, state.batches_done
    url = gsp_url(endpoint, graph_iri)
    client = Client(user=user, password=password, timeout=timeout)
    try:
        if total == 0:
            _send(client, "PUT", url, b"", "replacing the graph")
        for n, body in batches(file, batch_size, skip=state.triples_done):
            first = state.triples_done == 0
            _send(client, "PUT" if first else "POST", url, body, f"batch {state.batches_done + 1}")
            state.triples_done += n
            state.batches_done += 1
            save_state(where, state)
            if progress is not None:
                progress(state.triples_done, total, state.batches_done)
    except PushError as e:
        if state.batches_done:
            raise PushError(
                f"{e}\n{state.batches_done} batch(es), {state.triples_done} of {total} triples, are in ({where}): "
                "run the same command again to go on from there"
            ) from e
        raise
    finally:
        client.close()
    where.unlink(missing_ok=True)
    started_over = earlier is not None and not resuming
    seconds = time.perf_counter() - start
    return Pushed(file, total, state.batches_done, resumed_triples, resumed_batches, seconds, started_over)


def _send(client: Client, method: str, url: str, body: bytes, what: str) -> None:
    try:
        response = client.request(method, url, body, {"Content-Type": NTRIPLES})
    except HttpError as e:
        raise PushError(f"{what} ({method}) failed: {e}") from e
    if not 200 <= response.status < 300:
        raise PushError(str(error(url, response, f"{what} ({method})")))
