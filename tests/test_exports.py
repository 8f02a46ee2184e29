"""exports/ holds the committed build of seeds/; rebuilding must give the same bytes."""

from kgraph.pipeline import build, write_exports


def test_committed_exports_are_a_byte_identical_rebuild_of_the_seeds(tmp_path, root):
    write_exports(build([root / "seeds"]).graph, tmp_path)
    for name in ("graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "careers.csv", "graph.html"):
        committed = (root / "exports" / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"exports/{name} is stale: run `make demo`"
