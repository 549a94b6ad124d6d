"""Binder builds from environment.yml and binder/postBuild; we can't run Binder here, so we run the
same steps against this project's environment and use the kernel they install."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import KERNEL, ROOT, execute, notebook, outputs


def pins(lines) -> dict[str, str]:
    found = {}
    for line in lines:
        match = re.match(r"^\s*(?:-\s*)?([A-Za-z0-9_.-]+)==([^\s#]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_binder_pins_the_same_python_packages_as_the_venv():
    venv = pins((ROOT / "requirements.txt").read_text().splitlines())
    binder = pins((ROOT / "environment.yml").read_text().splitlines())
    assert venv and binder == venv


def test_binder_reads_the_root_environment():
    # repo2docker ignores files outside binder/ once that folder exists.
    link = ROOT / "binder/environment.yml"
    assert link.is_symlink() and link.resolve() == (ROOT / "environment.yml").resolve()


def test_post_build_installs_the_one_java_kernel_prewarmed_and_leaves_no_build_cache(tmp_path):
    prefix = Path(sys.prefix)
    kernel_dir = prefix / "share/jupyter/kernels" / KERNEL
    shutil.rmtree(kernel_dir, ignore_errors=True)
    # A home of its own, as Binder's image has: postBuild deletes the Maven cache there. Java takes its
    # home from the user database, not from HOME, so it is told too.
    home = tmp_path / "home"
    (home / ".m2").mkdir(parents=True)
    env = dict(os.environ, HOME=str(home), JAVA_TOOL_OPTIONS=f"-Duser.home={home}",
               PATH=f"{prefix / 'bin'}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run([str(ROOT / "binder/postBuild")], env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr
    assert (kernel_dir / "kernel.json").exists()
    listed = subprocess.run([str(prefix / "bin/jupyter"), "kernelspec", "list", "--json"], capture_output=True, text=True)
    java_kernels = [name for name, spec in json.loads(listed.stdout)["kernelspecs"].items()
                    if spec["spec"]["language"] == "java"]
    assert java_kernels == [KERNEL], "a learner must see one Java kernel, the one with the library"
    natives = list((home / ".javacpp").rglob("libnd4jcpu.so"))
    assert natives, "postBuild unpacks ND4J's native library into the image"
    assert not (home / ".m2").exists()
    assert [p.name for p in (ROOT / "lib/target").iterdir()] == ["gan-tutorial.jar"]
    nb = execute(notebook("org.gantutorial.notebook.BackendInfo.detect().backend()"))
    assert outputs(nb.cells[0])[0]["data"]["text/plain"] == "CpuBackend"
