"""./gan explains what is missing instead of failing with a stack trace."""
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

GAN = str(ROOT / "gan")


def gan(*args, path: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if path is not None:
        env["PATH"] = path
    return subprocess.run([GAN, *args], capture_output=True, text=True, env=env, timeout=600)


def fake_tool(folder: Path, name: str, script: str) -> None:
    tool = folder / name
    tool.write_text("#!/bin/sh\n" + script + "\n")
    tool.chmod(0o755)


def path_without(tmp_path: Path, *names: str) -> str:
    """A PATH with every command of the current PATH except `names` (first found wins, as in a shell)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            target = folder / entry.name
            if entry.name not in names and not target.exists() and os.access(entry.path, os.X_OK):
                target.symlink_to(entry.path)
    return str(folder)


def test_help_lists_every_subcommand_with_a_line_each():
    result = gan("help")
    assert result.returncode == 0
    dispatched = set(re.findall(r"^\s{4}([a-z0-9-]+)(?: \|[^)]*)?\)", (ROOT / "gan").read_text(), re.M))
    dispatched -= {"help"}
    listed = set(re.findall(r"^  ([a-z0-9-]+)\s{2,}\S", result.stdout, re.M))
    assert dispatched <= listed, f"not in ./gan help: {dispatched - listed}"


def test_unknown_command_is_refused_with_the_list():
    result = gan("tarin")
    assert result.returncode != 0
    assert "unknown command 'tarin'" in result.stderr and "./gan COMMAND" in result.stderr


def test_no_java_says_what_to_install(tmp_path):
    result = gan("setup", path=path_without(tmp_path, "java", "javac", "jshell"))
    assert result.returncode == 1
    assert "a Java JDK 17 or newer" in result.stderr
    assert "sudo apt-get install -y openjdk-17-jdk-headless" in result.stderr
    assert "conda install -c conda-forge openjdk=17" in result.stderr
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr


def test_old_java_is_named_with_its_version(tmp_path):
    path = path_without(tmp_path, "java")
    fake_tool(Path(path), "java", 'echo \'openjdk version "11.0.22" 2024-01-16\' >&2')
    result = gan("setup", path=path)
    assert result.returncode == 1
    assert "Java 17 or newer (found Java 11" in result.stderr


def test_python_without_venv_says_what_to_install(tmp_path):
    path = path_without(tmp_path, "python3")
    fake_tool(Path(path), "python3", 'case "$*" in *venv*) exit 1;; *) exit 0;; esac')
    result = gan("setup", path=path)
    assert result.returncode == 1
    assert "Python's venv module" in result.stderr
    assert "sudo apt-get install -y python3-venv" in result.stderr


def test_setup_is_quick_when_nothing_changed():
    assert gan("setup").returncode == 0
    again = gan("setup")
    assert again.returncode == 0
    assert "Creating" not in again.stdout and "Building" not in again.stdout


def test_lab_serves_the_notebooks_with_the_tutorial_kernel():
    import json
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    lab = subprocess.Popen([GAN, "lab", "--no-browser", f"--port={port}", "--ServerApp.token=test-token",
                            "--ServerApp.ip=127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/kernelspecs?token=test-token", timeout=5) as reply:
                    specs = json.load(reply)
                break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not start within 2 minutes"
                time.sleep(1)
        assert specs["kernelspecs"]["gan-java"]["spec"]["display_name"] == "Java (GAN tutorial)"
        with urllib.request.urlopen(f"{base}/contents?token=test-token", timeout=5) as reply:
            names = {entry["name"] for entry in json.load(reply)["content"]}
        assert "01-setup.ipynb" in names, "JupyterLab must open on notebooks/"
    finally:
        lab.terminate()
        lab.wait(timeout=30)
