"""Synthetic knowledge graphs shaped like kgraph's own, for benchmarks at any size.

Regions form a containment tree; every region has a few bodies with units;
officials hold one or two posts; campaigns are carried out by bodies and regions;
articles mention what they name, with evidence; posts carry start dates (a year,
month or day) and most earlier posts an end. Seeded, so sizes are comparable
between runs.
"""

from __future__ import annotations

import random

import networkx as nx

from kgraph.graph import ARTICLE


def synthetic_graph(n_entities: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph of about ``n_entities`` entity nodes plus articles mentioning them."""
    rnd = random.Random(seed)
    when = random.Random(seed + 1)  # post dates: their own stream, so the rest of the graph is as before
    g = nx.MultiDiGraph()
    n_regions = max(3, n_entities // 10)
    n_bodies = max(3, n_entities * 4 // 10)
    n_officials = max(3, n_entities * 4 // 10)
    n_campaigns = max(2, n_entities - n_regions - n_bodies - n_officials)
    n_articles = max(1, n_entities // 20)
    dates = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15)]
    articles = []
    for i in range(n_articles):
        key = f"article/a{i}"
        g.add_node(key, type=ARTICLE, label=f"Article {i}", date=rnd.choice(dates), lang="en")
        articles.append(key)

    def entity(key: str, etype: str, label: str) -> None:
        first, last = sorted(rnd.sample(dates, 2))
        g.add_node(
            key,
            type=etype,
            label=label,
            label_zh="",
            aliases_en=[f"{label} alias"],
            aliases_zh=[],
            mentions=rnd.randint(1, 40),
            first_seen=first,
            last_seen=last,
            articles=[],
        )
        art = rnd.choice(articles)
        ev = {"article": art.split("/", 1)[1], "start": 0, "end": 40, "sentence": f"A sentence naming {label}."}
        g.add_edge(art, key, key="mentions", type="mentions", evidence=[ev])

    def post_date(year: int) -> str:
        precision = when.choice((4, 7, 10))
        return f"{year}-{when.randint(1, 12):02d}-{when.randint(1, 28):02d}"[:precision]

    def relate(s: str, o: str, kind: str, title: str = "") -> None:
        art = rnd.choice(articles).split("/", 1)[1]
        ev = {"article": art, "start": 0, "end": 40, "sentence": f"{s} {kind} {o}."}
        times = {}
        if kind == "holds_post":
            began = when.randint(2000, 2022)
            times["starts"] = [{**ev, "date": post_date(began)}]
            if when.random() < 0.6:
                times["ends"] = [{**ev, "date": post_date(when.randint(began + 1, 2023))}]
        g.add_edge(s, o, key=kind + title, type=kind, title=title, evidence=[ev], **times)

    regions = [f"region/{i}" for i in range(n_regions)]
    for i, r in enumerate(regions):
        entity(r, "Region", f"Region {i}")
        if i:
            relate(r, regions[rnd.randrange(i)], "contained_in")
    bodies = [f"body/{i}" for i in range(n_bodies)]
    for i, b in enumerate(bodies):
        entity(b, "Body", f"Body {i}")
        if i % 3 and i > 2:
            relate(b, bodies[i - i % 3], "sub_organization_of")
        relate(b, rnd.choice(regions), "area_served")
    for i in range(n_officials):
        o = f"person/o{i}"
        entity(o, "Official", f"Official {i}")
        for _ in range(rnd.randint(1, 2)):
            relate(o, rnd.choice(bodies), "holds_post", rnd.choice(["Secretary", "Director", "Member"]))
    for i in range(n_campaigns):
        c = f"campaign/c{i}"
        entity(c, "Campaign", f"Campaign {i}")
        for _ in range(rnd.randint(1, 3)):
            relate(rnd.choice(bodies + regions), c, "implements")
    for b in rnd.sample(bodies, max(1, len(bodies) // 50)):
        relate(b, rnd.choice(regions), "supervises")
    return g
