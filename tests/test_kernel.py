"""The Java kernel does what the notebooks rely on: DL4J runs, pictures render, errors fail the run,
and it starts every time."""
import base64
import statistics
import struct
import subprocess
import sys
import time

import pytest
from jupyter_client.manager import KernelManager
from nbclient.exceptions import CellExecutionError

from conftest import KERNEL, ROOT, execute, notebook, outputs
from run_notebooks import error_text


def png_size(data: str) -> tuple[int, int]:
    raw = base64.b64decode(data)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", raw[16:24])


def test_dl4j_trains_a_network_inside_the_kernel():
    nb = execute(notebook(
        """import org.nd4j.linalg.factory.Nd4j;
        import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
        import org.deeplearning4j.nn.conf.layers.*;
        import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
        import org.nd4j.linalg.activations.Activation;
        import org.nd4j.linalg.learning.config.Adam;
        import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;""",
        """var net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(0.05)).list()
            .layer(new DenseLayer.Builder().nIn(1).nOut(8).activation(Activation.TANH).build())
            .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(1).activation(Activation.IDENTITY).build())
            .build());
        net.init();
        var x = Nd4j.linspace(-1, 1, 32).reshape(32, 1);
        var y = x.mul(3).add(1);
        double before = net.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        for (int i = 0; i < 200; i++) net.fit(x, y);
        double after = net.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        after < before / 10""",
    ))
    assert outputs(nb.cells[1])[-1]["data"]["text/plain"] == "true"


def test_buffered_image_and_xchart_render_inline_as_png():
    nb = execute(notebook(
        """var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        display(image);""",
        """var chart = new org.knowm.xchart.XYChartBuilder().width(320).height(200).build();
        chart.addSeries("y", new double[] {1, 2, 3}, new double[] {1, 4, 9});
        chart""",
    ))
    image = [o for o in outputs(nb.cells[0]) if "image/png" in o.get("data", {})]
    chart = [o for o in outputs(nb.cells[1]) if "image/png" in o.get("data", {})]
    assert png_size(image[0]["data"]["image/png"]) == (40, 30)
    assert png_size(chart[0]["data"]["image/png"]) == (320, 200)


def test_live_view_replaces_its_output_in_place():
    nb = execute(notebook(
        """var view = org.gantutorial.notebook.LiveView.create();
        for (int i = 1; i <= 5; i++) view.show("step " + i + " of 5");"""
    ))
    shown = [o for o in outputs(nb.cells[0]) if o["output_type"] == "display_data"]
    assert len(shown) == 1, "LiveView must keep one output, updated in place"
    assert shown[0]["data"]["text/plain"] == "step 5 of 5"


def test_cells_run_in_the_notebooks_folder(tmp_path):
    nb = execute(notebook('new java.io.File(".").getCanonicalPath()'), cwd=tmp_path)
    assert outputs(nb.cells[0])[0]["data"]["text/plain"] == str(tmp_path.resolve())


@pytest.mark.parametrize("source, message", [
    ('int broken = "not a number";', "incompatible types"),
    ('throw new IllegalStateException("boom from a cell");', "boom from a cell"),
])
def test_a_failing_cell_fails_the_headless_run(source, message):
    nb = notebook("int fine = 1;", source, "int never = 2;")
    with pytest.raises(CellExecutionError):
        execute(nb)
    assert message in error_text(nb.cells[1])
    assert outputs(nb.cells[2]) == [] and nb.cells[2].get("execution_count") is None, "cells after an error must not run"


def test_the_runner_exits_non_zero_and_keeps_the_source(tmp_path):
    import nbformat
    source = tmp_path / "broken.ipynb"
    nbformat.write(notebook('throw new RuntimeException("expected failure");'), source)
    before = source.read_text()
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/run_notebooks.py"), "--out", str(tmp_path / "out"), str(source)],
        capture_output=True, text=True)
    assert result.returncode == 1
    assert "FAIL broken.ipynb" in result.stdout
    assert source.read_text() == before, "the runner must never rewrite a source notebook"
    assert (tmp_path / "out/broken.ipynb").exists(), "the executed copy (with the error) is kept for reading"


STARTS = 50


def test_kernel_starts_reliably(capsys):
    """The kernel answers kernel_info on every one of many starts (no start-up race)."""
    hangs, seconds = 0, []
    for _ in range(STARTS):
        manager = KernelManager(kernel_name=KERNEL)
        started = time.monotonic()
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            seconds.append(time.monotonic() - started)
        except RuntimeError:
            hangs += 1
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
    with capsys.disabled():
        print(f"\nkernel starts: {STARTS}, hangs: {hangs}, median start {statistics.median(seconds):.2f} s, "
              f"max {max(seconds):.2f} s")
    assert hangs == 0
