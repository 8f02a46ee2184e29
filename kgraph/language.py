"""Language detection: the registered pack whose script the text is written in.

Chinese articles carry Latin letters (dates, "GDP") and English ones a few Han
characters (a source line); each pack weighs its own script (a Han character
counts five Latin letters) over a sample, and the heaviest wins.
"""

from __future__ import annotations

from kgraph.extract import packs

DEFAULT = "en"
SAMPLE = 20000


def detect(text: str) -> str:
    """The language of ``text``: ``"zh"`` when Han characters outweigh Latin letters, and so on."""
    sample = text[:SAMPLE]
    best, weight = DEFAULT, 0.0
    for lang in packs.names():
        pack = packs.get(lang)
        w = len(pack.script.findall(sample)) * pack.script_weight
        if w > weight:
            best, weight = lang, w
    return best
