"""Write notebooks/explore.ipynb (without outputs) from the cells below, so the notebook stays reviewable.

Run:  python scripts/make_notebook.py
"""

from pathlib import Path

import nbformat

CELLS = [
    (
        "md",
        "# Exploring the kgraph of the seed articles\n\nBuild the graph with the Python API, ask it the "
        "analysts' questions with the named SPARQL queries and one hand-written query, rank officials and "
        "bodies by centrality, and open the explorer.",
    ),
    (
        "code",
        "from pathlib import Path\n\nimport networkx as nx\nimport pandas as pd\n\n"
        "from kgraph.pipeline import build, write_exports\n\n"
        "ROOT = Path.cwd().parent if Path.cwd().name == 'notebooks' else Path.cwd()\n"
        "result = build([ROOT / 'seeds'])\n"
        "out = Path('explore-output')\n"
        "write_exports(result.graph, out)\n"
        "result.summary()",
    ),
    ("md", "## Named queries\n\n`kgraph query --list` shows them all; here through the API, into pandas."),
    (
        "code",
        "from kgraph.sparql.engines import open_engine\nfrom kgraph.sparql.named import named_queries, run_named\n\n"
        "engine = open_engine('oxigraph', graph=out / 'graph.ttl')\n\n"
        "def frame(result):\n"
        "    return pd.DataFrame([[str(t) if t is not None else None for t in row] for row in result.rows],\n"
        "                        columns=result.variables)\n\n"
        "pd.DataFrame([(q.name, q.description) for q in named_queries().values()], columns=['query', 'what'])",
    ),
    ("code", "frame(run_named(engine, 'officials-of-body', {'body': 'Chongqing Municipal Party Committee'}))"),
    ("code", "frame(run_named(engine, 'campaigns-in-region', {'region': 'Guizhou'})).head(10)"),
    (
        "code",
        "frame(run_named(engine, 'evidence', {'subject': 'Zou Lianke',\n"
        "                                  'object': 'Guizhou Provincial Department of Education'}))",
    ),
    ("md", "## A hand-written query\n\nBodies by the number of campaigns they carry out."),
    (
        "code",
        "query = '''\nPREFIX kg: <https://w3id.org/kgraph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?bodyName (COUNT(DISTINCT ?campaign) AS ?campaigns) WHERE {\n"
        "  ?body a kg:Body ; kg:implements ?campaign ; rdfs:label ?bodyName .\n}\n"
        "GROUP BY ?bodyName ORDER BY DESC(?campaigns) ?bodyName LIMIT 10\n'''\n"
        "campaigns = frame(engine.query(query))\ncampaigns",
    ),
    ("md", "## Centrality\n\nOfficials and bodies ranked by degree centrality in the entity graph."),
    (
        "code",
        "g = result.graph\nentities = g.subgraph(n for n, d in g.nodes(data=True) if d['type'] != 'Article')\n"
        "centrality = nx.degree_centrality(nx.Graph(entities))\n"
        "ranked = pd.DataFrame([(g.nodes[n]['label'], g.nodes[n]['type'], round(c, 3))\n"
        "                       for n, c in centrality.items() if g.nodes[n]['type'] in ('Official', 'Body')],\n"
        "                      columns=['name', 'type', 'degree centrality'])\n"
        "ranked.sort_values(['degree centrality', 'name'], ascending=[False, True]).head(10)",
    ),
    ("md", "## The explorer\n\nThe same page `kgraph build` writes, shown inline."),
    ("code", "from IPython.display import IFrame\nIFrame(str(out / 'graph.html'), width='100%', height=600)"),
]


def main() -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src) for kind, src in CELLS
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    path = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
    nbformat.write(nb, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
