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
    ("code", "from IPython.display import IFrame\n\nIFrame(str(out / 'graph.html'), width='100%', height=600)"),
    (
        "md",
        "## Careers\n\nPosts carry the start and end the articles report. The seeds are meeting reports, "
        "so here the graph is built from personnel news: `careers.jsonl` beside this notebook (four short "
        "articles, invented for it, about the Party secretaries of Yiyang) and, where it is present, "
        "`../shared/dev/articles`. `careers.csv` has one row per official and post spell.",
    ),
    (
        "code",
        "from kgraph.careers import spells\n\n"
        "sources = [ROOT / 'notebooks' / 'careers.jsonl']\n"
        "dev = ROOT.parent / 'shared' / 'dev' / 'articles'\n"
        "if dev.is_dir():\n"
        "    sources.append(dev)\n"
        "careers_graph = build(sources).graph\n"
        "careers_out = Path('careers-output')\n"
        "write_exports(careers_graph, careers_out, formats=['turtle', 'careers'])\n"
        "table = pd.read_csv(careers_out / 'careers.csv', dtype=str, keep_default_na=False)\n"
        "table[table.body_en == 'Yiyang Municipal Party Committee'][\n"
        "    ['official_en', 'official_zh', 'title', 'start', 'end', 'status', 'articles']]",
    ),
    ("md", "One official's career, with the `career` query, then as a timeline."),
    (
        "code",
        "careers_engine = open_engine('oxigraph', graph=careers_out / 'graph.ttl')\n"
        "OFFICIAL = 'Lin Wenhua'\n"
        "frame(run_named(careers_engine, 'career', {'official': OFFICIAL}))",
    ),
    (
        "code",
        "import datetime as dt\n\nimport matplotlib.pyplot as plt\n\n"
        "career = [s for s in spells(careers_graph) if s.official_en == OFFICIAL]\n"
        "day = dt.date.fromisoformat\n"
        "# The axis runs from the earliest date to the latest: undated starts begin at its left end, open and\n"
        "# undated ends run to its right end (the last article that reports the official, or a later end).\n"
        "dates = [day(d) for s in career for d in (*s.reported, s.lower, s.upper) if d]\n"
        "origin, horizon = min(dates), max(dates)\n"
        "fig, ax = plt.subplots(figsize=(9, 0.7 * len(career) + 1.2))\n"
        "for i, s in enumerate(career):\n"
        "    if s.dated:  # the dates the articles state: a bar\n"
        "        start = day(s.lower) if s.lower else origin\n"
        "        end = day(s.upper) if s.upper else horizon\n"
        "        faded = not s.upper and s.status == 'ended'  # ended on a date no article gives\n"
        "        ax.barh(i, (end - start).days, left=start, height=0.5, color='#d1495b', alpha=0.3 if faded else 1.0,\n"
        "                hatch='' if s.lower else '//', edgecolor='#d1495b', linestyle='--' if faded else '-')\n"
        "        if not s.upper:\n"
        "            ax.annotate('ended, date unknown' if faded else '\u25b6 still held', (end, i), xytext=(3, -3),\n"
        "                        textcoords='offset points', fontsize=8, color='#d1495b')\n"
        "    else:  # no date: the articles that report the post\n"
        "        ax.plot([day(d) for d in s.reported], [i] * len(s.reported), 'o', color='#8d99ae')\n"
        "ax.set_yticks(range(len(career)), [f'{s.title}, {s.body_en}' for s in career], fontsize=8)\n"
        "ax.invert_yaxis()\n"
        "ax.set_title(f'Career of {OFFICIAL}')\n"
        "fig.tight_layout()",
    ),
    (
        "md",
        "Who served with whom in one body: `colleagues` gives each pair of officials whose posts there "
        "overlapped, with the overlap; `successions` the holders of one post in turn.",
    ),
    (
        "code",
        "BODY = 'Yiyang Municipal Party Committee'\n"
        "frame(run_named(careers_engine, 'successions', {'body': BODY, 'title': 'Secretary'}))",
    ),
    (
        "code",
        "pairs = frame(run_named(careers_engine, 'colleagues', {'body': BODY})).fillna('')\n"
        "colleagues = nx.Graph()\n"
        "for row in pairs.to_dict('records'):\n"
        "    overlap = f\"{row['from'] or '?'} to {row['to'] or '?'}\"\n"
        "    colleagues.add_edge(row['name'], row['colleagueName'], overlap=overlap)\n"
        "fig, ax = plt.subplots(figsize=(6, 4))\n"
        "where = nx.spring_layout(colleagues, seed=7)\n"
        "nx.draw_networkx(colleagues, where, ax=ax, node_color='#d1495b', font_size=9)\n"
        "nx.draw_networkx_edge_labels(colleagues, where, nx.get_edge_attributes(colleagues, 'overlap'),\n"
        "                             ax=ax, font_size=7)\n"
        "ax.set_title(f'Colleagues in the {BODY}')\n"
        "ax.axis('off')\n"
        "print(f'{colleagues.number_of_nodes()} officials, {colleagues.number_of_edges()} pairs of colleagues')",
    ),
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
