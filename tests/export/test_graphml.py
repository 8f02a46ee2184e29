import io

import networkx as nx

from kgraph.export.graphml import to_graphml
from kgraph.pipeline import build


def test_graphml_reads_back_in_networkx(root):
    g = build([root / "seeds" / "004_05ce2b8e58cacf5d.txt"]).graph
    back = nx.read_graphml(io.BytesIO(to_graphml(g).encode("utf-8")))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["body/500000/party_committee"]["label"] == "Chongqing Municipal Party Committee"
