"""Posts as data: ``data/titles.tsv`` gives each title its forms in every language and what it implies."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from kgraph.lexicon import split, table
from kgraph.naming import body_types, national_bodies


@dataclass(frozen=True)
class Title:
    """A canonical title and what it says about the body it is held in."""

    title: str
    implies: str = ""  # the body type (or central path) a bare title names: a mayor's government
    unit: str = ""  # the unit of the named body the post sits in: a party group for a "Party Group Secretary"
    level: str = ""  # the level of region a bare title names: a governor's province
    party: bool = False  # the surface says it is a party post ("Party Secretary", 书记)
    acts_for: str = ""  # the full post an acting one is held for (Acting Mayor: Mayor)

    def as_party(self) -> Title:
        return replace(self, party=True)

    @property
    def national(self) -> bool:
        """Whether the title names a central body (a General Secretary's Central Committee, a Premier's
        State Council): the body it implies is one of ``national_bodies.tsv`` and no local type (a CPPCC
        chairman's CPPCC is the local one)."""
        return self.implies in national_bodies() and self.implies not in body_types()


@cache
def titles() -> dict[str, Title]:
    """Every title by its canonical name."""
    return {
        r["title"]: Title(r["title"], r["implies"], r["unit"], r["level"], acts_for=r["acts_for"] or "")
        for r in table("titles.tsv")
    }


@cache
def forms(lang: str) -> dict[str, Title]:
    """Surface form -> title, from the ``<lang>_forms`` column (the first title listing a form wins)."""
    out: dict[str, Title] = {}
    for row in table("titles.tsv"):
        for form in split(row.get(f"{lang}_forms")):
            out.setdefault(form, titles()[row["title"]])
    return out


def title(name: str) -> Title:
    return titles()[name]
