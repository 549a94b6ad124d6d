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
