import pytest

from kgraph.pipeline import build, write_exports


@pytest.fixture(scope="session")
def seeds_ttl(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("seeds-graph")
    write_exports(build([root / "seeds"]).graph, out, html=False)
    return out / "graph.ttl"
