"""The files a part of kgraph runs: the modules it imports, directly or not, absolutely or relatively, and data."""

from kgraph.fingerprints import PACKAGE, digest, module_files, module_name


def names(files) -> set[str]:
    return {p.relative_to(PACKAGE).as_posix() for p in files}


def test_a_modules_files_are_what_it_imports_through_kgraph_and_every_data_file():
    found = names(module_files(["kgraph.graph"]))
    assert {"graph.py", "structure.py", "evidence.py", "naming.py", "gazetteer.py", "facts.py"} <= found
    assert "data/regions.tsv" in found and "data/body_types.tsv" in found
    assert not {"cli.py", "pipeline.py", "export/rdf.py"} & found
    assert "structure.py" in names(module_files([module_name(PACKAGE, PACKAGE / "extract" / "core.py")]))


def test_relative_imports_and_packages_count_too(tmp_path):
    package = tmp_path / "kgraph"
    (package / "sub").mkdir(parents=True)
    (package / "data").mkdir()
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from . import inner\n")
    (package / "sub" / "inner.py").write_text("from ..top import x\n")
    (package / "top.py").write_text("x = 1\n")
    (package / "alone.py").write_text("y = 2\n")
    (package / "data" / "words.tsv").write_text("word\n")
    found = {p.relative_to(package).as_posix() for p in module_files(["kgraph.sub"], package)}
    assert found == {"sub/__init__.py", "sub/inner.py", "top.py", "data/words.tsv"}


def test_the_digest_names_the_files_within_the_package_and_their_bytes(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "b.py").write_text("x = 1\n")
    one = digest([tmp_path / "a.py"], tmp_path, "salt")
    assert one != digest([tmp_path / "b.py"], tmp_path, "salt")  # the same bytes under another name
    assert one != digest([tmp_path / "a.py"], tmp_path, "other salt")
    assert one == digest([tmp_path / "a.py"], tmp_path, "salt")
