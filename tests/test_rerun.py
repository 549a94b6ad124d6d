"""A reader's loop: change a value in the Inputs cell, run it again, run a later cell again. In a Java kernel
that redeclares the Inputs variables; the notebooks must give the changed result, not a NullPointerException."""
import re

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL, ROOT, outputs


def code_cells(name: str) -> list:
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def result(cell) -> str:
    shown = [o for o in outputs(cell) if o["output_type"] == "execute_result"]
    assert shown, f"no result from:\n{cell.source}\n{outputs(cell)}"
    return shown[-1]["data"]["text/plain"]


@pytest.mark.parametrize("name, inputs_edit, later, check, before, after", [
    # The quick-mode iteration count, whatever the full one is.
    ("04-training-1d.ipynb", (r"(int iterations = Tutorial\.choose\(\d+, )1200\)", r"\g<1>600)"),
     ["Gan1dRun sine = train("], "sine.trueError().points().get(sine.trueError().points().size() - 1).iteration()",
     "1200", "600"),
    ("07-image-gan-training.ipynb", (r"(int iterations = Tutorial\.choose\(\d+, )100\)", r"\g<1>40)"),
     ["TrainingSlices slices", "for (int iteration"], "gan.iteration()", "100", "40"),
])
def test_changing_an_input_and_running_again_gives_the_changed_result(
        monkeypatch, tmp_path, name, inputs_edit, later, check, before, after):
    monkeypatch.setenv("GAN_DATA", str(ROOT / "data" / "cache"))
    monkeypatch.setenv("GAN_QUICK", "1")
    cells = code_cells(name)
    inputs = next(cell for cell in cells if re.search(inputs_edit[0], cell.source))
    later_cells = [next(i for i, cell in enumerate(cells) if marker in cell.source) for marker in later]
    check_cell = nbformat.v4.new_code_cell(check)
    nb = nbformat.v4.new_notebook(cells=cells[: max(later_cells) + 1] + [check_cell])
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (GAN tutorial)", "language": "java"}
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, startup_timeout=120,
                            resources={"metadata": {"path": str(tmp_path)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        assert result(check_cell) == before

        inputs.source = re.sub(*inputs_edit, inputs.source)
        for index in [cells.index(inputs), *later_cells, len(nb.cells) - 1]:
            client.execute_cell(nb.cells[index], index)
    assert result(check_cell) == after
