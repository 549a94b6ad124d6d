"""The library's loops are copies of the notebooks' loop cells, for the command line and the tests: trained from the
same seed, a notebook's loop cell and its library copy end with the very same generator. Which test ties which:

- notebook 04's `train(...)` cell and `PatternTraining.train` (`./gan train-1d`): test_notebook_04s_loop_is_pattern_training
- notebook 07's loop cell and `ImageTraining.run` (`./gan train-mr`): test_notebook_07s_loop_is_image_training
- both loop cells and `GanRound.play`, which both library copies call: the same two tests
- notebook 08's `train(...)` cell and `RestorerTraining.run` (`./gan train-sr`): test_notebook_08s_loop_is_restorer_training
"""
from conftest import ROOT, code_cells, execute, notebook, shown, through


SAME = """String same(INDArray notebook, INDArray library) {
    return notebook.equals(library) ? "same" : "the weights differ by up to " + notebook.sub(library).amaxNumber();
}"""


def test_notebook_04s_loop_is_pattern_training(monkeypatch, tmp_path):
    monkeypatch.setenv("GAN_QUICK", "1")
    cells = through(code_cells("04-training-1d.ipynb"), "Gan1dRun train(")
    compare = """Gan1dConfig shortRun = config.withIterations(300);
Gan1dRun inNotebook = train(Patterns.sine(), shortRun);
Gan1dRun inLibrary = PatternTraining.train(Patterns.sine(), shortRun, new PatternSchedule(evaluateEvery, snapshots), true);
same(inNotebook.generator().network().params(), inLibrary.generator().network().params())"""
    nb = execute(notebook(*cells, SAME, compare), cwd=tmp_path)
    assert shown(nb.cells[-1]) == "same", shown(nb.cells[-1])


def test_notebook_07s_loop_is_image_training(monkeypatch, tmp_path):
    monkeypatch.setenv("GAN_QUICK", "1")
    monkeypatch.setenv("GAN_DATA", str(ROOT / "data" / "cache"))
    cells = code_cells("07-image-gan-training.ipynb")
    loop = next(source for source in cells if "for (int iteration = gan.iteration() + 1" in source)
    shorter = [source.replace("int iterations = Tutorial.choose(2100, 100);", "int iterations = 30;") for source in
               through(cells, "ImageDashboard dashboard =")]
    compare = """Path elsewhere = output.resolveSibling(output.getFileName() + "-library");
ImageGan twin = ImageGan.start(config, slices, swd);
ImageTraining.run(twin, slices, swd, new ImageDashboard(twin, swd, elsewhere),
        new ImageSchedule(iterations, evaluateEvery, showEvery, checkpointEvery), elsewhere, true);
same(gan.generator().network().params(), twin.generator().network().params())"""
    nb = execute(notebook(*shorter, loop, SAME, compare), cwd=tmp_path)
    assert shown(nb.cells[-1]) == "same", shown(nb.cells[-1])


def test_notebook_08s_loop_is_restorer_training(monkeypatch, tmp_path):
    monkeypatch.setenv("GAN_QUICK", "1")
    monkeypatch.setenv("GAN_DATA", str(ROOT / "data" / "cache"))
    cells = through(code_cells("08-invented-findings.ipynb"), "Restorer train(")
    cells = [source for source in cells if "RestorationPictures.table" not in source or "SlicePairs training" in source]
    compare = """Restorer l1InNotebook = train(new Restorer(UNetGenerator.build(restoration)), false, 20);
Restorer ganInNotebook = train(l1InNotebook.copy(), true, 10);
RestorerRun l1Run = RestorerRun.l1(restoration);
RestorerTraining.run(l1Run, training, heldBack, 20, evaluateEvery, Path.of("library-l1"), 200, true);
RestorerRun ganRun = RestorerRun.adversarial(restoration, l1Run.restorer());
RestorerTraining.run(ganRun, training, heldBack, 10, evaluateEvery, Path.of("library-gan"), 200, true);
same(ganInNotebook.network().params(), ganRun.restorer().network().params())"""
    nb = execute(notebook(*cells, SAME, compare), cwd=tmp_path)
    assert shown(nb.cells[-1]) == "same", shown(nb.cells[-1])
