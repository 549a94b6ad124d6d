"""The OpenBLAS kernel is chosen from the CPU's features, the same way for ./gan, the notebook kernel and the
Maven tests (tools/blas-env), and a value the user set wins."""
import os
import subprocess
from pathlib import Path

from conftest import ROOT, execute, notebook, outputs

BLAS_ENV = str(ROOT / "tools" / "blas-env")


def expected_coretype() -> str | None:
    cpuinfo = Path("/proc/cpuinfo")
    flags = set()
    if cpuinfo.exists():
        line = next((l for l in cpuinfo.read_text().splitlines() if l.startswith("flags")), "")
        flags = set(line.partition(":")[2].split())
    if {"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= flags:
        return "SKYLAKEX"
    if {"avx2", "fma"} <= flags:
        return "HASWELL"
    return None


def chosen(env: dict) -> str:
    result = subprocess.run([BLAS_ENV, "sh", "-c", 'printf %s "${OPENBLAS_CORETYPE:-}"'],
                            env=env, capture_output=True, text=True, check=True)
    return result.stdout


def test_the_kernel_follows_the_cpus_features():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    assert chosen(env) == (expected_coretype() or "")


def test_a_users_own_choice_wins():
    assert chosen(dict(os.environ, OPENBLAS_CORETYPE="HASWELL")) == "HASWELL"


def test_the_notebook_kernel_chooses_it_even_when_jupyter_was_started_elsewhere(monkeypatch):
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    nb = execute(notebook("org.gantutorial.notebook.BackendInfo.detect().blasKernel()"))
    shown = outputs(nb.cells[0])[0]["data"]["text/plain"]
    expected = expected_coretype()
    assert (expected in shown) if expected else ("CPU model" in shown), shown
