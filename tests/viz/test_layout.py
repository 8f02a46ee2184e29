import networkx as nx

from kgraph.viz.layout import BACKBONE, layout


def test_every_node_gets_a_position_and_the_same_graph_the_same_picture():
    g = nx.barabasi_albert_graph(3000, 2, seed=1)
    g.add_nodes_from(["lonely-1", "lonely-2"])  # unreachable from the backbone
    one, two = layout(g), layout(g)
    assert set(one) == set(g.nodes) and one == two
    assert len(set(one.values())) == len(one)  # no two nodes on the same spot
    assert BACKBONE < 500


def test_small_graphs_and_empty_graphs():
    assert layout(nx.Graph()) == {}
    assert set(layout(nx.path_graph(3))) == {0, 1, 2}
