"""The core speaks no language, and no language pack reaches into another."""

import ast
from pathlib import Path

import kgraph.extract

EXTRACT = Path(kgraph.extract.__file__).parent
PACKS = sorted(p.name for p in EXTRACT.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_there_are_packs_to_check():
    assert PACKS == ["en", "zh"]


def test_no_pack_imports_another():
    for pack in PACKS:
        others = [f"kgraph.extract.{o}" for o in PACKS if o != pack]
        for module in (EXTRACT / pack).rglob("*.py"):
            bad = [m for m in imports(module) if any(m == o or m.startswith(o + ".") for o in others)]
            assert not bad, f"{module} imports {bad}"


def test_the_core_imports_no_pack():
    packs = [f"kgraph.extract.{p}" for p in PACKS]
    for module in EXTRACT.glob("*.py"):
        bad = [m for m in imports(module) if any(m == p or m.startswith(p + ".") for p in packs)]
        assert not bad, f"{module} imports {bad}"
