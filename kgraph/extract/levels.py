"""Level words as data (``data/levels.tsv``): 省 and "Provincial" both mean the article's province."""

from __future__ import annotations

from functools import cache

from kgraph.lexicon import split, table


@cache
def level_forms(lang: str) -> dict[str, str]:
    """Level word in ``lang`` -> level ("provincial" -> "province", 市 -> "city")."""
    return {form: r["level"] for r in table("levels.tsv") for form in split(r.get(f"{lang}_forms"))}
