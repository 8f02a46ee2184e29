"""The one in-memory model: a networkx MultiDiGraph built from every article's Facts.

Schema
------
Nodes are keyed by stable ids (``region/520000``, ``body/520000/party_committee``,
``person/xi-jinping``, ``campaign/theme_education``, ``article/<id>``) and carry:

``type``        Official | Person | Body | Region | Campaign | Article
``label``       canonical English name; ``label_zh`` the Chinese one
``aliases_en``  other English surface forms (sorted list); ``aliases_zh`` likewise
``mentions``    how many times the articles name it
``first_seen``, ``last_seen``  earliest and latest article date naming it
``articles``    ids of the articles naming it (sorted list)
plus per type: ``level``, ``code``, ``kind``, ``lon``, ``lat`` (regions), ``region``
and ``path`` (bodies), ``role`` (persons); articles have ``date``, ``title``, ``lang``,
``file`` (the file name, so builds do not depend on where they run), ``source``, ``url``, ``outlets``.

Edges are keyed by relation type (``holds_post``, ``sub_organization_of``,
``area_served``, ``contained_in``, ``supervises``, ``implements``, and from
articles ``mentions`` and ``author``) and carry ``type``, ``title`` (posts) and
``evidence``: a list of ``{"article", "start", "end", "sentence"}`` dicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.facts import Evidence, Facts

ARTICLE = "Article"


def article_key(article_id: str) -> str:
    return f"article/{article_id}"


def _ev(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "start": e.start, "end": e.end, "sentence": e.sentence}


def build_graph(all_facts: Iterable[Facts]) -> nx.MultiDiGraph:
    """Merge articles' Facts into one graph; the result depends only on the input, not its order."""
    g = nx.MultiDiGraph()
    facts_list = sorted(all_facts, key=lambda f: f.article.id)
    for facts in facts_list:
        a = facts.article
        akey = article_key(a.id)
        g.add_node(
            akey,
            type=ARTICLE,
            label=a.title,
            date=a.date,
            lang=a.lang,
            file=Path(a.path).name,
            source=a.source,
            url=a.url,
            outlets=sorted(a.outlets),
        )
        for key, entity in sorted(facts.entities.items()):
            if key not in g:
                g.add_node(
                    key,
                    type=entity.type,
                    label=entity.label_en,
                    label_zh=entity.label_zh,
                    aliases_en=set(),
                    aliases_zh=set(),
                    mentions=0,
                    first_seen="",
                    last_seen="",
                    articles=set(),
                    **entity.attrs,
                )
            node = g.nodes[key]
            if entity.type == "Official" and node["type"] == "Person":
                node["type"] = "Official"
            if not node["label_zh"] and entity.label_zh:
                node["label_zh"] = entity.label_zh
            for k, v in entity.attrs.items():
                node.setdefault(k, v)
            node["aliases_en"] |= entity.aliases_en
            node["aliases_zh"] |= entity.aliases_zh
            count = facts.mentions.get(key, 0)
            if count:
                node["mentions"] += count
                node["articles"].add(a.id)
                if a.date:
                    node["first_seen"] = min(filter(None, (node["first_seen"], a.date)))
                    node["last_seen"] = max(node["last_seen"], a.date)
                evidence = [_ev(e) for e in facts.evidence.get(key, [])]
                g.add_edge(akey, key, key="mentions", type="mentions", count=count, evidence=evidence)
        for person in facts.authors:
            g.add_edge(akey, person, key="author", type="author")
        for rel in facts.relations:
            if g.has_edge(rel.subject, rel.object, key=rel.type + rel.title):
                data = g.edges[rel.subject, rel.object, rel.type + rel.title]
            else:
                g.add_edge(
                    rel.subject, rel.object, key=rel.type + rel.title, type=rel.type, title=rel.title, evidence=[]
                )
                data = g.edges[rel.subject, rel.object, rel.type + rel.title]
            if rel.evidence is not None:
                data["evidence"].append(_ev(rel.evidence))
    for _, data in g.nodes(data=True):
        for k in ("aliases_en", "aliases_zh", "articles"):
            if isinstance(data.get(k), set):
                data[k] = sorted(x for x in data[k] if x and x not in (data.get("label"), data.get("label_zh")))
    return g


def entity_nodes(g: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE)
