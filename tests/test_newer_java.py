"""The jar is Java 17 bytecode and must also run on Java 21 and newer, in the CLI and in the kernel."""
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, execute, notebook, outputs


def newest_jdk() -> Path | None:
    """The newest JDK 21+ on this machine (JAVA21_HOME wins), or None."""
    candidates = [os.environ.get("JAVA21_HOME", "")] + glob.glob("/usr/lib/jvm/*")
    found = []
    for home in filter(None, candidates):
        java = Path(home, "bin/java")
        if java.exists() and Path(home, "bin/jshell").exists():
            version = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
            major = re.search(r'version "(\d+)', version)
            if major and int(major.group(1)) >= 21:
                found.append((int(major.group(1)), Path(home)))
    return max(found)[1] if found else None


JDK = newest_jdk()
pytestmark = pytest.mark.skipif(JDK is None, reason="no JDK 21 or newer on this machine")


def test_cli_runs_quietly_on_a_newer_jdk():
    env = dict(os.environ, PATH=f"{JDK}/bin{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run([str(ROOT / "gan"), "backend"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Java\s+2\d", result.stdout)
    assert "WARNING" not in result.stderr, "the launcher should allow native access and Unsafe on new JVMs"


def test_kernel_runs_dl4j_on_a_newer_jdk(tmp_path, monkeypatch):
    stock = Path(sys.prefix, "share/jupyter/kernels/gan-java")
    spec_dir = tmp_path / "kernels/gan-java-newer"
    spec_dir.mkdir(parents=True)
    for jar in ("jjava.jar", "jjava-launcher.jar"):
        shutil.copy(stock / jar, spec_dir)
    # tools/kernel-start adds the flags a new JVM needs to load native code quietly.
    subprocess.run([sys.executable, str(ROOT / "tools/kernelspec.py"), str(spec_dir),
                    str(ROOT / "lib/target/gan-tutorial.jar"), str(JDK / "bin"), str(ROOT / "tools/kernel-start")],
                   check=True)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    nb = execute(notebook(
        "Runtime.version().feature()",
        "org.nd4j.linalg.factory.Nd4j.ones(2, 2).mmul(org.nd4j.linalg.factory.Nd4j.ones(2, 2)).sumNumber()",
    ), kernel="gan-java-newer")
    assert int(outputs(nb.cells[0])[0]["data"]["text/plain"]) >= 21
    assert float(outputs(nb.cells[1])[0]["data"]["text/plain"]) == 8.0
