"""Which files a part of kgraph runs, and a hash of them: what a change to must invalidate a stored result.

The fact cache keys each article's facts on the extractor's files (:mod:`kgraph.factstore`) and a kept graph
is tagged with the merge's (:mod:`kgraph.graphstate`). A module counts when the code that makes the result
imports it, directly or through other kgraph modules; every data file counts. Where the package lies does not.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path

import kgraph

PACKAGE = Path(kgraph.__file__).resolve().parent


def module_name(package: Path, path: Path) -> str:
    """The name of the kgraph module whose source is ``path``."""
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join(("kgraph", *(parts[:-1] if parts[-1] == "__init__" else parts)))


def _module_file(package: Path, name: str) -> Path | None:
    rel = Path(*name.split(".")[1:])
    for candidate in (package / rel / "__init__.py", (package / rel).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, name: str) -> set[str]:
    """The kgraph modules ``path`` imports (absolute and relative imports, and submodules of packages)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return {m for m in found if m == "kgraph" or m.startswith("kgraph.")}


def module_files(names: Iterable[str], package: Path = PACKAGE) -> list[Path]:
    """The source files of the modules ``names`` and of every kgraph module they import, and every data file."""
    todo = list(names)
    seen: dict[str, Path] = {}
    while todo:
        name = todo.pop()
        path = _module_file(package, name)
        if name in seen or path is None:
            continue
        seen[name] = path
        todo += sorted(_imports(path, name) - set(seen))
    data = [p for p in (package / "data").rglob("*") if p.is_file()]
    return sorted(set(seen.values()) | set(data))


def digest(files: Iterable[Path], package: Path, salt: str) -> str:
    """A hash of ``files`` (their paths within ``package`` and their bytes) and of ``salt``."""
    h = hashlib.sha256(salt.encode())
    for path in files:
        h.update(path.relative_to(package).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()
