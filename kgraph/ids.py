"""Stable ids: one slug rule for every name that becomes part of an id (people, places, campaigns, roles)."""

from __future__ import annotations

import re

_APOSTROPHES = re.compile(r"['’]")
_OTHER = re.compile(r"[^a-z0-9]+")


def slug(text: str, sep: str = "-") -> str:
    """``"Zhang Yigong"`` -> ``zhang-yigong``; ``"Xi'an"`` -> ``xian``; ``"Building +"`` -> ``building-plus``."""
    lowered = _APOSTROPHES.sub("", text.lower().replace("+", " plus "))
    return _OTHER.sub(sep, lowered).strip(sep)
