"""notebooks/explore.ipynb runs top to bottom in a real kernel."""

import nbformat
from nbclient import NotebookClient


def test_notebook_executes(root, tmp_path):
    nb = nbformat.read(root / "notebooks" / "explore.ipynb", as_version=4)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "seeds").symlink_to(root / "seeds")
    (tmp_path / "notebooks" / "careers.jsonl").symlink_to(root / "notebooks" / "careers.jsonl")
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path / "notebooks")}}
    ).execute()
    outputs = {i: cell.get("outputs", []) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"}
    assert all(not any(o.get("output_type") == "error" for o in out) for out in outputs.values())
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for out in outputs.values() for o in out)
    assert "Yuan Jiajun" in text  # officials of the Chongqing MPC
    assert "Zou Lianke, secretary" in text  # evidence sentence
    assert "degree centrality" in text
    assert (tmp_path / "notebooks" / "explore-output" / "graph.html").exists()
    # Careers: the table, the career query, a timeline plot and the colleagues network of one body.
    assert "Lin Wenhua" in text and "Yiyang Municipal Party Committee" in text
    assert "pairs of colleagues" in "".join(str(o.get("text", "")) for out in outputs.values() for o in out)
    images = [o for out in outputs.values() for o in out if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the timeline and the network
    assert (tmp_path / "notebooks" / "careers-output" / "careers.csv").read_text().startswith("official_id,")
