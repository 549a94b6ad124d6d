"""Shared helpers for the Python-side tests: the kernel, the launcher and Binder."""
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
KERNEL = "gan-java"
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def notebook(*cells: str) -> nbformat.NotebookNode:
    """A notebook of code cells for the project's Java kernel."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (GAN tutorial)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path = ROOT, kernel: str = KERNEL) -> nbformat.NotebookNode:
    NotebookClient(nb, kernel_name=kernel, timeout=300, startup_timeout=120,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def outputs(cell) -> list:
    return cell.get("outputs", [])


@pytest.fixture(scope="session")
def python() -> str:
    return sys.executable


def code_cells(name: str) -> list[str]:
    """The sources of a notebook's code cells, in order."""
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def through(cells: list[str], marker: str) -> list[str]:
    """The code cells up to and including the first that contains `marker`."""
    end = next(i for i, source in enumerate(cells) if marker in source)
    return cells[: end + 1]


def shown(cell) -> str:
    """The value a cell's last expression showed, as JJava shows it (strings without quotes)."""
    results = [o for o in outputs(cell) if o["output_type"] == "execute_result"]
    assert results, f"no result from:\n{cell.source}\n{outputs(cell)}"
    return results[-1]["data"]["text/plain"].strip('"')
