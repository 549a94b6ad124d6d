"""The training loop is the lesson: notebooks 04 and 07 write it in a cell, and a one-line edit of that cell
changes training the way the notebooks say it does. Run through the kernel, as a learner would."""
import nbformat
import pytest

from conftest import ROOT, execute, notebook, outputs


def cells_through_loop(name: str, loop_marker: str) -> list[str]:
    """The code cells of a notebook up to and including its training-loop cell."""
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    end = next(i for i, source in enumerate(code) if loop_marker in source)
    return code[: end + 1]


def without_line(source: str, marker: str) -> str:
    """The cell with the one line that carries `marker` deleted, as a learner would delete it."""
    lines = source.split("\n")
    kept = [line for line in lines if marker not in line]
    assert len(kept) == len(lines) - 1, f"exactly one line should carry {marker!r}"
    return "\n".join(kept)


def last_value(nb) -> float:
    return float(outputs(nb.cells[-1])[-1]["data"]["text/plain"])


@pytest.mark.parametrize("name, loop, deleted, measured, as_written, after_edit", [
    # Without G's step the generator stays where it started, far from the sine (quick mode: 1,200 iterations).
    ("04-training-1d.ipynb", "Gan1dRun train(", "(3) G learns through D",
     "train(Patterns.sine(), config).trueError().last()", lambda error: error < 0.1, lambda error: error > 0.1),
    # Never told that fakes are fake, D drifts to calling everything real: D(G(z)) near 1.
    ("07-image-gan-training.ipynb", "for (int iteration = gan.iteration() + 1", "(2) D, apart",
     "gan.scoreboard().history().last().fakeScore()", lambda score: score < 0.7, lambda score: score > 0.9),
])
def test_a_one_line_edit_of_the_loop_changes_training(monkeypatch, tmp_path, name, loop, deleted, measured,
                                                       as_written, after_edit):
    monkeypatch.setenv("GAN_DATA", str(ROOT / "data" / "cache"))
    monkeypatch.setenv("GAN_QUICK", "1")
    cells = cells_through_loop(name, loop)
    written = last_value(execute(notebook(*cells, measured), cwd=tmp_path))
    edited = last_value(execute(notebook(*cells[:-1], without_line(cells[-1], deleted), measured), cwd=tmp_path))
    assert as_written(written), f"{name} as written: {measured} = {written}"
    assert after_edit(edited), f"{name} without the line '{deleted}': {measured} = {edited}"
