"""examples/tutorial.ipynb runs from top to bottom (nbclient, a real kernel) and shows what it says."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "tutorial.ipynb"


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return str(data.get("text/plain", "")) + str(data.get("text/html", ""))


def test_tutorial_notebook_executes(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    work = tmp_path / "nb"
    work.mkdir()
    shutil.copy(NOTEBOOK, work / NOTEBOOK.name)
    nb = nbformat.read(work / NOTEBOOK.name, as_version=4)
    for cell in nb.cells:  # run what the notebook says, not what it showed last time
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors
    text = "\n".join(_text(o) for o in outputs)
    assert "ingested 31 article(s)" in text and "0 error(s)" in text
    for person in ("Kiều Thúy Nga", "Phạm Thị Bích Dung"):
        assert person in text, person
    assert "Vụ trưởng — Vụ Thư viện" in text
    assert "Hội Thư viện Việt Nam" in text  # the institutions network
    assert any("image/png" in o.get("data", {}) for o in outputs), "the network is drawn inline"
    assert (work / "tutorial-out" / "institutions.gexf").stat().st_size > 0
