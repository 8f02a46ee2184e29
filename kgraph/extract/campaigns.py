"""Campaigns as data: the bilingual lexicon (``data/campaigns.tsv``) and what a pack reports it found."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kgraph.ids import slug
from kgraph.lexicon import split, table

#: Campaign kinds that are studied, not carried out: an ideology is no programme.
NOT_IMPLEMENTED = ("thought",)
MAX_KEY = 80


@dataclass(frozen=True)
class CampaignMatch:
    """A campaign named in a sentence: a lexicon key, or a key made from the name for one discovered."""

    key: str
    label: str  # as written (English label, or the pinyin of a Chinese name)
    start: int
    end: int
    discovered: bool = False
    zh: str = ""  # the Chinese name as written, for campaigns found in Chinese
    hides_places: bool = True  # a place inside its name ("Pujiang Experience") is not the article's place


@cache
def lexicon() -> dict[str, dict[str, str]]:
    """Lexicon rows by key."""
    return {r["key"]: r for r in table("campaigns.tsv")}


def forms(lang: str) -> dict[str, str]:
    """Surface form -> key, from the ``en``/``en_alt`` or ``zh`` columns."""
    out: dict[str, str] = {}
    for key, row in lexicon().items():
        columns = (row["en"], *split(row["en_alt"])) if lang == "en" else split(row.get(lang))
        for form in columns:
            out.setdefault(form, key)
    return out


def discovered_key(label: str, prefix: str = "") -> str:
    """The id of a programme the lexicon does not know, made from its name."""
    return prefix + slug(label, "_")[:MAX_KEY]
