"""Campaigns as data: the bilingual lexicon (``data/campaigns.tsv``) and what a pack reports it found."""

from __future__ import annotations

from dataclasses import dataclass, replace
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


def _norm(form: str) -> str:
    return " ".join(form.replace("“", "").replace("”", "").replace('"', "").replace("’", "'").lower().split())


@cache
def _namesakes() -> dict[str, list[tuple[str, str]]]:
    """A short name shared by campaigns of different years -> (began, key) of each, earliest first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for key, row in lexicon().items():
        if row.get("began"):
            for form in (row["en"], *split(row["en_alt"]), *split(row["zh"])):
                out.setdefault(_norm(form), []).append((row["began"], key))
    return {form: sorted(keys) for form, keys in out.items() if len(keys) > 1}


def dated(match: CampaignMatch, date: str) -> CampaignMatch:
    """The campaign a shared short name means in an article of ``date``: the latest of that name begun by
    then (主题教育 in 2019 is "Staying True to the Founding Mission", in 2023 the one on Xi Jinping Thought)."""
    namesakes = _namesakes().get(_norm(match.zh or match.label))
    if not namesakes or not date:
        return match
    began = [key for start, key in namesakes if start <= date[:7]]
    key = began[-1] if began else namesakes[0][1]
    return match if key == match.key else replace(match, key=key)


def discovered_key(label: str, prefix: str = "") -> str:
    """The id of a programme the lexicon does not know, made from its name."""
    return prefix + slug(label, "_")[:MAX_KEY]
