"""docs/views.md runs as written, and the example notebook runs top to bottom.

Each ```python block of the page runs on its own, with ``text`` bound to the example
article, as every documentation block of the project does. The notebook runs in a real
Jupyter kernel through nbclient (the ``notebook`` extra).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import KRAMATORSK

ROOT = Path(__file__).parent.parent
DOC = ROOT / "docs" / "views.md"
NOTEBOOK = ROOT / "examples" / "explore.ipynb"
BLOCK_RE = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)
BLOCKS = BLOCK_RE.findall(DOC.read_text(encoding="utf-8"))


def test_the_page_has_blocks() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(1, len(BLOCKS) + 1)])
def test_docs_block_runs(block: str, tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    pytest.importorskip("prov")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, str(DOC), "exec"), {"text": KRAMATORSK, "__name__": "__docs__"})


def test_example_notebook_runs_offline() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell, if any cell fails
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    kinds = {kind for output in outputs for kind in output.get("data", {})}
    assert {"text/html", "image/png"} <= kinds  # the tables, the article and the picture
    assert not [output for output in outputs if output["output_type"] == "error"]
