"""The page itself: kgraph's Jinja template with vis-network, the styles and the scripts inlined.

vis-network comes from the pyvis package, so the page opens from disk with no
network. The data goes in as JSON that :func:`kgraph.viz.shards.encode` has made
safe inside a ``<script>`` element; the scripts show every text with
``textContent``, never as HTML.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup

from kgraph.viz.shards import encode
from kgraph.viz.site import side_folder

HERE = Path(__file__).resolve().parent


@cache
def _environment() -> Environment:
    pyvis_templates = Path(pyvis.__file__).resolve().parent / "templates"
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(HERE)), FileSystemLoader(str(pyvis_templates))]), autoescape=True
    )


def html(data: dict, store: str | None, page: str = "graph.html") -> str:
    """The page for ``data``; ``store`` is the shards' JSON when they go inline, else they are in the side folder."""
    data = {**data, "files": "" if store is not None else quote(side_folder(page)) + "/"}
    template = _environment().get_template("explorer.html")
    out = template.render(
        title=data["title"],
        data=Markup(encode(data, compact=False)),  # encode escaped < > & for a <script> element
        store=Markup(store) if store is not None else None,  # shards are encoded the same way
    )
    return re.sub(r"[ \t]+\n", "\n", out)
