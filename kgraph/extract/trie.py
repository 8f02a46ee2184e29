"""Regular expressions for large phrase lists, factored into a trie.

An alternation of thousands of phrases makes Python's ``re`` try each one at
every position; sharing prefixes (``Party (?:Committee|Group)``) makes each
position cost one walk down the trie instead.
"""

from __future__ import annotations

import re


def trie_pattern(phrases: list[str], flexible_space: bool = True) -> str:
    """A regex source that matches exactly the phrases, longest first at each branch."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie, flexible_space)


def _render(node: dict, flexible_space: bool) -> str:
    branches = []
    end = "" in node
    for ch in sorted((k for k in node if k), key=lambda c: (c == " ", c)):
        piece = r"\s+" if ch == " " and flexible_space else re.escape(ch)
        branches.append(piece + _render(node[ch], flexible_space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body
