"""One source for each default, and networks a reader can touch. Run through the kernel, as a learner would.

- Every notebook's Inputs cell says what its command-line twin starts from: each notebook names the record that
  `./gan train-1d`, `train-mr` or `train-sr` (and their --help) read, and its Inputs must equal it in full mode.
- Notebooks 02 and 06 write G and D in cells with stock DL4J layers, 08 its patch discriminator and 09 its
  conditional G and D; the library's builders, which the loops and the command line use, build exactly those layers
  with the same starting weights.
- A reader who edits a model cell (adds a hidden layer to 02's G, removes batch norm from 06's D) still gets a
  notebook that trains, and the parameter count it reports changes.
"""
import re

import pytest

from conftest import ROOT, code_cells, execute, notebook, shown, through


# notebook, the marker of its Inputs cell, and a Java expression: "same", or what differs.
INPUTS = [
    ("02-models.ipynb", "Gan1dConfig config =",
     'config.equals(Gan1dConfig.defaults()) ? "same" : config + " vs " + Gan1dConfig.defaults()'),
    ("04-training-1d.ipynb", "Gan1dConfig config =",
     "PatternSchedule schedule = new PatternSchedule(evaluateEvery, snapshots);\n"
     'config.equals(Gan1dConfig.defaults()) && schedule.equals(PatternSchedule.defaults()) ? "same"'
     ' : config + ", " + schedule + " vs " + Gan1dConfig.defaults() + ", " + PatternSchedule.defaults()'),
    ("06-image-gan-models.ipynb", "DcganConfig config =",
     'config.equals(DcganConfig.reference()) ? "same" : config + " vs " + DcganConfig.reference()'),
    ("07-image-gan-training.ipynb", "int swdSamples",
     "ImageGanInputs here = new ImageGanInputs(config, levels, "
     "new ImageSchedule(iterations, evaluateEvery, showEvery, checkpointEvery), swdSamples);\n"
     'here.equals(ImageGanInputs.defaults()) ? "same" : here + " vs " + ImageGanInputs.defaults()'),
    ("08-invented-findings.ipynb", "ImageToImageConfig restoration =",
     "RestorationInputs here = new RestorationInputs(restoration, degradation, heldBackScan, l1Iterations, "
     "adversarialIterations, evaluateEvery, inventedDifference, inventedPixels);\n"
     'here.equals(RestorationInputs.defaults()) ? "same" : here + " vs " + RestorationInputs.defaults()'),
]


@pytest.mark.parametrize("name, marker, compare", INPUTS, ids=[n for n, _, _ in INPUTS])
def test_a_notebooks_inputs_are_its_commands_defaults(monkeypatch, tmp_path, name, marker, compare):
    monkeypatch.delenv("GAN_QUICK", raising=False)
    cells = through(code_cells(name), marker)
    nb = execute(notebook(*cells, compare), cwd=tmp_path)
    assert shown(nb.cells[-1]) == 'same', f"{name}'s Inputs and its command's defaults disagree"


# notebook, the model cells' markers, and each network a cell writes beside the library's twin of it.
MODELS = [
    ("02-models.ipynb", ["NeuralNetConfiguration.ListBuilder g", "NeuralNetConfiguration.ListBuilder d"],
     [("generator", "Generator1d.build(config)"), ("discriminator", "Discriminator1d.build(config)")]),
    ("06-image-gan-models.ipynb", ["NeuralNetConfiguration.ListBuilder g", "NeuralNetConfiguration.ListBuilder d"],
     [("generator", "DcganGenerator.build(config)"), ("discriminator", "DcganDiscriminator.build(config)")]),
    ("08-invented-findings.ipynb", ["MultiLayerNetwork patchDiscriminator()"],
     [("patchDiscriminator()", "PatchDiscriminator.build(restoration)")]),
    ("09-latent-walk-and-levels.ipynb", ["NeuralNetConfiguration.ListBuilder g", "NeuralNetConfiguration.ListBuilder d"],
     [("conditionalGenerator", "DcganGenerator.build(config.withLatentSize(config.latentSize() + levels))"),
      ("conditionalDiscriminator", "DcganDiscriminator.build(config, 1 + levels)")]),
]

SAME_NETWORK = """String sameNetwork(MultiLayerNetwork cell, MultiLayerNetwork library) {
    if (!cell.getLayerWiseConfigurations().toJson().equals(library.getLayerWiseConfigurations().toJson())) {
        return "other layers:\\n" + cell.summary() + "\\nlibrary:\\n" + library.summary();
    }
    return cell.params().equals(library.params()) ? "same" : "same layers, other starting weights";
}"""


@pytest.mark.parametrize("name, markers, pairs", MODELS, ids=[n for n, *_ in MODELS])
def test_the_library_builds_the_networks_the_notebook_writes(tmp_path, monkeypatch, name, markers, pairs):
    monkeypatch.setenv("GAN_DATA", str(ROOT / "data" / "cache"))
    cells = code_cells(name)
    imports_and_inputs = cells[:2]
    model_cells = [next(source for source in cells if marker in source) for marker in markers]
    checks = [f"sameNetwork({written}, {library})" for written, library in pairs]
    nb = execute(notebook(*imports_and_inputs, *model_cells, SAME_NETWORK, *checks), cwd=tmp_path)
    for cell, (written, library) in zip(nb.cells[-len(pairs):], pairs):
        assert shown(cell) == 'same', f"{name}: the cell's {written} and {library} differ: {shown(cell)}"


def parameter_counts(nb) -> tuple[int, int]:
    last = shown(nb.cells[-1])
    found = re.search(r"G: (\d+) parameters, D: (\d+) parameters", last)
    assert found, last
    return int(found.group(1)), int(found.group(2))


def without_lines(source: str, marker: str, count: int) -> str:
    """The cell with the `count` lines that carry `marker` deleted, as a reader would delete them."""
    lines = source.split("\n")
    kept = [line for line in lines if marker not in line]
    assert len(kept) == len(lines) - count, f"{count} line(s) should carry {marker!r}"
    return "\n".join(kept)


@pytest.mark.parametrize("name, edit, changed", [
    # A third hidden layer of 32 units in G: 64*32 + 32 more weights into it, and 32*2 + 2 out of it instead of 64*2 + 2.
    ("02-models.ipynb", lambda cells: [s.replace(".withGenerator(List.of(64, 64),", ".withGenerator(List.of(64, 64, 32),")
                                       for s in cells], "G"),
    # No batch norm in D's blocks: the same convolutions, without batch norm's four numbers per channel.
    ("06-image-gan-models.ipynb", lambda cells: [without_lines(s, "new BatchNormalization", 1)
                                                 if "NeuralNetConfiguration.ListBuilder d" in s else s for s in cells], "D"),
])
def test_a_reader_edits_a_model_cell_and_the_notebook_still_trains(monkeypatch, tmp_path, name, edit, changed):
    monkeypatch.setenv("GAN_DATA", str(ROOT / "data" / "cache"))
    monkeypatch.setenv("GAN_QUICK", "1")
    cells = code_cells(name)
    as_written = parameter_counts(execute(notebook(*cells), cwd=tmp_path))
    edited_cells = edit(cells)
    assert edited_cells != cells, "the edit must change the notebook"
    edited = parameter_counts(execute(notebook(*edited_cells), cwd=tmp_path))
    index = 0 if changed == "G" else 1
    assert edited[index] != as_written[index], f"{changed}'s parameter count should change: {as_written} -> {edited}"
    assert edited[1 - index] == as_written[1 - index], f"only {changed} was edited: {as_written} -> {edited}"
