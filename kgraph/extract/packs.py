"""The registry of language packs, found by name the way spaCy finds languages and rdflib its plugins.

Built-in packs are registered by module path and imported on first use: the
Chinese pack brings jieba's and pypinyin's dictionaries, which an English-only
build need not load. ``language.detect``, ``reading`` and ``pipeline`` all ask
this registry which languages there are.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from kgraph.extract.pack import Pack

_MODULES: dict[str, str] = {"en": "kgraph.extract.en", "zh": "kgraph.extract.zh"}
_PACKS: dict[str, Pack] = {}


class UnknownLanguage(LookupError):
    """No pack is registered under that name."""


def register(lang: str) -> Callable[[type[Pack]], type[Pack]]:
    """Class decorator: make ``cls()`` the pack of ``lang``."""

    def wrap(cls: type[Pack]) -> type[Pack]:
        cls.lang = lang
        _PACKS[lang] = cls()
        return cls

    return wrap


def names() -> list[str]:
    """Every registered language, built-in or added."""
    return sorted(set(_MODULES) | set(_PACKS))


def get(lang: str) -> Pack:
    """The pack of ``lang``, importing a built-in one on first use."""
    if lang not in _PACKS and lang in _MODULES:
        importlib.import_module(_MODULES[lang])
    try:
        return _PACKS[lang]
    except KeyError:
        raise UnknownLanguage(f"no language pack {lang!r} (known: {', '.join(names())})") from None
